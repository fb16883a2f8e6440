import { describe, expect, it } from 'vitest';
import { course, localCourse } from './course.server';

describe('the course in Chinese', () => {
	const zh = localCourse('zh-CN');

	it('has the same lessons, steps, worlds, gates, points and questions as the English: only the words differ', () => {
		const shape = (c: typeof course) =>
			c.lessons.map((l) => ({ slug: l.slug, steps: l.steps.map((s) => ({ path: s.path, stage: s.stage, worlds: s.worlds?.map(({ label: _, ...w }) => w) ?? null, gate: s.gate && { ...s.gate, label: '' }, points: s.points, blocks: s.blocks.map((b) => (b.kind === 'question' ? `q:${b.question.id}:${b.question.concept}:${b.question.options.findIndex((o) => o.right)}` : b.kind === 'try' ? `try:${b.goal}` : b.kind)) })) }));
		expect(shape(zh)).toEqual(shape(course));
	});

	it('asks the same test questions, with the same right answers, in Chinese', () => {
		const shape = (t: typeof course.preTest) => t?.questions.map((q) => `${q.id}:${q.concept}:${q.options.findIndex((o) => o.right)}:${q.options.length}`);
		for (const which of ['preTest', 'postTest'] as const) {
			expect(shape(zh[which]), which).toEqual(shape(course[which]));
			expect(zh[which]?.title, which).toMatch(/[\u4e00-\u9fff]/);
			for (const q of zh[which]?.questions ?? []) expect(q.prompt, q.id).toMatch(/[\u4e00-\u9fff]/);
		}
	});

	it('reads every lesson and step in Chinese', () => {
		expect(zh.lessons[0].title).toBe('排序器做什么');
		for (const l of zh.lessons) {
			expect(l.title, l.slug).toMatch(/[\u4e00-\u9fff]/);
			for (const s of l.steps) expect(s.title, s.path).toMatch(/[\u4e00-\u9fff]/);
		}
	});
});
