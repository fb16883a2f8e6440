/**
 * Epochs and proposers: each epoch the staking contract's active set is recorded on L1 (its
 * signatures sign that epoch's batches) and a proposer is drawn from it by stake with the seeded RNG.
 * A new epoch begins when the last one's blocks are done, when its set loses a member (slashed or
 * ejected), or in a re-span when the proposer stalls or its peers refuse its batch.
 */
import type { EventOf } from '../../events';
import { record, tell, type WorldCore } from '../core';
import { currentEpoch, forcedForBlock, waitingSince } from '../lookups';
import { scheduleRespanCheck } from '../timers';

/** Why an epoch changes hands. */
type Handover = 'genesis' | 'epoch' | 'set-changed' | 'stalled' | 'refused';

/** Draws a proposer stake-weighted from the active set, skipping `exclude` unless nobody else is left. */
function electProposer(w: WorldCore, members: { id: string; stake: bigint }[], exclude: string[]): string {
	const eligible = members.filter((m) => !exclude.includes(m.id));
	const pool = eligible.length > 0 ? eligible : members;
	if (pool.length === 0) return '';
	return pool[w.rng.weightedIndex(pool.map((m) => m.stake))].id;
}

/** Starts a new epoch: records its set on L1, draws its proposer, and hands the work over. */
function startEpoch(w: WorldCore, why: Handover, exclude: string[] = []): void {
	const { data } = w;
	const previous = data.proposer;
	const members = data.staking.activeSet();
	const next = electProposer(w, members, exclude);
	if (why !== 'genesis') data.epoch += 1;
	data.epochStartHeight = data.blocks.length;
	data.proposer = next;
	data.sequencerSet.commit({ epoch: data.epoch, members, proposer: next || null, startHeight: data.blocks.length, startedAt: data.now });
	if (previous && previous !== next) tell(w, previous, { type: 'epoch.ended' });
	if (next && previous !== next) tell(w, next, { type: 'epoch.elected', epoch: data.epoch });
	const fields = { epoch: data.epoch, proposer: next || null, previous: previous || null, height: data.blocks.length, set: members.map((m) => m.id) };
	if (why === 'stalled' || why === 'refused') record(w, { type: 'epoch.respan', ...fields, reason: why });
	else record(w, { type: 'epoch.started', ...fields, reason: why });
	if (!next) {
		record(w, { type: 'pool.empty', reason: 'no sequencer has at least the minimum stake' });
		return;
	}
	if (data.mempool.length > 0 || forcedForBlock(w, next).length > 0) tell(w, next, { type: 'mempool.filled' });
}

/** The world begins: the first epoch. */
export function onGenesis(w: WorldCore): void {
	startEpoch(w, 'genesis');
}

/** An epoch lasts `epochLength` blocks. */
export function onBlockProduced(w: WorldCore): void {
	const { data } = w;
	if (data.blocks.length - data.epochStartHeight >= data.params.epochLength) startEpoch(w, 'epoch');
}

/** Peers refused the proposer's batch for misbehaving: the pool moves on to another proposer. */
export function onNoQuorum(w: WorldCore, e: EventOf<'batch.no-quorum'>): void {
	if (e.refused.length > 0 && w.data.proposer === e.proposer) startEpoch(w, 'refused', [e.proposer]);
}

/**
 * A member was slashed, force-unlocked or ejected: once the epoch's set holds someone no longer
 * active, a new epoch begins with the set as it now is (all punishments of one offence are done by
 * then, so no convicted sequencer is drawn).
 */
export function onMemberRemoved(w: WorldCore): void {
	const epoch = currentEpoch(w);
	if (!epoch) return;
	const active = new Set(w.data.staking.activeSet().map((m) => m.id));
	if (epoch.members.every((m) => active.has(m.id))) return;
	startEpoch(w, 'set-changed');
}

/** The stall timer fired: if work still waits and the height has not grown for `respanDelayMs`, re-span. */
export function onRespanCheck(w: WorldCore): void {
	const { data } = w;
	const since = waitingSince(w);
	if (since === null) return;
	if (data.now - since < data.params.respanDelayMs) {
		scheduleRespanCheck(w);
		return;
	}
	record(w, { type: 'proposer.stalled', proposer: data.proposer || null, waitingTxs: data.mempool.length, sinceMs: data.now - since });
	startEpoch(w, 'stalled', data.proposer ? [data.proposer] : []);
	data.lastBlockAt = data.now;
	scheduleRespanCheck(w);
}
