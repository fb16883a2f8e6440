import { describe, expect, it } from 'vitest';
import type { Effect } from '$lib/player/effects';
import { effectLabels, STALL_LABEL } from './effectLabels';
import { stageObstacles } from './labelObstacles';
import { overlaps, pillSize, placeLabels, textWidth, type LabelRequest } from './labelPlacement';
import { layoutStage, type Region } from './layout';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
const stage = (sequencers: number) => layoutStage({ sequencers: ids('seq', sequencers), validators: ids('val', 5), users: 20, maxStake: 100_000 });
const inside = (a: Region, b: Region) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
const span = { start: 0, end: 1 };
const quorum = { by: 'count', numerator: 2, denominator: 3, strict: false } as const;

describe('placeLabels', () => {
	const panel = { x: 0, y: 0, width: 300, height: 100 };
	const ask = (id: string, x: number, y: number, more: Partial<LabelRequest> = {}): LabelRequest => ({ id, lines: ['slashed 30,000'], size: 14.5, at: [{ x, y }], within: panel, ...more });

	it.each([
		{ name: 'one label stays where it asked', labels: [ask('a', 150, 50)], obstacles: [] },
		{ name: 'two labels asking for one spot both get a free one', labels: [ask('a', 150, 50), ask('b', 150, 50)], obstacles: [] },
		{ name: 'a label moves off an obstacle', labels: [ask('a', 150, 50)], obstacles: [{ x: 100, y: 35, width: 100, height: 30 }] },
		{ name: 'a label asked for outside its panel is pulled in', labels: [ask('a', 290, 98)], obstacles: [] }
	])('$name', ({ labels, obstacles }) => {
		const placed = placeLabels({ labels, obstacles });
		expect(placed).toHaveLength(labels.length);
		for (const p of placed) {
			expect(p.crowded).toBe(false);
			expect(inside(p.box, panel)).toBe(true);
			for (const o of obstacles) expect(overlaps(p.box, o)).toBe(false);
		}
		for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i].box, placed[j].box)).toBe(false);
		if (labels.length === 1 && !obstacles.length && labels[0].at[0].x === 150) expect(placed[0].box.x + placed[0].box.width / 2).toBeCloseTo(150);
	});

	it('leaves an optional label out when there is no room, and lets another cover least', () => {
		const tiny = { x: 0, y: 0, width: 160, height: 30 };
		const placed = placeLabels({ labels: [ask('a', 80, 15, { within: tiny }), ask('b', 80, 15, { within: tiny, optional: true }), ask('c', 80, 15, { within: tiny })], obstacles: [] });
		expect(placed.map((p) => p.id)).toEqual(['a', 'c']);
		expect(placed[1].crowded).toBe(true);
	});

	it('sizes a pill from its widest line, with room for a glyph', () => {
		expect(pillSize(['ab', 'abcd'], 10).width).toBeCloseTo(textWidth('abcd', 10) + 10);
		expect(pillSize(['ab'], 10, 20).width).toBeCloseTo(textWidth('ab', 10) + 30);
		expect(pillSize(['a', 'b'], 10).height).toBeCloseTo(29);
	});
});

