import { describe, expect, it } from 'vitest';
import { slots } from './slots';

describe('slots', () => {
	it.each([
		['a slot in the middle', (i: { k: string }) => `Press ${i.k} now.`, ['k'], [{ text: 'Press ' }, { slot: 'k' }, { text: ' now.' }]],
		['a slot first', (i: { k: string }) => `${i.k} opens it.`, ['k'], [{ slot: 'k' }, { text: ' opens it.' }]],
		['no slot', () => 'Plain.', [], [{ text: 'Plain.' }]]
	] as const)('%s', (_, message, names, pieces) => {
		expect(slots(message, names)).toEqual(pieces);
	});

	it('keeps the order the translation gives', () => {
		const message = (i: { a: string; b: string }) => `${i.b} then ${i.a}`;
		expect(slots(message, ['a', 'b'])).toEqual([{ slot: 'b' }, { text: ' then ' }, { slot: 'a' }]);
	});
});
