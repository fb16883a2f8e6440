/** The sandwich mission's check: a sequencer the learner told to reorder profits from a sandwich, then its peers refuse it. */
import type { SimEvent } from '$lib/sim/events';
import { isEvent } from '$lib/sim/events';
import { applied } from '../goalTools';

/**
 * Whether a sequencer the learner set to `reorder` sandwiched a swap at a profit after gas, and a
 * peer then refused to sign one of its batches or two thirds of the stake voted it out.
 */
export function sandwichRefused(events: readonly SimEvent[]): boolean {
	const told = new Map<string, number>();
	for (const c of applied(events, 'sequencer.behaviour')) if (c.detail.behaviour === 'reorder' && typeof c.detail.sequencer === 'string' && !told.has(c.detail.sequencer)) told.set(c.detail.sequencer, c.t);
	const paidAt = new Map<string, number>();
	const proposerOf = new Map<number, string>();
	for (const e of events) {
		if (isEvent(e, 'mev.sandwich')) {
			const since = told.get(e.proposer);
			if (since !== undefined && e.t >= since && BigInt(e.netProfitMetis) > 0n && !paidAt.has(e.proposer)) paidAt.set(e.proposer, e.t);
		} else if (isEvent(e, 'batch.proposed')) proposerOf.set(e.proposal, e.proposer);
		else if (isEvent(e, 'batch.refused')) {
			const proposer = proposerOf.get(e.proposal);
			if (proposer !== undefined && (paidAt.get(proposer) ?? Infinity) <= e.t) return true;
		} else if (isEvent(e, 'vote.passed') && (paidAt.get(e.sequencer) ?? Infinity) <= e.t) return true;
	}
	return false;
}
