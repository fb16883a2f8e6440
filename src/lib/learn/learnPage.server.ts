/** What a page under /learn (or its embedded twin under /embed) shows: a step with its lesson and neighbours, a lesson's overview, or a test. */
import { localCourse } from './course.server';
import { courseMap, findStep, learnPaths } from './content/course';

/** The page at `slug`, or null when there is none. */
export function learnPage(slug: string) {
	const course = localCourse();
	const map = courseMap(course);
	const paths = learnPaths(course);
	const at = paths.indexOf(slug);
	if (at < 0) return null;
	const neighbours = { prev: paths[at - 1] ?? null, next: paths[at + 1] ?? null };
	if (slug === 'pre-test' || slug === 'post-test') {
		const test = slug === 'pre-test' ? course.preTest! : course.postTest!;
		return { kind: 'test' as const, map, test, ...neighbours, other: slug === 'post-test' ? course.preTest : null };
	}
	const lesson = course.lessons.find((l) => l.slug === slug);
	if (lesson) return { kind: 'lesson' as const, map, lesson: map.lessons.find((l) => l.slug === lesson.slug)!, ...neighbours };
	const found = findStep(course, slug)!;
	return { kind: 'step' as const, map, step: found.step, lesson: map.lessons.find((l) => l.slug === found.lesson.slug)!, index: found.index, ...neighbours };
}

/** Every question in lesson `slug`'s steps, in order, by id and concept (what an embedded lesson is scored on). */
export function lessonQuestions(slug: string): { id: string; concept: string }[] {
	const course = localCourse();
	const lesson = course.lessons.find((l) => l.slug === slug);
	return lesson ? lesson.steps.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'question' ? [{ id: b.question.id, concept: b.question.concept }] : []))) : [];
}

/** Every path under /learn. */
export function allLearnPaths(): string[] {
	return learnPaths(localCourse());
}
