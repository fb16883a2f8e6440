import { describe, expect, it } from 'vitest';
import { linkQuery } from '$lib/player/urlState';
import { sideWorldKey } from './checkpoint';
import { opening } from './opening';

const spec = { scenario: 'lone-cheater', seed: 7, finality: 'zk' as const, at: 30_000 };

describe('opening', () => {
	it('opens the spec at its opening time when nothing was kept', () => {
		expect(opening(spec, null)).toEqual({ link: { scenario: 'lone-cheater', seed: 7, finality: 'zk' }, at: 30_000, unreadable: [] });
		expect(opening({ scenario: 'lone-cheater' }, null).at).toBeNull();
	});

	it('opens a kept world where it was left, even a changed one', () => {
		const query = linkQuery({ scenario: 'quorum-loss', seed: 3, finality: 'optimistic' });
		const open = opening(spec, { query, t: 123_456 });
		expect(open.at).toBe(123_456);
		expect(open.link).toMatchObject({ scenario: 'quorum-loss', seed: 3, finality: 'optimistic' });
		expect(open.unreadable).toEqual([]);
	});

	it('says what is wrong with an unreadable kept world and opens the spec instead', () => {
		const open = opening(spec, { query: 'scenario=no-such-world&seed=x', t: 5 });
		expect(open.unreadable.length).toBeGreaterThan(0);
		expect(open.link).toEqual({ scenario: 'lone-cheater', seed: 7, finality: 'zk' });
		expect(open.at).toBe(30_000);
	});
});

describe('sideWorldKey', () => {
	it('numbers the worlds of a step from 1, apart from the step itself', () => {
		expect(sideWorldKey('race/four-worlds', 0)).toBe('race/four-worlds#1');
		expect(new Set([0, 1, 2, 3].map((i) => sideWorldKey('p', i))).size).toBe(4);
	});
});
