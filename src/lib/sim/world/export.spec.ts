import { describe, expect, it } from 'vitest';
import { parseTransaction, recoverTransactionAddress, type Hex } from 'viem';
import happyPath from '../../../../content/scenarios/happy-path.json';
import { createWorld } from './world';
import { auditExport } from './audit';
import { DAY, MINUTE } from '../units';

describe('world export (rollup-lab/world-export@2)', () => {
	const world = createWorld({ seed: 7, scenario: happyPath, finality: 'hybrid', params: { trafficUntilMs: MINUTE } });
	world.runUntil(8 * DAY);
	const ex = world.exportWorld();

	it('has every field of DESIGN.md section 4', () => {
		expect(Object.keys(ex)).toEqual(['format', 'scenario', 'seed', 'finality', 'chainId', 'params', 'users', 'validators', 'sequencers', 'batches', 'slashings', 'supply', 'events']);
		expect(ex).toMatchObject({ format: 'rollup-lab/world-export@2', scenario: 'happy-path', seed: 7, finality: 'hybrid', chainId: 59902 });
		expect(ex.params).toMatchObject({ quorumBy: 'count', quorumNumerator: 2, quorumDenominator: 3, quorumThreshold: 'at-least', minStake: '20000000000000000000000', maxStake: '100000000000000000000000' });
		expect(Object.keys(ex.batches[0])).toEqual([
			'index',
			'proposal',
			'attempt',
			'epoch',
			'posting',
			'proposer',
			'prevStateRoot',
			'stateRoot',
			'txs',
			'txRoot',
			'signingRoot',
			'activeSet',
			'activeStakes',
			'signers',
			'quorum',
			'aggregateSignature',
			'submittedAt',
			'l1Block',
			'status',
			'finalizedAt',
			'revertedAt',
			'fraudulent'
		]);
		expect(ex.batches[0].quorum).toEqual({ by: 'count', numerator: 2, denominator: 3, strict: false });
		expect(Object.keys(ex.supply)).toEqual(['initial', 'final', 'acceptedOnL1']);
		expect(ex.supply.acceptedOnL1).toMatchObject({ honest: true, unbackedMetis: '0' });
		expect(ex.sequencers[0].blsPublicKey).toMatch(/^0x[0-9a-f]{96}$/);
		expect(ex.sequencers[0].blsProofOfPossession).toMatch(/^0x[0-9a-f]{192}$/);
		expect(ex.batches[0].aggregateSignature).toMatch(/^0x[0-9a-f]{192}$/);
		expect(ex.events.every((e) => typeof e.t === 'number' && typeof e.type === 'string')).toBe(true);
	});

	it('passes an independent audit (roots, quorum, aggregate signature, supply)', () => {
		expect(auditExport(ex)).toEqual([]);
	});

	it('every transaction parses with viem and recovers a user of the world as sender', async () => {
		const users = new Set(ex.users.map((u) => u.address));
		const txs = ex.batches.flatMap((b) => b.txs).slice(0, 40);
		expect(txs.length).toBeGreaterThan(10);
		for (const raw of txs) {
			expect(parseTransaction(raw as Hex).type).toBe('eip1559');
			const sender = (await recoverTransactionAddress({ serializedTransaction: raw as `0x02${string}` })).toLowerCase();
			expect(users.has(sender as Hex)).toBe(true);
		}
	});

	it('an audit catches tampering', () => {
		const tampered = structuredClone(ex);
		tampered.batches[0].stateRoot = `0x${'11'.repeat(32)}`;
		tampered.batches[1].signers = tampered.batches[1].signers.slice(0, 1);
		tampered.supply.final.burned = '1';
		const problems = auditExport(tampered);
		expect(problems.some((p) => p.startsWith('batch 0 (attempt 1): signingRoot'))).toBe(true);
		expect(problems.some((p) => p.startsWith('batch 1 (attempt 1): accepted without at least 2/3 by count'))).toBe(true);
		expect(problems.some((p) => p.startsWith('batch 1 (attempt 1): the aggregate signature does not verify'))).toBe(true);
		expect(problems).toContain('supply buckets do not add up to the total');
	});
});
