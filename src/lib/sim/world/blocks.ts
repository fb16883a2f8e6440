/** L2 blocks: the proposer orders the mempool first come first served; epochs and re-spans elect proposers. */
import { executeTx } from '../../chain/execute';
import { record, tell, type WorldCore } from './core';
import { maybeProposeBatch } from './batches';
import type { Hex } from 'viem';

/** The proposer's block timer fired: build a block from the mempool, oldest first. */
export function onBuildBlock(w: WorldCore, sequencer: string): void {
	const { data } = w;
	if (sequencer !== data.proposer) return;
	if (data.sequencerBehaviour[sequencer] === 'offline') return;
	const taken = data.mempool.splice(0, data.params.maxTxPerBlock);
	const included: Hex[] = [];
	const includedEntries = [];
	for (const entry of taken) {
		const outcome = executeTx(data.l2, entry.raw, { withRoot: false });
		if (outcome.status === 'invalid') {
			record(w, 'tx.dropped', { hash: entry.hash, user: entry.user, reason: outcome.error ?? 'invalid' });
			const sender = w.cast.userById.get(entry.user);
			tell(w, entry.user, { type: 'tx.dropped', nonce: sender ? data.l2.nonceOf(sender.address) : 0 });
			continue;
		}
		included.push(entry.raw);
		includedEntries.push({ entry, status: outcome.status });
	}
	if (included.length > 0) {
		const number = data.blocks.length + 1;
		const stateRoot = data.l2.stateRoot();
		data.blocks.push({ number, proposer: sequencer, timestamp: data.now, txs: included, stateRoot });
		data.lastBlockAt = data.now;
		record(w, 'block.produced', { number, proposer: sequencer, txs: included.length, stateRoot });
		for (const { entry, status } of includedEntries) {
			record(w, 'finality.soft', { hash: entry.hash, block: number, status });
			tell(w, entry.user, { type: 'tx.included' });
		}
		if (number === data.nextBatchBlock) {
			w.scheduler.schedule(data.now + data.params.maxBatchDelayMs, { kind: 'batch.deadline' }, 'batch.deadline');
		}
	}
	if (data.mempool.length === 0) {
		tell(w, sequencer, { type: 'mempool.drained' });
		w.scheduler.cancel('respan');
	} else {
		scheduleRespanCheck(w);
	}
	if (included.length > 0) {
		if (data.blocks.length - data.epochStartHeight >= data.params.epochLength) startEpoch(w, 'epoch');
		maybeProposeBatch(w, false);
	}
}

/** Elects a proposer stake-weighted from the active set with the seeded RNG, skipping `exclude`. */
export function electProposer(w: WorldCore, exclude?: string): string {
	let members = w.data.staking.activeSet();
	if (exclude && members.length > 1) members = members.filter((m) => m.id !== exclude);
	if (members.length === 0) return '';
	return members[w.rng.weightedIndex(members.map((m) => m.stake))].id;
}

/** Starts a new epoch (or a re-span) with a freshly elected proposer. */
export function startEpoch(w: WorldCore, reason: 'genesis' | 'epoch' | 'respan'): void {
	const { data } = w;
	const previous = data.proposer;
	const next = electProposer(w, reason === 'respan' ? previous : undefined);
	data.epoch += reason === 'genesis' ? 0 : 1;
	data.epochStartHeight = data.blocks.length;
	data.proposer = next;
	if (previous && previous !== next) tell(w, previous, { type: 'epoch.ended' });
	if (next && previous !== next) tell(w, next, { type: 'epoch.elected', epoch: data.epoch });
	record(w, reason === 'respan' ? 'epoch.respan' : 'epoch.started', { epoch: data.epoch, proposer: next || null, previous: previous || null, height: data.blocks.length });
	if (!next) {
		record(w, 'pool.empty', { reason: 'no sequencer has at least the minimum stake' });
		return;
	}
	if (data.mempool.length > 0) tell(w, next, { type: 'mempool.filled' });
}

/**
 * Watches for a stalled proposer: if transactions wait and the L2 height has not grown for
 * `respanDelayMs`, a re-span elects another proposer (Metis' ReSpanDelayTime).
 */
export function scheduleRespanCheck(w: WorldCore): void {
	const { data } = w;
	if (data.mempool.length === 0) return;
	const since = Math.max(data.lastBlockAt, data.mempool[0].arrivedAt);
	w.scheduler.schedule(since + data.params.respanDelayMs, { kind: 'respan.check' }, 'respan');
}

/** The stall timer fired. */
export function onRespanCheck(w: WorldCore): void {
	const { data } = w;
	if (data.mempool.length === 0) return;
	const since = Math.max(data.lastBlockAt, data.mempool[0].arrivedAt);
	if (data.now - since < data.params.respanDelayMs) {
		scheduleRespanCheck(w);
		return;
	}
	record(w, 'proposer.stalled', { proposer: data.proposer || null, waitingTxs: data.mempool.length, sinceMs: data.now - since });
	startEpoch(w, 'respan');
	data.lastBlockAt = data.now;
	scheduleRespanCheck(w);
}
