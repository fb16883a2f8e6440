/**
 * The one place that knows every protocol step: it hands what actors emit and what the scheduler
 * fires to the step that answers it, and every recorded event to the steps that react to it. Steps
 * never import each other; they record events and schedule tasks, and this router does the rest.
 */
import type { EventObject } from 'xstate';
import type { AdminEmitted } from '../actors/adminMachine';
import type { DisputeGameEmitted } from '../actors/disputeGameMachine';
import type { SequencerEmitted } from '../actors/sequencerMachine';
import type { UserEmitted } from '../actors/userMachine';
import type { ValidatorEmitted } from '../actors/validatorMachine';
import type { EventOf, SimEventType } from '../events';
import type { WorldCore } from './core';
import { tell } from './core';
import * as admin from './steps/admin';
import * as batching from './steps/batching';
import * as blocks from './steps/blocks';
import * as censorship from './steps/censorship';
import * as disputes from './steps/disputes';
import * as epochs from './steps/epochs';
import * as evidence from './steps/evidence';
import * as posting from './steps/posting';
import * as punishment from './steps/punishment';
import * as reverts from './steps/reverts';
import * as settlement from './steps/settlement';
import * as traffic from './steps/traffic';
import * as validation from './steps/validation';
import * as votes from './steps/votes';
import type { Task } from './types';

/** A step's reaction to one type of event. */
type Reaction<T extends SimEventType> = (w: WorldCore, e: EventOf<T>) => void;

/** Which steps react to which events, in the order they run (punishment before reverts, so a re-span never elects a convict). */
const REACTIONS: { [T in SimEventType]?: Reaction<T>[] } = {
	'world.genesis': [epochs.onGenesis],
	'block.produced': [epochs.onBlockProduced, batching.onBlockProduced],
	'epoch.started': [batching.onEpochChanged],
	'epoch.respan': [batching.onEpochChanged],
	'batch.no-quorum': [votes.onNoQuorum, reverts.onNoQuorum, epochs.onNoQuorum],
	'vote.passed': [punishment.onVotePassed],
	'batch.rejected': [batching.onRejected],
	'finality.posted': [settlement.onPosted, validation.onPosted, censorship.onPosted],
	'evidence.sent': [evidence.onEvidenceSent],
	'evidence.accepted': [punishment.onEvidenceAccepted, reverts.onEvidenceAccepted, disputes.onEvidenceAccepted],
	'validator.mismatch': [disputes.onMismatch],
	'proof.missing': [punishment.onProofMissing, reverts.onProofMissing, disputes.onProofMissing],
	'dispute.resolved': [punishment.onDisputeResolved, reverts.onDisputeResolved, settlement.onDisputeResolved],
	'chain.rederive': [batching.onBlocksReturned],
	'behaviour.changed': [batching.onBehaviourChanged, validation.onBehaviourChanged],
	slash: [epochs.onMemberRemoved],
	'sequencer.force-unlocked': [epochs.onMemberRemoved],
	'sequencer.ejected': [epochs.onMemberRemoved]
};

/** Hands every pending event to the steps that react to it, until none is left (their events included). */
export function settle(w: WorldCore): void {
	for (let i = 0; i < w.pending.length; i++) {
		const e = w.pending[i];
		const reactions = REACTIONS[e.type] as Reaction<typeof e.type>[] | undefined;
		if (reactions) for (const react of reactions) react(w, e as never);
	}
	w.pending.length = 0;
}

/** Every effect an actor can emit. */
type ActorEffect = UserEmitted | SequencerEmitted | ValidatorEmitted | AdminEmitted | DisputeGameEmitted;

/** Carries out an effect an actor emitted. */
export function onEmit(w: WorldCore, actor: string, event: EventObject): void {
	// The actor host is untyped; every machine's `emitted` type is in ActorEffect.
	const e = event as ActorEffect;
	switch (e.type) {
		case 'tx.force':
			return censorship.onForceRequest(w, actor, e.hash);
		case 'tx.submit':
			return traffic.onTxSubmit(w, actor, e.nonce, e.intent);
		case 'block.build':
			return blocks.onBuildBlock(w, actor);
		case 'batch.review':
			return batching.onReview(w, actor, e.proposal);
		case 'batch.timeout':
			return batching.onSignTimeout(w, e.proposal);
		case 'batch.check':
			return validation.onCheck(w, actor, e.proposal);
		case 'batch.attest':
			return validation.onAttest(w, actor, e.proposal);
		case 'admin.whitelist':
			return admin.onWhitelist(w, e.sequencer);
		case 'admin.fund':
			return admin.onFund(w, e.amount);
		case 'admin.setParams':
			return admin.onSetParams(w, e.params);
		case 'dispute.awaitReveal':
		case 'dispute.awaitResponse':
		case 'dispute.executeStep':
		case 'dispute.invalidMove':
		case 'dispute.resolved':
			return disputes.onDisputeEffect(w, actor, e);
		default:
			throw new Error(`unknown effect ${(e as EventObject).type} from ${actor}`);
	}
}

/** Runs one scheduled task. */
export function runTask(w: WorldCore, task: Task): void {
	switch (task.kind) {
		case 'actor':
			return tell(w, task.actor, task.event);
		case 'traffic.start':
			return traffic.startTraffic(w);
		case 'traffic.stop':
			return traffic.stopTraffic(w);
		case 'traffic.arrival':
			return traffic.onArrival(w);
		case 'tx.arrive':
			return traffic.onTxArrive(w, task.entry);
		case 'signature':
			return batching.onSignature(w, task);
		case 'batch.deadline':
			return batching.onBatchDeadline(w);
		case 'l1.include':
			return posting.onL1Include(w, task.proposal);
		case 'l1.final':
			return settlement.onL1Final(w, task.proposal);
		case 'proof.verified':
			return settlement.onProofVerified(w, task.proposal);
		case 'settle.due':
			return settlement.onSettleDue(w, task.proposal);
		case 'zk.deadline':
			return settlement.onZkDeadline(w, task.proposal);
		case 'respan.check':
			return epochs.onRespanCheck(w);
		case 'tx.patience':
			return censorship.onPatience(w, task.hash, task.user);
		case 'forced.enqueue':
			return censorship.onForcedEnqueue(w, task);
		case 'forced.deadline':
			return censorship.onForcedDeadline(w, task.hash);
		case 'evidence':
			return evidence.onEvidence(w, task);
		case 'zk.fraud-proof':
			return disputes.onZkFraudProof(w, task.proposal, task.challenger);
	}
}
