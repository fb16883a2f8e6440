import { describe, expect, it } from 'vitest';
import { circlePath, layoutStage, MAX_VALIDATOR_CELLS, NARROW_L1_WIDTH, STAGE, type Region, type StageLayout } from './layout';
import { l1Slot } from './effectsGeometry';
import { l1Lane } from './labelObstacles';
import { MIN_FONT, pillSize, textWidth } from './labelPlacement';
import { m } from '$lib/paraglide/messages.js';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
const layout = (validators: number) => layoutStage({ sequencers: ids('seq', 7), validators: ids('val', validators), users: 200, maxStake: 100_000 });

describe('the validators grid', () => {
	it.each([5, 20, 50, 100])('gives each of %i validators a cell inside the panel, large enough to click', (n) => {
		const l = layout(n);
		expect(l.validatorCells.size).toBe(n);
		expect(l.validators.cell).toBeGreaterThanOrEqual(18);
		for (const at of l.validatorCells.values()) {
			expect(at.x - l.validators.cell / 2).toBeGreaterThanOrEqual(l.validators.x);
			expect(at.x + l.validators.cell / 2).toBeLessThanOrEqual(l.validators.x + l.validators.width);
			expect(at.y + l.validators.cell / 2).toBeLessThanOrEqual(l.validators.gridTop + 230);
		}
	});

	it('keeps the demo world\'s squares big and caps a huge set', () => {
		expect(layout(20).validators.cell).toBeGreaterThanOrEqual(44);
		expect(layout(500).validatorCells.size).toBe(MAX_VALIDATOR_CELLS);
	});
});

describe('the users grid', () => {
	it('leaves room under a crowd for the "+N more users" line above the counters', () => {
		const l = layoutStage({ sequencers: ids('seq', 21), validators: ids('val', 50), users: 1000, maxStake: 100_000 });
		const rows = Math.ceil(l.users.shown / l.users.cols);
		const moreLine = l.users.gridTop + rows * l.users.pitch + 4;
		expect(l.users.shown).toBeLessThan(1000);
		expect(moreLine + 14).toBeLessThanOrEqual(l.users.y + l.users.height - 56 - 10);
	});

	it('draws each dot as a closed circle (two half arcs) around its centre, so one path holds them all', () => {
		expect(circlePath(10, 20, 3)).toBe('M7 20a3 3 0 1 0 6 0a3 3 0 1 0 -6 0Z');
		expect(circlePath(1 / 3, 0, 0.5)).toBe('M-0.17 0a0.5 0.5 0 1 0 1 0a0.5 0.5 0 1 0 -1 0Z');
	});
});

describe('the L1 lane', () => {
	const input = { sequencers: ids('seq', 7), validators: ids('val', 5), users: 20, maxStake: 100_000 };
	const wide = layoutStage(input);
	const narrow = layoutStage({ ...input, narrowL1: true });
	const within = (a: Region, b: Region) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
	const apart = (a: Region, b: Region) => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
	const slots = (l: StageLayout) => Array.from({ length: l.l1.blockCount }, (_, i) => l1Slot(l, i));

	it.each([
		['the whole stage', wide],
		['a narrow lane', narrow]
	])('%s: the contract, then block slots side by side inside the lane, each wide enough for a six-digit number', (_, l) => {
		const all = slots(l);
		expect(l.l1.blocksLeft - l.l1.x).toBeGreaterThanOrEqual(textWidth(m.draw_l1_posted({ n: '9,999' }), MIN_FONT) + 22);
		all.forEach((s, i) => {
			expect(within(s, l.l1)).toBe(true);
			expect(s.width).toBeGreaterThanOrEqual(textWidth(m.draw_l1_block({ n: 999_999 }), MIN_FONT));
			if (i > 0) expect(s.x).toBeCloseTo(all[i - 1].x + all[i - 1].width + l.l1.blockGap);
		});
	});

	it('covers the seven oldest of nine blocks with the whole stage\'s dispute, leaving the two newest in view', () => {
		const all = slots(wide);
		expect(all).toHaveLength(9);
		for (const s of all.slice(0, 7)) expect(within(s, wide.dispute)).toBe(true);
		for (const s of all.slice(7)) expect(apart(s, wide.dispute)).toBe(true);
		expect(wide.l1.x + wide.l1.width).toBe(STAGE.width - 8);
	});

	it('draws a narrow lane with five blocks, its second heading line on a row of its own, and the dispute in a row under the blocks', () => {
		const l = narrow.l1;
		expect(l.width).toBe(NARROW_L1_WIDTH);
		expect(l.blockCount).toBe(5);
		// Title and head share the first row; block time and finality have the second to themselves.
		expect(14 + textWidth(m.draw_l1_title(), 20) + 8 + textWidth(m.draw_l1_head({ head: 999_999, final: 999_935 }), MIN_FONT) + 14).toBeLessThanOrEqual(l.width);
		expect(l.sub.x - l.x + textWidth(m.draw_l1_sub({ seconds: 12, blocks: 64, minutes: '12.8' }), MIN_FONT)).toBeLessThanOrEqual(l.width - 14);
		expect(l.sub.y).toBeLessThan(l.blocksTop - 6);
		// The dispute's row: inside the lane, under every block, wide enough for its heading and its round count on one line.
		expect(within(narrow.dispute, l)).toBe(true);
		for (const s of slots(narrow)) expect(narrow.dispute.y).toBeGreaterThan(s.y + s.height);
		const head = m.draw_dispute_head({ title: m.draw_dispute_title({ batch: 'batch 99', challenger: 'val-12', defender: 'seq-12' }) });
		expect(12 + textWidth(head, MIN_FONT) + 10 + textWidth('round 12 of at most 14', MIN_FONT) + 12).toBeLessThanOrEqual(narrow.dispute.width);
		expect(24 + textWidth(m.draw_dispute_fraud_at({ tx: 123, step: 12, challenger: 'val-12', defender: 'seq-12' }), MIN_FONT)).toBeLessThanOrEqual(narrow.dispute.width);
		expect(24 + textWidth(m.draw_l1_no_dispute_note(), MIN_FONT)).toBeLessThanOrEqual(narrow.dispute.width);
	});

	it('tells L1 events on the narrow lane\'s second row, between the title row and the blocks', () => {
		const lane = l1Lane(narrow);
		expect(within(lane, narrow.l1)).toBe(true);
		expect(lane.y).toBeGreaterThan(narrow.l1.y + 28);
		expect(lane.y + lane.height).toBeLessThanOrEqual(narrow.l1.blocksTop);
		expect(lane.height).toBeGreaterThanOrEqual(pillSize(['x'], MIN_FONT).height + 4);
		expect(lane.width).toBeGreaterThan(l1Lane(wide).width);
	});

	it('leaves the rest of the stage where it was', () => {
		const { l1: _a, dispute: _b, stakeWidth: _c, ...rest } = narrow;
		const { l1: _d, dispute: _e, stakeWidth: _f, ...same } = wide;
		expect(rest).toEqual(same);
		expect(narrow.stakeWidth.range()).toEqual(wide.stakeWidth.range());
	});
});
