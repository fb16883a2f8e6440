import { describe, expect, it } from 'vitest';
import { answer, emptyProgress } from './progress';
import type { Question } from './lessonTypes';
import { gain, testScore } from './scores';

const q = (id: string, concept: string): Question => ({ id, concept, prompt: '', options: [] });
const pre = [q('pre-test#0', 'a'), q('pre-test#1', 'b'), q('pre-test#2', 'c')];
const post = [q('post-test#0', 'a'), q('post-test#1', 'b'), q('post-test#2', 'c')];

describe('test scores and the gain between them', () => {
	it('counts only first tries, and the concepts learned or slipped', () => {
		let p = emptyProgress();
		p = answer(p, 'pre-test#0', 1, true);
		p = answer(p, 'pre-test#1', 0, false);
		p = answer(p, 'pre-test#1', 1, true);
		p = answer(p, 'post-test#1', 1, true);
		p = answer(p, 'post-test#2', 1, true);
		p = answer(p, 'post-test#0', 0, false);
		const before = testScore(pre, p);
		const after = testScore(post, p);
		expect(before).toEqual({ right: 1, answered: 2, of: 3, concepts: { a: true, b: false, c: false } });
		expect(after).toEqual({ right: 2, answered: 3, of: 3, concepts: { a: false, b: true, c: true } });
		expect(gain(before, after)).toEqual({ learned: ['b', 'c'], slipped: ['a'], points: 1 });
	});
});
