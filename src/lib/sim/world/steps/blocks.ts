/**
 * L2 blocks: the proposer orders the mempool first come first served (forced transactions from L1
 * first). A censoring proposer skips its target but keeps the height growing, with empty blocks if
 * need be, so no re-span fires; a reordering one sandwiches swaps where that pays.
 */
import type { Hex } from 'viem';
import { executeTx } from '../../../chain/execute';
import { decodeTx } from '../../../chain/tx';
import { record, tell, type WorldCore } from '../core';
import { censors, forcedForBlock } from '../lookups';
import { sandwichFor, type BlockTx } from '../sandwicher';
import { armBatchDeadline, scheduleRespanCheck } from '../timers';

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
	const statuses: ('ok' | 'reverted')[] = [];
	const include = (tx: BlockTx): boolean => {
		const outcome = executeTx(data.l2, tx.raw, { withRoot: false });
		if (outcome.status === 'invalid') {
			record(w, { type: 'tx.dropped', hash: tx.hash, user: tx.user || null, reason: outcome.error ?? 'invalid' });
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
		// A forced transaction whose sender's earlier ones are not in yet waits for them (it would only fail now).
		if (nonceGap(w, f.user, f.raw)) continue;
		data.mempool = data.mempool.filter((e) => e.hash !== f.hash);
		// The queue entry is consumed either way: a forced tx that no longer applies (its nonce was
		// already used, e.g. the mempool copy got in first) is dropped once, not retried every block.
		data.forcedByHash[f.hash].block = number;
		if (include(f)) record(w, { type: 'forced.included', hash: f.hash, user: f.user, block: number, via: f.via });
	}
	const reorders = data.sequencerBehaviour[sequencer] === 'reorder';
	const kept = [];
	let censored = 0;
	let room = data.params.maxTxPerBlock - included.length;
	for (const entry of data.mempool) {
		if (room <= 0 || censors(w, sequencer, entry.user)) {
			if (room > 0) {
				censored++;
				noteCensored(w, sequencer, entry.hash, entry.user);
			}
			kept.push(entry);
			continue;
		}
		room--;
		const bite = reorders ? sandwichFor(w, sequencer, entry.raw) : null;
		if (bite && include(bite.front)) {
			include(entry);
			include(bite.back);
			record(w, { type: 'mev.sandwich', proposer: sequencer, victim: entry.hash, front: bite.front.hash, back: bite.back.hash, block: number, ...bite.report });
		} else include(entry);
	}
	data.mempool = kept;
	// A censor builds even an empty block while only its target's transactions wait: the height grows, so the pool does not re-span it.
	if (included.length > 0 || censored > 0) {
		const stateRoot = data.l2.stateRoot();
		data.blocks.push({ number, proposer: sequencer, timestamp: data.now, txs: included.map((t) => t.raw), hashes: included.map((t) => t.hash), users: included.map((t) => t.user), stateRoot });
		data.lastBlockAt = data.now;
		record(w, { type: 'block.produced', number, proposer: sequencer, txs: included.length, stateRoot });
		included.forEach((tx, i) => {
			record(w, { type: 'finality.soft', hash: tx.hash, block: number, status: statuses[i] });
			if (tx.user) tell(w, tx.user, { type: 'tx.included' });
		});
		if (number === data.nextBatchBlock) armBatchDeadline(w, data.now + data.params.maxBatchDelayMs);
	}
	if (data.mempool.length === 0 && forcedForBlock(w, sequencer).length === 0) {
		tell(w, sequencer, { type: 'mempool.drained' });
		scheduleRespanCheck(w);
	} else {
		// Only transactions this proposer will not include are left (and it is not a censor keeping up appearances): it idles until something new arrives.
		if (included.length === 0 && censored === 0) tell(w, sequencer, { type: 'mempool.drained' });
		scheduleRespanCheck(w);
	}
}

/** Whether a transaction's nonce is ahead of its sender's while an earlier one of theirs still waits (so it can still become valid). */
function nonceGap(w: WorldCore, user: string, raw: Hex): boolean {
	const sender = w.cast.userById.get(user);
	const tx = decodeTx(raw);
	if (!sender || !tx) return false;
	const next = w.data.l2.nonceOf(sender.address);
	if (tx.nonce <= next) return false;
	const earlier = (r: Hex) => {
		const other = decodeTx(r);
		return other !== null && other.nonce >= next && other.nonce < tx.nonce;
	};
	return w.data.mempool.some((e) => e.user === user && earlier(e.raw)) || Object.values(w.data.forcedByHash).some((f) => f.block === null && f.user === user && earlier(f.raw));
}

/** Records a censored transaction once per proposer. */
function noteCensored(w: WorldCore, proposer: string, hash: Hex, user: string): void {
	const key = `censored:${proposer}:${hash}`;
	if (w.data.noted[key]) return;
	w.data.noted[key] = true;
	record(w, { type: 'tx.censored', hash, user, proposer });
}
