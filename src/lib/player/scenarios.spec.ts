import { describe, expect, it } from 'vitest';
import { SCENARIOS, STORY_ORDER, storyChapters } from './scenarios';

describe('the scenarios as a story', () => {
	it('names every bundled scenario once, happy path first, Metis as deployed last', () => {
		expect([...STORY_ORDER].sort()).toEqual(SCENARIOS.map((s) => s.name).sort());
		expect(SCENARIOS.map((s) => s.name)).toEqual(STORY_ORDER);
		expect(STORY_ORDER.slice(0, 2)).toEqual(['demo', 'happy-path']);
		expect(STORY_ORDER[STORY_ORDER.length - 1]).toBe('as-deployed-metis');
	});
	it('groups them in chapters, and a scenario the story does not name comes last', () => {
		const extra = { ...SCENARIOS[0], name: 'my-world', title: 'My world' };
		const chapters = storyChapters([...SCENARIOS, extra]);
		expect(chapters.flatMap((c) => c.entries.map((e) => e.name))).toEqual([...STORY_ORDER, 'my-world']);
		expect(chapters[chapters.length - 1].chapter).toBe('More scenarios');
	});
	it('gives every preset a summary and something to watch', () => {
		for (const s of SCENARIOS) {
			expect(s.summary, s.name).not.toBe('');
			expect(s.watch, s.name).toMatch(/^Watch /);
		}
	});
});
