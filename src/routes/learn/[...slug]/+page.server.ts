import { error } from '@sveltejs/kit';
import { course } from '$lib/learn/course.server';
import { courseMap, findStep, learnPaths } from '$lib/learn/content/course';
import type { EntryGenerator, PageServerLoad } from './$types';

/** Every lesson, step and test is prerendered. */
export const entries: EntryGenerator = () => learnPaths(course).map((slug) => ({ slug }));

/** A step (with its lesson and neighbours), a lesson's overview, or a test. */
export const load: PageServerLoad = ({ params }) => {
	const map = courseMap(course);
	const paths = learnPaths(course);
	const at = paths.indexOf(params.slug);
	if (at < 0) error(404, 'There is no such lesson or step.');
	const neighbours = { prev: paths[at - 1] ?? null, next: paths[at + 1] ?? null };
	if (params.slug === 'pre-test' || params.slug === 'post-test') {
		const test = params.slug === 'pre-test' ? course.preTest! : course.postTest!;
		return { kind: 'test' as const, map, test, ...neighbours, other: params.slug === 'post-test' ? course.preTest : null };
	}
	const lesson = course.lessons.find((l) => l.slug === params.slug);
	if (lesson) return { kind: 'lesson' as const, map, lesson: map.lessons.find((l) => l.slug === lesson.slug)!, ...neighbours };
	const found = findStep(course, params.slug)!;
	return { kind: 'step' as const, map, step: found.step, lesson: map.lessons.find((l) => l.slug === found.lesson.slug)!, index: found.index, ...neighbours };
};
