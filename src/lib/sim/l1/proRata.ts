import type { Hex } from 'viem';
import { BPS } from './stakingTypes';

/** `value × bps / 10000`, rounded down. */
export function mulBps(value: bigint, bps: number): bigint {
	return (value * BigInt(bps)) / BigInt(BPS);
}

/** Delegator addresses in a fixed order, so who gets rounding dust never depends on insertion order. */
export function sortedOwners(delegations: Record<Hex, bigint>): Hex[] {
	return (Object.keys(delegations) as Hex[]).sort();
}

/**
 * Takes `amount` out of holdings pro rata by size, never more than a holding has.
 * Each takes floor(amount × h / total); the few wei of dust come from the first holdings that still
 * have room, in the order given (callers put the operator's self stake first).
 */
export function takeProRata(amount: bigint, holdings: bigint[]): bigint[] {
	const total = holdings.reduce((sum, h) => sum + h, 0n);
	if (amount < 0n || amount > total) throw new Error(`takeProRata: amount ${amount} outside 0..${total}`);
	if (total === 0n) return holdings.map(() => 0n);
	const cuts = holdings.map((h) => (amount * h) / total);
	let dust = amount - cuts.reduce((sum, c) => sum + c, 0n);
	for (let i = 0; i < holdings.length && dust > 0n; i++) {
		const room = holdings[i] - cuts[i];
		const extra = room < dust ? room : dust;
		cuts[i] += extra;
		dust -= extra;
	}
	return cuts;
}

/** Splits a block reward: the operator keeps the commission and its self-stake share plus all dust. */
export function splitReward({
	reward,
	commissionBps,
	selfStake,
	delegations
}: {
	/** Amount to split (wei). */
	reward: bigint;
	/** Operator commission in basis points. */
	commissionBps: number;
	/** Operator's own stake. */
	selfStake: bigint;
	/** Delegated stake by delegator. */
	delegations: Record<Hex, bigint>;
}): { toOperator: bigint; toDelegators: Record<Hex, bigint> } {
	const owners = sortedOwners(delegations);
	const rest = reward - mulBps(reward, commissionBps);
	const base = owners.reduce((sum, owner) => sum + delegations[owner], selfStake);
	const toDelegators: Record<Hex, bigint> = {};
	let delegatorsTotal = 0n;
	for (const owner of owners) {
		const share = base === 0n ? 0n : (rest * delegations[owner]) / base;
		toDelegators[owner] = share;
		delegatorsTotal += share;
	}
	return { toOperator: reward - delegatorsTotal, toDelegators };
}
