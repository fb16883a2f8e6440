/**
 * Punishment: slashing (textbook) or, as deployed on Metis, the administrator's force-unlock. Each
 * offence is punished once, stake already unbonding stays slashable for an offence committed before
 * the unlock, and nothing is slashed when nothing is left.
 */
import type { EventOf, Offence } from '../../events';
import { record, type WorldCore } from '../core';
import { addressOfActor, proposalById, refOf } from '../lookups';
import type { BatchProposal } from '../types';

/** One punishment to carry out. */
interface Sentence {
	/** Who. */
	sequencer: string;
	/** What for. */
	offence: Offence;
	/** In words. */
	reason: string;
	/** The proposal the offence is about. */
	proposal: BatchProposal;
	/** Who proved it (gets the challenger's share), or null. */
	challenger: string | null;
	/** Share of the stake taken, in basis points. */
	fractionBps: number;
	/** Decided by a stake vote rather than by proof. */
	byVote: boolean;
}

function punish(w: WorldCore, s: Sentence): void {
	const { data } = w;
	const key = `${s.sequencer}:${s.offence}:${s.proposal.id}`;
	if (data.punished[key]) return;
	data.punished[key] = true;
	const ref = refOf(s.proposal);
	// The offence is signing (or proposing) the header, so it happened when the header was proposed.
	const offenceAt = s.proposal.proposedAt;
	if (data.params.slashing === 'as-deployed') {
		const r = data.staking.forceUnlock({ caller: w.cast.admin, id: s.sequencer, now: data.now });
		if (r.ok) record(w, { type: 'sequencer.force-unlocked', ...ref, sequencer: s.sequencer, reason: s.reason, offence: s.offence, by: 'admin' });
		else record(w, { type: 'punish.refused', ...ref, sequencer: s.sequencer, offence: s.offence, reason: r.error });
		return;
	}
	if (data.staking.slashable({ id: s.sequencer, infractionAt: offenceAt }) === 0n) {
		record(w, { type: 'punish.refused', ...ref, sequencer: s.sequencer, offence: s.offence, reason: 'nothing left to slash: its stake is already gone' });
		return;
	}
	const r = data.staking.slash({
		id: s.sequencer,
		fractionBps: s.fractionBps,
		challenger: s.challenger ? addressOfActor(w, s.challenger) : null,
		challengerShareBps: data.params.challengerShareBps,
		reason: s.reason,
		now: data.now,
		batch: s.proposal.index,
		infractionAt: offenceAt
	});
	if (!r.ok) {
		record(w, { type: 'punish.refused', ...ref, sequencer: s.sequencer, offence: s.offence, reason: r.error });
		return;
	}
	record(w, {
		type: 'slash',
		...ref,
		sequencer: s.sequencer,
		reason: s.reason,
		offence: s.offence,
		byVote: s.byVote,
		challenger: s.challenger,
		amount: r.value.amount.toString(),
		fromUnbonding: r.value.fromUnbonding.toString(),
		challengerReward: r.value.challengerReward.toString(),
		burned: r.value.burned.toString(),
		offenceAt
	});
}

/** Who signed a header: its aggregate's signers once it has one, else every signature it collected. */
function signersOf(p: BatchProposal): string[] {
	return p.signers.length > 0 ? p.signers : Object.keys(p.signatures).sort();
}

/** A wrong state root was proven: every signer of the header is slashed, the challenger paid. */
export function onDisputeResolved(w: WorldCore, e: EventOf<'dispute.resolved'>): void {
	const p = proposalById(w, e.proposal);
	if (!p || e.winner !== 'challenger') return;
	for (const sequencer of signersOf(p)) {
		punish(w, { sequencer, offence: 'wrong-state-root', reason: 'signed a header whose state root is provably wrong', proposal: p, challenger: e.challenger, fractionBps: w.data.params.slashFractionBps, byVote: false });
	}
}

/** L1 accepted proof of equivocation or of a forged transaction: the proposer who signed it is slashed. */
export function onEvidenceAccepted(w: WorldCore, e: EventOf<'evidence.accepted'>): void {
	const p = proposalById(w, e.proposal);
	if (!p || e.fault === 'wrong-state-root') return;
	const reason = e.fault === 'equivocation' ? 'signed two different headers for one batch (equivocation)' : 'signed a header with an invalid transaction';
	punish(w, { sequencer: e.accused, offence: e.fault, reason, proposal: p, challenger: e.reporter, fractionBps: w.data.params.slashFractionBps, byVote: false });
}

/** Two thirds of the stake voted that the proposer reordered transactions: it is slashed by vote. */
export function onVotePassed(w: WorldCore, e: EventOf<'vote.passed'>): void {
	const p = proposalById(w, e.proposal);
	if (!p) return;
	punish(w, { sequencer: e.sequencer, offence: 'reorder', reason: 'reordered transactions for profit (sandwiching)', proposal: p, challenger: e.votes[0] ?? null, fractionBps: w.data.params.voteSlashFractionBps, byVote: true });
}

/**
 * Validity mode: a batch with no proof by its deadline proves nothing wrong, so nobody is paid for
 * noticing; its signers lose stake only if `missingProofSlashBps` (off by default) says so.
 */
export function onProofMissing(w: WorldCore, e: EventOf<'proof.missing'>): void {
	const p = proposalById(w, e.proposal);
	const fraction = w.data.params.missingProofSlashBps;
	if (!p || e.mode !== 'zk' || fraction === 0) return;
	for (const sequencer of signersOf(p)) {
		punish(w, { sequencer, offence: 'missing-proof', reason: 'signed a batch that never got a validity proof', proposal: p, challenger: null, fractionBps: fraction, byVote: false });
	}
}
