/**
 * Consequences: slashing (or, as deployed on Metis, the administrator's force-unlock), reverting a
 * fraudulent batch with every batch built on it, and discarding L2 blocks that peers refused.
 */
import type { Hex } from 'viem';
import { record, type WorldCore } from './core';
import type { BatchProposal } from './types';
import { startEpoch } from './blocks';

/** The L1 address of any actor id (rewards go there). */
export function addressOfActor(w: WorldCore, actor: string): Hex | null {
	return (
		w.cast.sequencerById.get(actor)?.address ??
		w.cast.validators.find((v) => v.id === actor)?.address ??
		w.cast.userById.get(actor)?.address ??
		null
	);
}

/** Slashes (textbook) or force-unlocks (as deployed) a sequencer for a proven or voted fault. */
export function punish(
	w: WorldCore,
	{ sequencer, reason, batch, challenger, byVote }: { sequencer: string; reason: string; batch: number | null; challenger: string | null; byVote: boolean }
): void {
	const { data } = w;
	const p = data.params;
	if (p.slashing === 'as-deployed') {
		const r = data.staking.forceUnlock({ caller: w.cast.admin, id: sequencer, now: data.now });
		record(w, r.ok ? 'sequencer.force-unlocked' : 'punish.refused', r.ok ? { sequencer, reason, batch, by: 'admin' } : { sequencer, reason: r.error });
	} else {
		const r = data.staking.slash({
			id: sequencer,
			fractionBps: byVote ? p.voteSlashFractionBps : p.slashFractionBps,
			challenger: challenger ? addressOfActor(w, challenger) : null,
			challengerShareBps: p.challengerShareBps,
			reason,
			now: data.now,
			batch
		});
		if (r.ok) {
			record(w, 'slash', {
				sequencer,
				reason,
				batch,
				byVote,
				challenger,
				amount: r.value.amount.toString(),
				challengerReward: r.value.challengerReward.toString(),
				burned: r.value.burned.toString()
			});
		} else record(w, 'punish.refused', { sequencer, reason: r.error });
	}
	if (data.proposer === sequencer && !data.staking.activeSet().some((m) => m.id === sequencer)) startEpoch(w, 'respan');
}

/** Reverts a posted batch and every later one; their blocks go back to be batched again. */
export function revertFrom(w: WorldCore, proposal: BatchProposal, reason: string): number[] {
	const { data } = w;
	const reverted: number[] = [];
	const onL1 = data.inbox.revertFrom({ index: proposal.index, now: data.now });
	if (!onL1.ok) record(w, 'revert.refused', { batch: proposal.index, reason: onL1.error });
	for (const p of data.proposals) {
		if (p.index >= proposal.index && (p.status === 'posted' || p.status === 'submitted')) {
			p.status = 'reverted';
			p.challenged = false;
			reverted.push(p.index);
			record(w, 'batch.reverted', { batch: p.index, reason: p === proposal ? reason : `built on reverted batch ${proposal.index}` });
		}
	}
	data.nextBatchBlock = Math.min(data.nextBatchBlock, proposal.firstBlock);
	data.nextToSettle = Math.min(data.nextToSettle, proposal.index);
	return reverted;
}

/**
 * Discards L2 blocks from `fromBlock` on: the state goes back to the root before them and the users'
 * transactions return to the mempool in their arrival order (anything the proposer injected is dropped).
 */
export function discardBlocks(w: WorldCore, fromBlock: number, prevStateRoot: Hex, reason: string): void {
	const { data } = w;
	const base = data.stateAtRoot.get(prevStateRoot);
	if (!base || fromBlock > data.blocks.length) return;
	const discarded = data.blocks.slice(fromBlock - 1);
	data.blocks = data.blocks.slice(0, fromBlock - 1);
	data.l2 = base.clone();
	const back = discarded
		.flatMap((b) => b.txs.map((raw, i) => ({ raw, hash: b.hashes[i], user: b.users[i] })))
		.filter((t) => t.user !== '' && data.arrivals.has(t.hash))
		.map((t) => ({ raw: t.raw, hash: t.hash, user: t.user, arrivedAt: data.arrivals.get(t.hash)! }));
	for (const entry of Object.values(data.forcedByHash)) if (entry.block !== null && entry.block >= fromBlock) entry.block = null;
	data.mempool = [...back, ...data.mempool].sort((a, b) => a.arrivedAt - b.arrivedAt);
	data.nextBatchBlock = Math.min(data.nextBatchBlock, fromBlock);
	data.lastBlockAt = data.now;
	record(w, 'l2.reorg', { fromBlock, blocks: discarded.length, returned: back.length, reason });
}
