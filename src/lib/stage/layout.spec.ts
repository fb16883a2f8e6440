import { describe, expect, it } from 'vitest';
import { layoutStage, MAX_VALIDATOR_CELLS } from './layout';

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
});
