/**
 * An independent audit of a world export: re-derives what L1 should have checked from the exported
 * bytes alone (transactions, roots, quorum, aggregate signature, supply). Used by tests and tools.
 */
import { encodeAbiParameters, keccak256, concat, parseTransaction, type Hex } from 'viem';
import { blsFastAggregateVerify } from '../../chain/bls';
import { fromHex } from '../../chain/hex';
import type { WorldExport } from './export';

/** What is wrong with an export; empty when it is consistent. */
export function auditExport(ex: WorldExport): string[] {
	const problems: string[] = [];
	const seqs = new Map(ex.sequencers.map((s) => [s.id, s]));
	const p = ex.params;
	for (const b of ex.batches) {
		const where = `batch ${b.index} (attempt ${b.attempt})`;
		const expectedTxRoot = b.txs.length === 0 ? keccak256('0x') : keccak256(concat(b.txs.map((t) => keccak256(t as Hex))));
		if (expectedTxRoot !== b.txRoot) problems.push(`${where}: txRoot does not match its transactions`);
		const expectedSigningRoot = keccak256(
			encodeAbiParameters(
				[{ type: 'uint256' }, { type: 'uint256' }, { type: 'bytes32' }, { type: 'bytes32' }, { type: 'bytes32' }],
				[BigInt(ex.chainId), BigInt(b.index), b.prevStateRoot as Hex, b.stateRoot as Hex, b.txRoot as Hex]
			)
		);
		if (expectedSigningRoot !== b.signingRoot) problems.push(`${where}: signingRoot is not keccak256(abi.encode(chainId, index, prev, state, txRoot))`);
		for (const raw of b.txs) {
			try {
				const tx = parseTransaction(raw as Hex);
				if (tx.type !== 'eip1559' || tx.chainId !== ex.chainId) problems.push(`${where}: transaction is not EIP-1559 on chain ${ex.chainId}`);
			} catch {
				problems.push(`${where}: a transaction does not parse`);
			}
		}
		if (b.status === 'rejected') continue;
		const active = b.activeSet;
		const signers = b.signers;
		if (new Set(signers).size !== signers.length || signers.some((s) => !active.includes(s))) problems.push(`${where}: signers are not distinct members of the active set`);
		// The rule in force when L1 accepted it (the administrator can change it later).
		const rule = b.quorum ?? { by: p.quorumBy === 'stake' ? ('stake' as const) : ('count' as const), numerator: Number(p.quorumNumerator), denominator: Number(p.quorumDenominator), strict: p.quorumThreshold === 'more-than' };
		const num = BigInt(rule.numerator);
		const den = BigInt(rule.denominator);
		const strict = rule.strict;
		const [signed, all] =
			rule.by === 'stake'
				? [signers.reduce((a, s) => a + BigInt(b.activeStakes[s] ?? '0'), 0n), active.reduce((a, s) => a + BigInt(b.activeStakes[s] ?? '0'), 0n)]
				: [BigInt(signers.length), BigInt(active.length)];
		const quorum = strict ? signed * den > num * all : signed * den >= num * all;
		if (!quorum) problems.push(`${where}: accepted without ${strict ? 'more than' : 'at least'} ${num}/${den} by ${rule.by} of its epoch's set`);
		const keys = signers.map((s) => seqs.get(s)?.blsPublicKey);
		if (!b.aggregateSignature || keys.some((k) => !k) || !blsFastAggregateVerify(keys.map((k) => fromHex(k!)), fromHex(b.signingRoot), fromHex(b.aggregateSignature))) {
			problems.push(`${where}: the aggregate signature does not verify against the signers' keys`);
		}
	}
	if (ex.supply.initial.total !== ex.supply.final.total) problems.push(`supply changed from ${ex.supply.initial.total} to ${ex.supply.final.total}`);
	for (const s of [ex.supply.initial, ex.supply.final]) {
		const sum = BigInt(s.balances) + BigInt(s.staked) + BigInt(s.unbonding) + BigInt(s.rewardsPool) + BigInt(s.treasury) + BigInt(s.burned);
		if (sum.toString() !== s.total) problems.push('supply buckets do not add up to the total');
	}
	for (const s of ex.slashings) if (BigInt(s.amount) < BigInt(s.challengerReward)) problems.push(`slash of ${s.sequencer}: challenger got more than was slashed`);
	return problems;
}