describe('the effects layer\'s labels on the real stage', () => {
	const slash = (id: number, sequencer: string, challenger: string | null): Effect => ({
		id, ...span, kind: 'slash', sequencer, amount: '30000000000000000000000', challengerReward: challenger ? '15000000000000000000000' : '0', challenger, burned: challenger ? '15000000000000000000000' : '30000000000000000000000'
	});
	/** What happens at once at the presets' key moments. */
	const moments: Record<string, (n: number) => Effect[]> = {
		'a lone cheater slashed': (n) => [
			slash(1, `seq-${n - 1}`, 'seq-1'),
			{ id: 2, ...span, kind: 'reward', challenger: 'seq-1', amount: '15000000000000000000000', from: [`seq-${n - 1}`] },
			{ id: 3, ...span, kind: 'respan', from: `seq-${n - 1}`, to: 'seq-2', why: 'slashed', count: 1 },
			{ id: 4, ...span, kind: 'evidence', from: 'seq-1', accused: `seq-${n - 1}`, fault: 'invalid-tx' }
		],
		'two slashed by a validator': (n) => [
			slash(1, 'seq-0', 'val-0'),
			slash(2, `seq-${Math.floor(n / 2)}`, 'val-0'),
			{ id: 3, ...span, kind: 'reward', challenger: 'val-0', amount: '30000000000000000000000', from: ['seq-0'] },
			{ id: 4, ...span, kind: 'respan', from: 'seq-0', to: 'seq-1', why: 'slashed', count: 2 }
		],
		'a colluding majority slashed': (n) => [
			...Array.from({ length: Math.max(n - 2, 1) }, (_, i) => slash(10 + i, `seq-${i}`, 'val-0')),
			{ id: 3, ...span, kind: 'reward', challenger: 'val-0', amount: '100000000000000000000000', from: ['seq-0'] },
			{ id: 4, ...span, kind: 'respan', from: 'seq-1', to: `seq-${n - 1}`, why: 'slashed', count: 4 }
		],
		'a refused round': () => [
			{ id: 1, ...span, kind: 'no-quorum', batch: 3, proposal: 1, signed: 2, of: 6, refused: 4, silent: 0 },
			{ id: 2, ...span, kind: 'respan', from: 'seq-0', to: 'seq-2', why: 'refused', count: 1 },
			{ id: 3, ...span, kind: 'forced', phase: 'included', count: 3, user: 'user-3', via: 'seq-2' }
		],
		'a challenge on L1': () => [
			{ id: 1, ...span, kind: 'challenge', batch: 12, attempt: 2, challenger: 'val-0' },
			{ id: 2, ...span, kind: 'evidence', from: 'val-1', accused: 'seq-0', fault: 'wrong-state-root' },
			{ id: 3, ...span, kind: 'aggregate', batch: 3, proposal: 1, from: '', signers: 7 },
			{ id: 4, ...span, kind: 'forced', phase: 'enqueued', count: 3, user: 'user-3', via: '' }
		]
	};
	/** Up to how many sequencers every label of a moment must show at once. */
	const shownAll: Record<string, number> = { 'a lone cheater slashed': 6, 'two slashed by a validator': 4, 'a colluding majority slashed': 7, 'a challenge on L1': 0 };
	const cases = Object.keys(moments).flatMap((moment) => [3, 4, 5, 6, 7, 9, 12].map((n) => ({ moment, n })));

	it.each(cases)('$moment, $n sequencers: no label covers another or the stage\'s words, or leaves its panel', ({ moment, n }) => {
		const layout = stage(n);
		const requests = effectLabels({ layout, effects: moments[moment](n), stall: null, quorum });
		const placed = placeLabels({ labels: requests, obstacles: stageObstacles(layout) });
		// Where the presets have them, every label shows at once; elsewhere one may wait for room.
		if (n <= (shownAll[moment] ?? 0)) expect(placed.map((p) => p.id).sort()).toEqual(requests.map((r) => r.id).sort());
		else expect(placed.length).toBeGreaterThan(0);
		for (const p of placed) {
			const asked = requests.find((r) => r.id === p.id)!;
			expect(p.crowded, `${p.lines.join(' / ')} is crowded`).toBe(false);
			expect(inside(p.box, asked.within) || (!!asked.fallback && inside(p.box, asked.fallback.within))).toBe(true);
		}
		for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i].box, placed[j].box)).toBe(false);
	});

	it('tells many slashes at once in one line, and a stall in the L1 lane with the rule it cannot meet', () => {
		const layout = stage(6);
		const many = effectLabels({ layout, effects: moments['a colluding majority slashed'](7), stall: null, quorum });
		expect(many.find((r) => r.in === 'pool' && r.lines[0].startsWith('slashed'))?.lines).toEqual(['slashed 5 × 30,000 · burned 75,000']);
		const stall = { batch: 3, attempt: 1, signed: 2, of: 6, silent: ['seq-3', 'seq-4'], since: 0, rounds: 1 };
		const requests = effectLabels({ layout, effects: [], stall, quorum });
		expect(requests).toMatchObject([{ id: STALL_LABEL, lines: ['stalled — fewer than 2/3 online · 2 silent'], in: 'l1' }]);
		expect(placeLabels({ labels: requests, obstacles: stageObstacles(layout) })[0].crowded).toBe(false);
	});
});
