/** Routes what actors emit and what the scheduler fires to the protocol steps. */
import type { EventObject } from 'xstate';
import { record, tell, type WorldCore } from './core';
import { onBuildBlock, onRespanCheck } from './blocks';
import { onBatchDeadline, onEvidence, onL1Include, onReview, onSignTimeout, onSignature } from './batches';
import { onForceRequest, onForcedDeadline, onForcedEnqueue, onPatience } from './censorship';
import { onDisputeEffect, onZkDeadline, onZkFraudProof } from './disputes';
import type { DisputeGameEmitted } from '../actors/disputeGameMachine';
import { onL1Final, onProofVerified, onSettleDue, onValidatorCheck } from './settlement';
import { onArrival, onTxArrive, onTxSubmit, startTraffic, stopTraffic } from './traffic';
import type { TxIntent } from '../actors/userMachine';
import type { Task } from './types';
import { applyParams } from './commands';

/** Carries out an effect an actor emitted. */
export function onEmit(w: WorldCore, actor: string, event: EventObject): void {
	const e = event as EventObject & Record<string, unknown>;
	if (e.type.startsWith('dispute.')) return onDisputeEffect(w, actor, e as unknown as DisputeGameEmitted);
	switch (e.type) {
		case 'tx.force':
			return onForceRequest(w, actor, e.hash as `0x${string}`);
		case 'tx.submit':
			return onTxSubmit(w, actor, e.nonce as number, e.intent as TxIntent);
		case 'block.build':
			return onBuildBlock(w, actor);
		case 'batch.review':
			return onReview(w, actor, e.index as number);
		case 'batch.timeout':
			return onSignTimeout(w, e.index as number);
		case 'batch.check':
			return onValidatorCheck(w, actor, e.index as number);
		case 'admin.whitelist':
			return whitelist(w, e.sequencer as string);
		case 'admin.fund':
			return fund(w, e.amount as string);
		case 'admin.setParams':
			return applyParams(w, e.params as Record<string, string | number>);
		default:
			throw new Error(`unknown effect ${e.type} from ${actor}`);
	}
}

/** Runs one scheduled task. */
export function runTask(w: WorldCore, task: Task): void {
	switch (task.kind) {
		case 'actor':
			return tell(w, task.actor, task.event);
		case 'traffic.start':
			return startTraffic(w);
		case 'traffic.stop':
			return stopTraffic(w);
		case 'traffic.arrival':
			return onArrival(w);
		case 'tx.arrive':
			return onTxArrive(w, task.entry);
		case 'signature':
			return onSignature(w, task);
		case 'batch.deadline':
			return onBatchDeadline(w);
		case 'l1.include':
			return onL1Include(w, task.index);
		case 'l1.final':
			return onL1Final(w, task.index);
		case 'proof.verified':
			return onProofVerified(w, task.index);
		case 'settle.due':
			return onSettleDue(w, task.index);
		case 'respan.check':
			return onRespanCheck(w);
		case 'tx.patience':
			return onPatience(w, task.hash, task.user);
		case 'forced.enqueue':
			return onForcedEnqueue(w, task);
		case 'forced.deadline':
			return onForcedDeadline(w, task.hash);
		case 'evidence':
			return onEvidence(w, task);
		case 'zk.deadline':
			return onZkDeadline(w, task.index);
		case 'zk.fraud-proof':
			return onZkFraudProof(w, task.index, task.challenger);
	}
}

/** The administrator whitelists a candidate on L1; the contract checks its proof of possession. */
function whitelist(w: WorldCore, sequencer: string): void {
	const identity = w.cast.sequencerById.get(sequencer);
	if (!identity) return;
	const result = w.data.staking.whitelist({
		caller: w.cast.admin,
		id: identity.id,
		operator: identity.address,
		blsPublicKey: identity.blsPublicKey,
		blsProofOfPossession: identity.blsProofOfPossession
	});
	if (!result.ok) {
		record(w, 'sequencer.refused', { sequencer, reason: result.error });
		return;
	}
	record(w, 'sequencer.whitelisted', { sequencer, blsPublicKey: identity.blsPublicKey });
	tell(w, sequencer, { type: 'sequencer.admitted' });
}

function fund(w: WorldCore, amount: string): void {
	const wei = BigInt(amount);
	const result = w.data.staking.fundRewards({ caller: w.cast.admin, amount: wei });
	if (result.ok) record(w, 'rewards.funded', { amount: wei.toString() });
	else record(w, 'rewards.fund-refused', { reason: result.error });
}
