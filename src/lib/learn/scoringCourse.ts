/** The course cut down to what scoring reads (each step's path and points, each question's id and concept), so a page can count points without carrying the lessons' words. */
import type { Course, Question, Test } from './lessonTypes';

const bare = (q: Question): Question => ({ id: q.id, concept: q.concept, prompt: '', options: [] });
const bareTest = (t: Test | null): Test | null => (t ? { slug: t.slug, title: t.title, intro: '', questions: t.questions.map(bare) } : null);

/** The course with only what points, tiers and test scores need. */
export function scoringCourse(course: Course): Course {
	return {
		lessons: course.lessons.map((l) => ({
			number: l.number,
			slug: l.slug,
			title: l.title,
			summary: '',
			steps: l.steps.map((s) => ({
				path: s.path,
				slug: s.slug,
				title: s.title,
				stage: null,
				worlds: null,
				gate: null,
				points: s.points,
				blocks: s.blocks.flatMap((b) => (b.kind === 'question' ? [{ kind: 'question' as const, question: bare(b.question) }] : [])),
				sources: [],
				words: 0,
				text: ''
			}))
		})),
		preTest: bareTest(course.preTest),
		postTest: bareTest(course.postTest)
	};
}
