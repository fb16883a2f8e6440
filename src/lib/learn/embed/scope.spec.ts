import { describe, expect, it } from 'vitest';
import { finishesModule, firstTryScore, moduleSearch, neighbours, scopeOf } from './scope';

const lesson = { slug: 'one', steps: [{ path: 'one/a' }, { path: 'one/b' }, { path: 'one/quiz' }] };

describe('scopeOf', () => {
	it('spans a lesson when launched at it, or at one of its steps that carries its name; a step otherwise', () => {
		expect(scopeOf({ kind: 'lesson', slug: 'one' }, null)).toEqual({ kind: 'lesson', slug: 'one' });
		expect(scopeOf({ kind: 'step', path: 'one/b', lesson: 'one' }, 'one')).toEqual({ kind: 'lesson', slug: 'one' });
		expect(scopeOf({ kind: 'step', path: 'one/b', lesson: 'one' }, 'two')).toEqual({ kind: 'step', path: 'one/b' });
		expect(scopeOf({ kind: 'mission', id: 'mission-x' }, 'one')).toEqual({ kind: 'mission', id: 'mission-x' });
	});
});

describe('neighbours and finishing', () => {
	it('moves only within the lesson module, and a single step has no neighbours', () => {
		const inLesson = { kind: 'lesson' as const, slug: 'one' };
		expect(neighbours(inLesson, lesson, 0)).toEqual({ prev: 'one', next: 'one/b' });
		expect(neighbours(inLesson, lesson, 2)).toEqual({ prev: 'one/b', next: null });
		expect(neighbours({ kind: 'step', path: 'one/b' }, lesson, 1)).toEqual({ prev: null, next: null });
		expect(neighbours(null, lesson, 1)).toEqual({ prev: null, next: null });
		expect(finishesModule(inLesson, lesson, 1)).toBe(false);
		expect(finishesModule(inLesson, lesson, 2)).toBe(true);
		expect(finishesModule({ kind: 'step', path: 'one/b' }, lesson, 1)).toBe(true);
		expect(finishesModule(null, lesson, 2)).toBe(false);
	});
});

describe('firstTryScore', () => {
	it('counts the questions right at the first try, of all of them (unanswered ones count as missed)', () => {
		const answers = { q1: { choice: 1, tries: 1, right: true, firstTry: true }, q2: { choice: 0, tries: 2, right: true, firstTry: false } };
		const asked = ['q1', 'q2', 'q3'].map((id) => ({ id, concept: id }));
		expect(firstTryScore(asked, { answers })).toEqual({ raw: 1, max: 3 });
		expect(firstTryScore([], { answers })).toBeNull();
	});
});

describe('moduleSearch', () => {
	it('keeps the launch query and adds the lesson a lesson module spans', () => {
		expect(moduleSearch('', { kind: 'step', path: 'one/b' })).toBe('');
		expect(moduleSearch('?origin=https%3A%2F%2Fh.example', { kind: 'step', path: 'one/b' })).toBe('?origin=https%3A%2F%2Fh.example');
		expect(moduleSearch('?origin=x&module=two', { kind: 'lesson', slug: 'one' })).toBe('?origin=x&module=one');
	});
});
