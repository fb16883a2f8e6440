/**
 * L2 blocks: the proposer orders the mempool first come first served (forced transactions from L1
 * first); a censoring proposer skips its target, a reordering one sandwiches swaps. Epochs and
 * re-spans elect proposers.
 */
import type { Hex } from 'viem';
import { executeTx } from '../../chain/execute';
import { record, tell, type WorldCore } from './core';
import { maybeProposeBatch } from './batches';
import { censors, forcedForBlock } from './censorship';
import { sandwich, type BlockTx } from './mev';

/** The proposer's block timer fired: build a block, oldest transactions first. */
export function onBuildBlock(w: WorldCore, sequencer: string): void {
	const { data } = w;
	if (sequencer !== data.proposer) return;
	if (data.sequencerBehaviour[sequencer] === 'offline') {
		// A silent proposer builds nothing; its timer stops until it is back. The stall watch re-spans.
		tell(w, sequencer, { type: 'mempool.drained' });
		scheduleRespanCheck(w);
		return;
	}
	const included: BlockTx[] = [];
	const statuses: string[] = [];
	const include = (tx: BlockTx): boolean => {
		const outcome = executeTx(data.l2, tx.raw, { withRoot: false });
		if (outcome.status === 'invalid') {
			record(w, 'tx.dropped', { hash: tx.hash, user: tx.user || null, reason: outcome.error ?? 'invalid' });
			const sender = w.cast.userById.get(tx.user);
			if (sender) tell(w, tx.user, { type: 'tx.dropped', nonce: data.l2.nonceOf(sender.address) });
			return false;
		}
		included.push(tx);
		statuses.push(outcome.status);
		return true;
	};
	const number = data.blocks.length + 1;
	for (const f of forcedForBlock(w, sequencer)) {
		data.mempool = data.mempool.filter((e) => e.hash !== f.hash);
		// The queue entry is consumed either way: a forced tx that no longer applies (its nonce was
		// already used, e.g. the mempool copy got in first) is dropped once, not retried every block.
		data.forcedByHash[f.hash].block = number;
		if (include(f)) record(w, 'forced.included', { hash: f.hash, user: f.user, block: number, via: f.via });
	}
	const reorders = data.sequencerBehaviour[sequencer] === 'reorder';
	const operator = w.cast.sequencerById.get(sequencer)!.address;
	const kept = [];
	let room = data.params.maxTxPerBlock - included.length;
	for (const entry of data.mempool) {
		if (room <= 0 || censors(w, sequencer, entry.user)) {
			if (room > 0) noteCensored(w, sequencer, entry.hash, entry.user);
			kept.push(entry);
			continue;
		}
		room--;
		const bite = reorders ? sandwich(w, sequencer, data.l2, entry.raw, data.l2.nonceOf(operator)) : null;
		if (bite && include(bite.front)) {
			include(entry);
			const back = bite.back();
			include(back);
			record(w, 'mev.sandwich', { proposer: sequencer, victim: entry.hash, front: bite.front.hash, back: back.hash, block: number });
		} else include(entry);
	}
	data.mempool = kept;
	if (included.length > 0) {
		const stateRoot = data.l2.stateRoot();
		data.blocks.push({ number, proposer: sequencer, timestamp: data.now, txs: included.map((t) => t.raw), hashes: included.map((t) => t.hash), users: included.map((t) => t.user), stateRoot });
		data.lastBlockAt = data.now;
		record(w, 'block.produced', { number, proposer: sequencer, txs: included.length, stateRoot });
		included.forEach((tx, i) => {
			record(w, 'finality.soft', { hash: tx.hash, block: number, status: statuses[i] });
			if (tx.user) tell(w, tx.user, { type: 'tx.included' });
		});
		if (number === data.nextBatchBlock) {
			w.scheduler.schedule(data.now + data.params.maxBatchDelayMs, { kind: 'batch.deadline' }, 'batch.deadline');
		}
	}
	if (data.mempool.length === 0 && forcedForBlock(w, sequencer).length === 0) {
		tell(w, sequencer, { type: 'mempool.drained' });
		w.scheduler.cancel('respan');
	} else {
		// Only transactions this proposer will not include are left: it idles until something new arrives.
		if (included.length === 0) tell(w, sequencer, { type: 'mempool.drained' });
		scheduleRespanCheck(w);
	}
	if (included.length > 0) {
		if (data.blocks.length - data.epochStartHeight >= data.params.epochLength) startEpoch(w, 'epoch');
		maybeProposeBatch(w, false);
	}
}

/** Records a censored transaction once per proposer. */
function noteCensored(w: WorldCore, proposer: string, hash: Hex, user: string): void {
	const key = `censored:${proposer}:${hash}`;
	if (w.data.noted[key]) return;
	w.data.noted[key] = true;
	record(w, 'tx.censored', { hash, user, proposer });
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
	if (data.mempool.length > 0 || forcedForBlock(w, next).length > 0) tell(w, next, { type: 'mempool.filled' });
}

/**
 * Watches for a stalled proposer: if transactions wait and the L2 height has not grown for
 * `respanDelayMs`, a re-span elects another proposer (Metis' ReSpanDelayTime).
 */
export function scheduleRespanCheck(w: WorldCore): void {
	const since = waitingSince(w);
	if (since === null) return;
	w.scheduler.schedule(since + w.data.params.respanDelayMs, { kind: 'respan.check' }, 'respan');
}

/** Since when work has waited without the height growing (mempool or L1 queue), or null if none waits. */
function waitingSince(w: WorldCore): number | null {
	const { data } = w;
	const forced = Object.values(data.forcedByHash).some((f) => f.block === null);
	if (data.mempool.length === 0 && !forced) return null;
	return Math.max(data.lastBlockAt, data.mempool[0]?.arrivedAt ?? data.lastBlockAt);
}

/** The stall timer fired. */
export function onRespanCheck(w: WorldCore): void {
	const { data } = w;
	const since = waitingSince(w);
	if (since === null) return;
	if (data.now - since < data.params.respanDelayMs) {
		scheduleRespanCheck(w);
		return;
	}
	record(w, 'proposer.stalled', { proposer: data.proposer || null, waitingTxs: data.mempool.length, sinceMs: data.now - since });
	startEpoch(w, 'respan');
	data.lastBlockAt = data.now;
	scheduleRespanCheck(w);
}
