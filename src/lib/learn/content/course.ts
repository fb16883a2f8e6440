/**
 * The course from its files: `lessons/NN-topic/index.md` (a lesson's title and summary), its
 * `NN-step/index.md` steps, and `tests/pre-test.md` and `tests/post-test.md`. Folder numbers give
 * the order and are stripped from the URLs.
 */
import type { Course, CourseMap, Lesson, Step, Test } from '../lessonTypes';
import { readBody } from './blocks';
import { LessonFront, readFront, StepFront, TestFront } from './frontmatter';
import { parseMarkdown } from './markdown';

const NUMBERED = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** Builds the course from file texts keyed by path relative to `content/` (e.g. `lessons/01-a/02-b/index.md`). Throws naming the first bad file. */
export function buildCourse(files: Record<string, string>): Course {
	const lessons = new Map<string, { front?: { title: string; summary: string }; steps: { order: string; step: Step }[]; number: number; slug: string }>();
	for (const [file, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
		const parts = file.split('/');
		if (parts[0] !== 'lessons') continue;
		if (parts.length < 3 || parts.at(-1) !== 'index.md' || parts.length > 4) throw new Error(`${file}: lessons live in lessons/NN-topic/index.md and lessons/NN-topic/NN-step/index.md`);
		const lessonDir = NUMBERED.exec(parts[1]);
		if (!lessonDir) throw new Error(`${file}: a lesson folder is named NN-topic, e.g. 01-what-a-sequencer-does`);
		const lesson = lessons.get(parts[1]) ?? { steps: [], number: Number(lessonDir[1]), slug: lessonDir[2] };
		lessons.set(parts[1], lesson);
		const { front, body } = parseMarkdown(text);
		if (parts.length === 3) {
			lesson.front = readFront(LessonFront, front, file);
			continue;
		}
		const stepDir = NUMBERED.exec(parts[2]);
		if (!stepDir) throw new Error(`${file}: a step folder is named NN-step, e.g. 01-mempool`);
		lesson.steps.push({ order: parts[2], step: readStep(front, body, file, `${lesson.slug}/${stepDir[2]}`, stepDir[2]) });
	}
	const list: Lesson[] = [...lessons.entries()].map(([dir, l]) => {
		if (!l.front) throw new Error(`lessons/${dir}/index.md is missing (a lesson's title and summary)`);
		if (!l.steps.length) throw new Error(`lessons/${dir} has no steps`);
		return { number: l.number, slug: l.slug, title: l.front.title, summary: l.front.summary, steps: l.steps.map((s) => s.step) };
	});
	const slugs = new Set<string>();
	for (const l of list) {
		if (slugs.has(l.slug)) throw new Error(`two lessons are called ${l.slug}`);
		slugs.add(l.slug);
	}
	return { lessons: list, preTest: readTest(files, 'pre-test'), postTest: readTest(files, 'post-test') };
}

function readStep(front: unknown, body: Parameters<typeof readBody>[0], file: string, path: string, slug: string): Step {
	const f = readFront(StepFront, front, file);
	const read = readBody(body, file, path);
	if (f.focus && !f.scenario) throw new Error(`${file}: focus needs a scenario to focus on`);
	if (f.worlds && f.scenario) throw new Error(`${file}: a step shows one scenario or several worlds, not both`);
	if (f.panel && !f.scenario) throw new Error(`${file}: panel needs a scenario whose world to show`);
	if (f.waitFor && !f.scenario) throw new Error(`${file}: waitFor needs a scenario whose events to wait for`);
	const stage = f.scenario ? { scenario: f.scenario, finality: f.finality, seed: f.seed, focus: f.focus, at: f.at, panel: f.panel } : null;
	return { path, slug, title: f.title, stage, worlds: f.worlds ?? null, gate: f.waitFor ?? null, points: f.points, blocks: read.blocks, sources: f.sources, words: read.words, text: read.text };
}

function readTest(files: Record<string, string>, slug: 'pre-test' | 'post-test'): Test | null {
	const file = `tests/${slug}.md`;
	const text = files[file];
	if (text === undefined) return null;
	const { front, body } = parseMarkdown(text);
	const f = readFront(TestFront, front, file);
	const read = readBody(body, file, slug);
	const questions = read.blocks.flatMap((b) => (b.kind === 'question' ? [b.question] : []));
	const intro = read.blocks.flatMap((b) => (b.kind === 'prose' ? [b.html] : [])).join('\n');
	if (!questions.length) throw new Error(`${file}: a test needs questions`);
	return { slug, title: f.title, intro, questions };
}

/** Finds a step by its path. */
export function findStep(course: Course, path: string): { lesson: Lesson; step: Step; index: number } | null {
	for (const lesson of course.lessons) {
		const index = lesson.steps.findIndex((s) => s.path === path);
		if (index >= 0) return { lesson, step: lesson.steps[index], index };
	}
	return null;
}

/** The course's outline: what every page needs to show the map and step through it. */
export function courseMap(course: Course): CourseMap {
	return {
		lessons: course.lessons.map((l) => ({ number: l.number, slug: l.slug, title: l.title, summary: l.summary, steps: l.steps.map((s) => ({ path: s.path, title: s.title, quiz: s.blocks.some((b) => b.kind === 'question') })) })),
		tests: { pre: !!course.preTest, post: !!course.postTest }
	};
}

/** Every page under /learn, in reading order: the pre-test, each lesson's overview and steps, the post-test. */
export function learnPaths(course: Course): string[] {
	return [...(course.preTest ? ['pre-test'] : []), ...course.lessons.flatMap((l) => [l.slug, ...l.steps.map((s) => s.path)]), ...(course.postTest ? ['post-test'] : [])];
}
