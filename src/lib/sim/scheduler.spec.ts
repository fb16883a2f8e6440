import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Scheduler } from './scheduler';

function drain<T>(s: Scheduler<T>): T[] {
	const out: T[] = [];
	for (let e = s.pop(); e; e = s.pop()) out.push(e.task);
	return out;
}

describe('Scheduler', () => {
	it('pops in time order, equal times in insertion order', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }), (times) => {
				const s = new Scheduler<number>();
				times.forEach((t, i) => s.schedule(t, i));
				const order = drain(s);
				const expected = times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.i);
				expect(order).toEqual(expected);
			})
		);
	});

	it.each([
		{ name: 'cancel removes a keyed entry', ops: (s: Scheduler<string>) => (s.schedule(5, 'a', 'k'), s.schedule(6, 'b'), s.cancel('k')), expected: ['b'] },
		{ name: 'rescheduling a key replaces it', ops: (s: Scheduler<string>) => (s.schedule(5, 'a', 'k'), s.schedule(9, 'a2', 'k'), s.schedule(6, 'b')), expected: ['b', 'a2'] },
		{ name: 'unkeyed entries are never cancelled', ops: (s: Scheduler<string>) => (s.schedule(1, 'x'), s.cancel('x')), expected: ['x'] }
	])('$name', ({ ops, expected }) => {
		const s = new Scheduler<string>();
		ops(s);
		expect(drain(s)).toEqual(expected);
	});

	it('peekTime skips cancelled entries and is Infinity when empty', () => {
		const s = new Scheduler<string>();
		expect(s.peekTime()).toBe(Infinity);
		s.schedule(3, 'a', 'k');
		s.schedule(8, 'b');
		s.cancel('k');
		expect(s.peekTime()).toBe(8);
	});

	it('a clone is independent', () => {
		const s = new Scheduler<string>();
		s.schedule(1, 'a');
		s.schedule(2, 'b', 'k');
		const c = s.clone();
		s.cancel('k');
		s.schedule(0, 'z');
		expect(drain(c)).toEqual(['a', 'b']);
		expect(drain(s)).toEqual(['z', 'a']);
	});
});
