/**
 * Censorship and forced inclusion: a user whose transaction waits too long enqueues it on L1. In the
 * textbook design sequencers must include it by a deadline (after it, L1 forces it into the chain);
 * as deployed on Metis the queue exists but nothing forces inclusion.
 */
import type { Hex } from 'viem';
import { later, nextL1Block, record, tell, type WorldCore } from './core';
import type { MempoolEntry } from './types';

/** Whether this proposer refuses transactions from this user. */
export function censors(w: WorldCore, proposer: string, user: string): boolean {
	return w.data.sequencerBehaviour[proposer] === 'censor' && w.data.censorTargets[proposer] === user;
}

/** Starts the user's patience timer for a transaction that reached the mempool. */
export function watchForCensorship(w: WorldCore, entry: MempoolEntry): void {
	later(w, w.data.params.censorshipPatienceMs, { kind: 'tx.patience', hash: entry.hash, user: entry.user });
}

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
	const block = nextL1Block(w);
	w.scheduler.schedule(block.at, { kind: 'forced.enqueue', hash, user, raw: entry.raw });
}

/** L1 records the forced transaction; in the textbook design its deadline is enforced. */
export function onForcedEnqueue(w: WorldCore, task: { hash: Hex; user: string; raw: Hex }): void {
	const { data } = w;
	if (data.forcedByHash[task.hash]) return;
	const sender = w.cast.userById.get(task.user)!.address;
	const q = data.forced.enqueue({ rawTx: task.raw, sender, now: data.now });
	data.forcedByHash[task.hash] = { queueIndex: q.queueIndex, user: task.user, block: null, raw: task.raw, overdue: false };
	record(w, 'forced.enqueued', { hash: task.hash, user: task.user, queueIndex: q.queueIndex, deadline: q.deadline, enforced: data.forced.enforced });
	w.scheduler.schedule(q.deadline, { kind: 'forced.deadline', hash: task.hash });
	if (data.proposer) tell(w, data.proposer, { type: 'mempool.filled' });
}

/** The deadline passed: in the textbook design L1 now forces the transaction into the next block. */
export function onForcedDeadline(w: WorldCore, hash: Hex): void {
	const forced = w.data.forcedByHash[hash];
	if (!forced || forced.block !== null) return;
	forced.overdue = true;
	record(w, 'forced.overdue', { hash, user: forced.user, enforced: w.data.forced.enforced });
	if (w.data.proposer) tell(w, w.data.proposer, { type: 'mempool.filled' });
}

/**
 * Forced transactions a block must start with: all pending ones for an honest proposer, only
 * overdue ones (enforced by L1) for a censoring one; none that L1 cannot enforce if it censors them.
 */
export function forcedForBlock(w: WorldCore, proposer: string): { raw: Hex; hash: Hex; user: string; via: 'proposer' | 'l1-deadline' }[] {
	const out = [];
	for (const [hash, f] of Object.entries(w.data.forcedByHash) as [Hex, (typeof w.data.forcedByHash)[Hex]][]) {
		if (f.block !== null) continue;
		const enforced = f.overdue && w.data.forced.enforced;
		if (censors(w, proposer, f.user) && !enforced) continue;
		out.push({ raw: f.raw, hash, user: f.user, via: enforced ? ('l1-deadline' as const) : ('proposer' as const) });
	}
	return out.sort((a, b) => w.data.forcedByHash[a.hash].queueIndex - w.data.forcedByHash[b.hash].queueIndex);
}
