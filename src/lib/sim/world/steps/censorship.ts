/**
 * Censorship and forced inclusion: a user whose transaction waits too long enqueues it on L1. In the
 * textbook design sequencers must include it by a deadline (after it, L1 forces it into the chain);
 * as deployed on Metis the queue exists but nothing forces inclusion.
 */
import type { Hex } from 'viem';
import type { EventOf } from '../../events';
import { record, tell, type WorldCore } from '../core';
import { nextL1Block, proposalById } from '../lookups';

/** The patience timer fired: if the transaction is still waiting, the user is told it is stuck. */
export function onPatience(w: WorldCore, hash: Hex, user: string): void {
	if (w.data.forcedByHash[hash]) return;
	if (!w.data.mempool.some((e) => e.hash === hash)) return;
	tell(w, user, { type: 'tx.stuck', hash });
}

/** The user sends its stuck transaction to the L1 queue; it lands in the next L1 block. */
export function onForceRequest(w: WorldCore, user: string, hash: Hex): void {
	const entry = w.data.mempool.find((e) => e.hash === hash);
	if (!entry) return;
	w.scheduler.schedule(nextL1Block(w).at, { kind: 'forced.enqueue', hash, user, raw: entry.raw });
}

/** L1 records the forced transaction; in the textbook design its deadline is enforced. */
export function onForcedEnqueue(w: WorldCore, task: { hash: Hex; user: string; raw: Hex }): void {
	const { data } = w;
	if (data.forcedByHash[task.hash]) return;
	const sender = w.cast.userById.get(task.user)!.address;
	const q = data.forced.enqueue({ rawTx: task.raw, sender, now: data.now });
	data.forcedByHash[task.hash] = { queueIndex: q.queueIndex, user: task.user, block: null, raw: task.raw, overdue: false };
	record(w, { type: 'forced.enqueued', hash: task.hash, user: task.user, queueIndex: q.queueIndex, deadline: q.deadline, enforced: data.forced.enforced });
	w.scheduler.schedule(q.deadline, { kind: 'forced.deadline', hash: task.hash });
	if (data.proposer) tell(w, data.proposer, { type: 'mempool.filled' });
}

/** The deadline passed: in the textbook design L1 now forces the transaction into the next block. */
export function onForcedDeadline(w: WorldCore, hash: Hex): void {
	const forced = w.data.forcedByHash[hash];
	if (!forced || forced.block !== null) return;
	forced.overdue = true;
	record(w, { type: 'forced.overdue', hash, user: forced.user, enforced: w.data.forced.enforced });
	if (w.data.proposer) tell(w, w.data.proposer, { type: 'mempool.filled' });
}

/** A batch reached L1: the forced transactions in its blocks are marked included in the L1 queue. */
export function onPosted(w: WorldCore, e: EventOf<'finality.posted'>): void {
	const { data } = w;
	const p = proposalById(w, e.proposal);
	if (!p) return;
	for (const f of Object.values(data.forcedByHash)) {
		if (f.block !== null && f.block >= p.firstBlock && f.block <= p.lastBlock) data.forced.markIncluded({ queueIndex: f.queueIndex, batchIndex: p.index });
	}
}
