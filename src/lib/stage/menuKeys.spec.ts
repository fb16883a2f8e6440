import { describe, expect, it } from 'vitest';
import { menuIndex, placeMenu, rovingIndex, typeahead } from './menuKeys';

describe('roving focus', () => {
	it.each([
		// A ring of 7 sequencers: every arrow steps and wraps.
		[{ index: 6, key: 'ArrowRight', count: 7 }, 0],
		[{ index: 0, key: 'ArrowLeft', count: 7 }, 6],
		[{ index: 2, key: 'ArrowDown', count: 7 }, 3],
		[{ index: 0, key: 'ArrowUp', count: 7 }, 6],
		[{ index: 3, key: 'Home', count: 7 }, 0],
		[{ index: 3, key: 'End', count: 7 }, 6],
		// A grid of 20 validators, 4 to a row: Up/Down jump a row and stop at the edges.
		[{ index: 1, key: 'ArrowDown', count: 20, cols: 4 }, 5],
		[{ index: 18, key: 'ArrowDown', count: 20, cols: 4 }, 19],
		[{ index: 2, key: 'ArrowUp', count: 20, cols: 4 }, 0],
		[{ index: 3, key: 'ArrowRight', count: 20, cols: 4 }, 4],
		[{ index: 3, key: 'Enter', count: 20, cols: 4 }, null],
		[{ index: 0, key: 'ArrowRight', count: 0 }, null]
	])('%j moves to %s', (o, to) => expect(rovingIndex(o)).toBe(to));
});

describe('menu keys', () => {
	it.each([
		['ArrowDown', 3, 4],
		['ArrowDown', 4, 0],
		['ArrowUp', 0, 4],
		['Home', 3, 0],
		['End', 1, 4],
		['Escape', 1, null]
	])('%s from item %d goes to %s', (key, index, to) => expect(menuIndex({ index, key, count: 5 })).toBe(to));

	it('type-ahead finds the next item starting with a letter, wrapping', () => {
		const labels = ['Go offline', 'Censor a user…', 'Reorder for profit', 'Sign a wrong state root', 'Slip in an invalid transaction', 'Back to honest'];
		expect(typeahead(labels, 0, 's')).toBe(3);
		expect(typeahead(labels, 3, 'S')).toBe(4);
		expect(typeahead(labels, 4, 's')).toBe(3);
		expect(typeahead(labels, 0, 'x')).toBeNull();
		expect(typeahead(labels, 0, ' ')).toBeNull();
	});
});

describe('menu placement', () => {
	const viewport = { width: 1366, height: 768 };
	const menu = { width: 300, height: 360 };

	it('goes to the right of the actor when it fits', () => {
		expect(placeMenu({ anchor: { left: 400, top: 200, width: 50, height: 50 }, menu, viewport })).toEqual({ left: 460, top: 185 });
	});

	it('goes to the left near the right edge', () => {
		expect(placeMenu({ anchor: { left: 1200, top: 200, width: 50, height: 50 }, menu, viewport }).left).toBe(890);
	});

	it('stays inside the viewport at the bottom and when nothing fits beside', () => {
		expect(placeMenu({ anchor: { left: 400, top: 700, width: 50, height: 50 }, menu, viewport }).top).toBe(768 - 8 - 360);
		const narrow = placeMenu({ anchor: { left: 100, top: 100, width: 200, height: 40 }, menu, viewport: { width: 500, height: 768 } });
		expect(narrow).toEqual({ left: 50, top: 150 });
	});
});
