/**
 * Validators: each posted batch is sampled by each validator with probability `sampleRate`. An
 * honest one re-executes it (paying the simulated compute) and flags a wrong root; a lazy one attests
 * without checking (the validator machine decides which). Both claim the verification reward: the
 * verifier's dilemma, since only the honest one ever earns a challenger's share.
 */
import type { EventOf } from '../../events';
import { record, tell, type WorldCore } from '../core';
import { addressOfActor, proposalById, refOf } from '../lookups';
import { reexecute } from '../reexecute';
import type { BatchProposal } from '../types';

/** A batch reached L1: validators sample it. */
export function onPosted(w: WorldCore, e: EventOf<'finality.posted'>): void {
	const rate = w.data.params.sampleRate;
	for (const v of w.cast.validators) if (w.rng.chance(rate)) tell(w, v.id, { type: 'batch.sampled', proposal: e.proposal });
}

/**
 * A validator stops being lazy or comes back online: it checks every batch still open on L1, not
 * only those it will sample from now on (a fraud posted while it looked away is still in its window).
 */
export function onBehaviourChanged(w: WorldCore, e: EventOf<'behaviour.changed'>): void {
	if (e.behaviour !== 'honest' || !w.cast.validators.some((v) => v.id === e.actor)) return;
	for (const p of w.data.proposals) if (p.status === 'posted') tell(w, e.actor, { type: 'batch.sampled', proposal: p.id });
}

/** The proposal a validator's turn is about, if there is still something to check (not reverted meanwhile). */
function checkable(w: WorldCore, id: number): BatchProposal | undefined {
	const p = proposalById(w, id);
	return p && (p.status === 'posted' || p.status === 'settled') ? p : undefined;
}

function payReward(w: WorldCore, validator: string): string {
	const paid = w.data.staking.payFromRewards({ to: addressOfActor(w, validator)!, amount: w.data.params.verificationReward });
	return paid.ok ? paid.value.toString() : '0';
}

/** A lazy validator attests without re-executing. */
export function onAttest(w: WorldCore, validator: string, id: number): void {
	const proposal = checkable(w, id);
	if (!proposal) return;
	record(w, { type: 'validator.attested', ...refOf(proposal), validator, checked: false, reward: payReward(w, validator) });
}

/** An honest validator re-executes the batch from its previous state root and compares roots. */
export function onCheck(w: WorldCore, validator: string, id: number): void {
	const proposal = checkable(w, id);
	if (!proposal) return;
	const { data } = w;
	const ref = refOf(proposal);
	const reward = payReward(w, validator);
	const gas = data.params.verificationCostGas;
	if (!data.stateAtRoot.has(proposal.prevStateRoot)) {
		// Built on a batch that cannot be reproduced: the earlier batch is the one to challenge.
		record(w, { type: 'validator.checked', ...ref, validator, ok: false, reason: 'previous state root cannot be reproduced', gas, reward });
		return;
	}
	const result = reexecute(w, proposal.prevStateRoot, proposal.txs);
	const ok = result.ok && result.stateRoot === proposal.stateRoot;
	record(w, { type: 'validator.checked', ...ref, validator, ok, reason: null, gas, reward });
	if (ok || proposal.status !== 'posted') return;
	// Under validity proofs there is nothing to challenge: the proof that can never be made decides.
	const action = w.finality === 'zk' ? 'none' : 'challenge';
	record(w, { type: 'validator.mismatch', ...ref, validator, claimed: proposal.stateRoot, computed: result.ok ? result.stateRoot : null, action });
}
