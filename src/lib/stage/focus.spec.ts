import { describe, expect, it } from 'vitest';
import type { WorldSnapshot } from '$lib/sim';
import { FOCUS_PARTS, focusActor, focusCrop, focusSentence, narrowsL1, parseFocus, regionLit } from './focus';
import { MIN_FONT } from './labelPlacement';
import { layoutStage } from './layout';

const snapshot = {
	t: 0,
	epoch: 2,
	proposer: 'seq-1',
	mempool: 4,
	users: { active: 3, idle: 0, sent: 12, included: 8 },
	sequencers: [
		{ id: 'seq-0', active: true, behaviour: 'honest', status: 'signing', state: 'x' },
		{ id: 'seq-1', active: true, behaviour: 'invalid-tx', status: 'proposing', state: 'x' }
	],
	validators: [{ id: 'val-0', checked: 3, behaviour: 'honest', state: 'x' }],
	batches: [{ index: 4, signers: 1, activeSet: 2 }],
	quorum: { by: 'count', numerator: 2, denominator: 3, strict: false, text: 'at least 2/3 by count' }
} as unknown as WorldSnapshot;

describe('stage focus', () => {
	it('reads part names and actor ids, and nothing else', () => {
		expect(parseFocus('quorum')).toEqual({ part: 'quorum' });
		expect(parseFocus(' seq-2 ')).toEqual({ actor: 'seq-2' });
		expect(parseFocus('val-0')).toEqual({ actor: 'val-0' });
		expect(parseFocus('everything')).toBeNull();
		expect(parseFocus('')).toBeNull();
		expect(parseFocus(undefined)).toBeNull();
	});

	it('keeps the focused region lit and dims the rest', () => {
		expect(['users', 'pool', 'validators', 'l1'].filter((r) => regionLit({ part: 'quorum' }, r as 'pool'))).toEqual(['pool']);
		expect(['users', 'pool', 'validators', 'l1'].filter((r) => regionLit({ part: 'dispute' }, r as 'pool'))).toEqual(['validators', 'l1']);
		expect(['users', 'pool', 'validators', 'l1'].filter((r) => regionLit({ actor: 'val-0' }, r as 'pool'))).toEqual(['validators']);
		expect(regionLit(null, 'users')).toBe(true);
		expect(focusActor({ actor: 'seq-1' })).toBe('seq-1');
		expect(focusActor({ part: 'l1' })).toBeNull();
	});

	it('describes the focused part from the snapshot', () => {
		expect(focusSentence({ part: 'quorum' }, snapshot, [])).toBe('In focus: the quorum meter. Batch 4 has 1 of 2 signatures; it needs at least 2/3 by count.');
		expect(focusSentence({ actor: 'seq-1' }, snapshot, [])).toBe('In focus: seq-1, the proposer, misbehaving, proposing.');
		expect(focusSentence({ actor: 'seq-9' }, snapshot, [])).toContain('not in this world');
		expect(focusSentence({ part: 'users' }, snapshot, [])).toContain('12 transactions sent so far, 4 transactions waiting');
	});
});

describe('compact crop', () => {
	const layout = { users: { x: 8, y: 0, width: 200, height: 392 }, pool: { x: 222, y: 0, width: 530, height: 392 }, validators: { x: 766, y: 0, width: 226, height: 392 }, l1: { x: 8, y: 404, width: 984, height: 152, narrow: false } } as unknown as Parameters<typeof focusCrop>[1];

	it('shows the pool for the pool, the quorum and a sequencer; a column for users or validators', () => {
		expect(focusCrop({ part: 'quorum' }, layout)).toEqual({ x: 216, y: 0, width: 542, height: 398 });
		expect(focusCrop({ actor: 'seq-3' }, layout)).toEqual(focusCrop({ part: 'pool' }, layout));
		expect(focusCrop({ actor: 'val-1' }, layout)).toEqual({ x: 760, y: 0, width: 238, height: 398 });
		expect(focusCrop({ part: 'users' }, layout)?.width).toBe(212);
	});

	it('keeps the whole stage for no focus, and for L1 and the dispute while the lane spans the stage', () => {
		expect(focusCrop({ part: 'l1' }, layout)).toBeNull();
		expect(focusCrop({ part: 'dispute' }, layout)).toBeNull();
		expect(focusCrop(null, layout)).toBeNull();
	});

	it('narrows the L1 lane for L1 and the dispute only', () => {
		expect([...FOCUS_PARTS.filter((part) => narrowsL1({ part })), narrowsL1({ actor: 'seq-1' }), narrowsL1(null)]).toEqual(['l1', 'dispute', false, false]);
	});

	it.each(['l1', 'dispute'] as const)('shows the narrow lane for %s: all of it, its dispute row too, with 14.5-unit words at 12 px or more in a 560 px column', (part) => {
		const narrow = layoutStage({ sequencers: ['seq-0', 'seq-1'], validators: ['val-0'], users: 20, maxStake: 100_000, narrowL1: true });
		const crop = focusCrop({ part }, narrow)!;
		for (const r of [narrow.l1, narrow.dispute]) {
			expect(r.x).toBeGreaterThanOrEqual(crop.x);
			expect(r.y).toBeGreaterThanOrEqual(crop.y);
			expect(r.x + r.width).toBeLessThanOrEqual(crop.x + crop.width);
			expect(r.y + r.height).toBeLessThanOrEqual(crop.y + crop.height);
		}
		expect(crop.y).toBeGreaterThanOrEqual(narrow.pool.y + narrow.pool.height);
		expect((MIN_FONT * 560) / crop.width).toBeGreaterThanOrEqual(12);
	});
});
