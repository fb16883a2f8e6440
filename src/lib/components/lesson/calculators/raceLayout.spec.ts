import { describe, expect, it } from 'vitest';
import { FINALITY_RACE, raceExtent } from '$lib/learn/calc/finalityRace';
import { placeMarks, RACE_DOMAIN, raceScale } from './raceLayout';

describe('the finality race layout', () => {
	it('holds every time in the race on its axis', () => {
		const { low, high } = raceExtent();
		expect(RACE_DOMAIN[0]).toBeLessThanOrEqual(low);
		expect(RACE_DOMAIN[1]).toBeGreaterThanOrEqual(high);
	});

	it('gives each decade the same width', () => {
		const x = raceScale(0, 700);
		expect(x(10) - x(1)).toBeCloseTo(x(100_000) - x(10_000), 6);
	});

	it('drops a mark that would cover the one before, and keeps the rest on the line', () => {
		const metis = FINALITY_RACE.find((row) => row.id === 'metis')!;
		const marks = placeMarks(metis.rungs, raceScale(0, 440));
		expect(marks.map((p) => p.dy)).toEqual([0, 0, 11, 0]);
		const op = placeMarks(FINALITY_RACE.find((row) => row.id === 'op-mainnet')!.rungs, raceScale(0, 440));
		expect(op.every((p) => p.dy === 0)).toBe(true);
		expect(op[1].span!.x0).toBeLessThan(op[1].x);
	});
});
