import { describe, expect, it } from 'vitest';
import { FINALITY_RACE, RACE_RUNGS, raceExtent, rungsShown } from './finalityRace';

const rungs = FINALITY_RACE.flatMap((row) => row.rungs.map((r) => [`${row.id} ${r.rung}`, r] as const));

describe('the finality race table', () => {
	it.each(FINALITY_RACE.map((row) => [row.id, row] as const))('%s climbs the ladder in order, never faster than the rung before', (_, row) => {
		const order = row.rungs.map((r) => RACE_RUNGS.indexOf(r.rung));
		expect(order, 'rungs in ladder order, each once').toEqual([...new Set(order)].sort((a, b) => a - b));
		row.rungs.slice(1).forEach((r, i) => expect(r.seconds, `${r.rung} after ${row.rungs[i].rung}`).toBeGreaterThanOrEqual(row.rungs[i].seconds));
		expect(row.rungs.some((r) => r.rung === row.txFinal), 'the rung where the transaction is final is drawn').toBe(true);
	});

	it.each(rungs)('%s: every number is sourced, with an https address and a date read', (_, r) => {
		expect(r.sources.length).toBeGreaterThan(0);
		for (const s of r.sources) {
			expect(s.title.trim()).not.toBe('');
			expect(s.url).toMatch(/^https:\/\/[^\s/]+\.[a-z]{2,}(\/\S*)?$/);
			expect(s.asOf).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
		}
		expect(r.seconds).toBeGreaterThan(0);
		if (r.range) {
			expect(r.range.low).toBeLessThanOrEqual(r.seconds);
			expect(r.range.high).toBeGreaterThanOrEqual(r.seconds);
		}
	});

	it('draws a claim only where a design is claimed, and says so with a source', () => {
		const claims = FINALITY_RACE.filter((row) => row.kind === 'claim');
		expect(claims.map((row) => row.id)).toEqual(['metis-hybrid']);
		expect(claims[0].rungs.at(-1)).toMatchObject({ rung: 'settled', seconds: 4 * 3600, assumption: 'hybrid-claim' });
	});

	it.each([
		['OP Mainnet settles after its 7-day proof maturity delay, not 3.5 + 7 days', 'op-mainnet', 7 * 86_400, 7 * 86_400 + 3600],
		['Arbitrum One after its 45,818-block challenge period', 'arbitrum', 45_818 * 12, 45_818 * 12 + 3600],
		['ZKsync Era 3 hours after its batch is committed', 'zksync-era', 3 * 3600, 4 * 3600],
		['Metis after its 7-day fraud-proof window', 'metis', 7 * 86_400, 7 * 86_400 + 3600]
	] as const)('%s', (_, id, low, high) => {
		const settled = FINALITY_RACE.find((row) => row.id === id)!.rungs.at(-1)!;
		expect(settled.rung).toBe('settled');
		expect(settled.seconds).toBeGreaterThanOrEqual(low);
		expect(settled.seconds).toBeLessThanOrEqual(high);
	});

	it('ends a row where its transaction is final, or where withdrawals can be claimed', () => {
		const op = FINALITY_RACE.find((row) => row.id === 'op-mainnet')!;
		expect(rungsShown(op, 'final').map((r) => r.rung)).toEqual(['soft', 'posted', 'l1-final']);
		expect(rungsShown(op, 'settled')).toHaveLength(4);
		const zk = FINALITY_RACE.find((row) => row.id === 'zksync-era')!;
		expect(rungsShown(zk, 'final')).toEqual(zk.rungs);
	});

	it('spans a quarter of a second to a week and an hour', () => {
		expect(raceExtent()).toEqual({ low: 0.25, high: 7 * 86_400 + 3600 });
	});
});
