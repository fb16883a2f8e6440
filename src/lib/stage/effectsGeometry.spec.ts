import { describe, expect, it } from 'vitest';
import { actorAt, alongRoute, aroundCard, cardOrigin, CARD, fade, flight, l1Block, l1Contract, l1Forming, meterBox, meterSlot, progress, signatureRoute } from './effectsGeometry';
import { layoutStage } from './layout';

const layout = layoutStage({ sequencers: ['seq-0', 'seq-1', 'seq-2'], validators: Array.from({ length: 50 }, (_, i) => `val-${i}`), users: 20, maxStake: 100_000 });

describe('effects geometry', () => {
	it('finds actors: nodes, grid cells, users, and validators beyond the grid in their panel', () => {
		expect(actorAt(layout, 'seq-1')).toEqual(layout.nodes.get('seq-1'));
		expect(actorAt(layout, 'val-3')).toEqual(layout.validatorCells.get('val-3'));
		// A validator the grid has no cell for (a grid of ten here) is placed in the validators' panel.
		const small = { ...layout, validatorCells: new Map([...layout.validatorCells].slice(0, 10)) };
		const far = actorAt(small, 'val-49')!;
		expect(far.x).toBeGreaterThan(layout.validators.x);
		expect(far.x).toBeLessThan(layout.validators.x + layout.validators.width);
		expect(actorAt(layout, 'user-4')).not.toBeNull();
		expect(actorAt(layout, 'nobody')).toBeNull();
		expect(actorAt(layout, null)).toBeNull();
	});

	it.each(['seq-0', 'seq-1', 'seq-2'])('routes %s\'s signature round the card, entering only at the meter\'s height', (id) => {
		const o = cardOrigin(layout);
		const slot = meterSlot(layout, 1, 3);
		const route = signatureRoute(layout, layout.nodes.get(id)!, slot, layout.pool.nodeR);
		expect(route.at(-1)).toEqual(slot);
		for (let k = 0; k <= 1; k += 0.01) {
			const p = alongRoute(route, k);
			const inCard = p.x > o.x - 8 && p.x < o.x + CARD.width + 8 && p.y > o.y - 8 && p.y < o.y + CARD.height + 8;
			if (inCard) expect(Math.abs(p.y - slot.y)).toBeLessThan(0.01);
		}
	});

	it('sends a header straight when it misses the card, and round its corners when it would cross it', () => {
		const o = cardOrigin(layout);
		const above = { x: o.x + CARD.width / 2, y: o.y - 60 };
		const below = { x: o.x + 20, y: o.y + CARD.height + 60 };
		expect(aroundCard(layout, above, { x: o.x - 80, y: o.y - 60 })).toHaveLength(2);
		const route = aroundCard(layout, above, below);
		expect(route).toHaveLength(4);
		for (let k = 0; k <= 1; k += 0.01) {
			const p = alongRoute(route, k);
			expect(p.x > o.x && p.x < o.x + CARD.width && p.y > o.y && p.y < o.y + CARD.height).toBe(false);
		}
	});

	it('puts the meter inside the batch card, its segments left to right', () => {
		const o = cardOrigin(layout);
		const first = meterSlot(layout, 0, 6);
		const last = meterSlot(layout, 5, 6);
		expect(first.x).toBeGreaterThan(o.x);
		expect(last.x).toBeLessThan(o.x + CARD.width);
		expect(last.x).toBeGreaterThan(first.x);
		// The unsigned part starts at the left edge of the fourth segment.
		const unsigned = meterBox(layout, 3, 6).unsignedX;
		expect(unsigned).toBeGreaterThan((meterSlot(layout, 2, 6).x + meterSlot(layout, 3, 6).x) / 2);
		expect(unsigned).toBeLessThan(meterSlot(layout, 3, 6).x);
		expect(meterBox(layout, 6, 6).unsignedX).toBeCloseTo(meterBox(layout, 6, 6).x + meterBox(layout, 6, 6).width);
	});

	it.each([
		// At 3 blocks in, the lane shows blocks 0–4 from the first slot on; later the window slides.
		[3 * 12_000 + 5, 4, 4],
		[100 * 12_000 + 5, 101, 8],
		[100 * 12_000 + 5, 93, 0]
	])('at t=%i L1 block %i sits in slot %i', (t, block, slot) => {
		const at = l1Block(layout, block, t, 12_000)!;
		expect(at.x).toBeCloseTo(layout.l1.blocksLeft + slot * (layout.l1.blockWidth + layout.l1.blockGap) + layout.l1.blockWidth / 2);
	});

	it('knows when an L1 block has scrolled away, and where the next one forms', () => {
		expect(l1Block(layout, 91, 100 * 12_000, 12_000)).toBeNull();
		expect(l1Forming(layout, 100 * 12_000, 12_000)).toEqual(l1Block(layout, 101, 100 * 12_000, 12_000));
	});

	it('in a narrow lane puts the forming block in the last of five slots, and the contract\'s corner above the dispute row', () => {
		const narrow = layoutStage({ sequencers: ['seq-0'], validators: ['val-0'], users: 20, maxStake: 100_000, narrowL1: true });
		const t = 100 * 12_000 + 5;
		expect(l1Forming(narrow, t, 12_000).x).toBeCloseTo(narrow.l1.blocksLeft + 4 * (narrow.l1.blockWidth + narrow.l1.blockGap) + narrow.l1.blockWidth / 2);
		expect(l1Block(narrow, 97, t, 12_000)).not.toBeNull();
		expect(l1Block(narrow, 96, t, 12_000)).toBeNull();
		const corner = l1Contract(narrow);
		expect(corner.x).toBeLessThan(narrow.l1.blocksLeft);
		expect(corner.y).toBeLessThan(narrow.dispute.y);
		expect(l1Contract(layout)).toEqual({ x: 188, y: 526 });
	});

	it('flies from a to b along an arc, and remembers the arc', () => {
		const f = flight({ x: 0, y: 0 }, { x: 100, y: 0 }, 0.2);
		expect(f.at(0)).toEqual({ x: 0, y: 0 });
		expect(f.at(1)).toEqual({ x: 100, y: 0 });
		expect(f.at(0.5).y).not.toBe(0);
		expect(f.d).toMatch(/^M0,0Q/);
		expect(flight({ x: 0, y: 0 }, { x: 100, y: 0 }, 0.2)).toBe(f);
	});

	it.each([
		[0, 0],
		[500, 0.5],
		[1000, 1],
		[2000, 1]
	])('progress at %i of a 0–1000 span is %f', (now, k) => expect(progress(now, { start: 0, end: 1000 })).toBe(k));

	it('fades in and out', () => {
		expect(fade(0)).toBe(0);
		expect(fade(0.5)).toBe(1);
		expect(fade(1)).toBe(0);
	});
});
