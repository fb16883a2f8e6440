import { describe, expect, it } from 'vitest';
import { course, localCourse } from './course.server';

describe('the course in Chinese', () => {
	const zh = localCourse('zh-CN');

	it('has the same lessons, steps, worlds, gates, points and questions as the English: only the words differ', () => {
		const shape = (c: typeof course) =>
			c.lessons.map((l) => ({ slug: l.slug, steps: l.steps.map((s) => ({ path: s.path, stage: s.stage, worlds: s.worlds?.map(({ label: _, ...w }) => w) ?? null, gate: s.gate && { ...s.gate, label: '' }, points: s.points, blocks: s.blocks.map((b) => (b.kind === 'question' ? `q:${b.question.id}:${b.question.concept}:${b.question.options.findIndex((o) => o.right)}` : b.kind === 'try' ? `try:${b.goal}` : b.kind)) })) }));
		expect(shape(zh)).toEqual(shape(course));
	});

	it('reads the first three lessons in Chinese and the rest in English', () => {
		expect(zh.lessons.slice(0, 3).map((l) => l.title)).toEqual(['排序器做什么', expect.stringMatching(/[\u4e00-\u9fff]/), expect.stringMatching(/[\u4e00-\u9fff]/)]);
		for (const l of zh.lessons.slice(0, 3)) for (const s of l.steps) expect(s.title, s.path).toMatch(/[\u4e00-\u9fff]/);
		expect(zh.lessons[3].title).toBe(course.lessons[3].title);
	});
});
