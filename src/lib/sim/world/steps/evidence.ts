/**
 * Evidence on L1: a peer that refused a header for a provable fault sends it to L1, which checks it
 * against the accused proposer's own BLS signature. Equivocation and forged transactions are proven
 * by the signatures and the bytes alone; a wrong state root needs re-execution, so L1 opens a dispute
 * for a header the pool refused, and leaves a header that reached L1 to the finality mode. Every
 * piece of evidence gets exactly one outcome in the log.
 */
import type { Hex } from 'viem';
import { txRoot } from '../../../chain/batch';
import { blsVerify } from '../../../chain/bls';
import { fromHex } from '../../../chain/hex';
import { recoverSender } from '../../../chain/tx';
import type { EventOf } from '../../events';
import { record, type WorldCore } from '../core';
import { isLive, nextL1Block, proposalById, refOf } from '../lookups';
import type { TaskOf } from '../types';

/** A peer sent evidence: it reaches L1 in the next block. */
export function onEvidenceSent(w: WorldCore, e: EventOf<'evidence.sent'>): void {
	w.scheduler.schedule(nextL1Block(w).at, { kind: 'evidence', proposal: e.proposal, reporter: e.reporter, fault: e.fault });
}

/** L1 checks a peer's evidence. */
export function onEvidence(w: WorldCore, task: TaskOf<'evidence'>): void {
	const { data } = w;
	const proposal = proposalById(w, task.proposal);
	if (!proposal) return;
	const accused = proposal.proposer;
	const base = { ...refOf(proposal), reporter: task.reporter, accused, fault: task.fault };
	const key = fromHex(data.staking.sequencer(accused)?.blsPublicKey ?? '0x');
	const signed = (root: Hex, sig: Hex | undefined) => sig !== undefined && blsVerify(key, fromHex(root), fromHex(sig));
	if (!signed(proposal.signingRoot, proposal.signatures[accused])) {
		record(w, { type: 'evidence.rejected', ...base, reason: 'the header does not carry the accused proposer’s valid signature' });
		return;
	}
	if (task.fault === 'wrong-state-root') {
		if (isLive(proposal) || proposal.status === 'reverted') {
			const how = w.finality === 'zk' ? 'its missing validity proof decides' : 'a validator’s challenge decides it';
			record(w, { type: 'evidence.deferred', ...base, reason: `the header reached L1 with a quorum: ${how}` });
		} else record(w, { type: 'evidence.accepted', ...base, reason: 'the pool refused this signed header; L1 decides its root by re-execution (a dispute)' });
		return;
	}
	const other = proposal.equivocation;
	const proven =
		task.fault === 'equivocation'
			? other !== null && other.signingRoot !== proposal.signingRoot && signed(other.signingRoot, other.signature)
			: txRoot(proposal.txs) === proposal.txRoot && proposal.txs.some((raw) => recoverSender(raw) === null);
	const reason = proven
		? task.fault === 'equivocation'
			? 'two different headers for one batch index, both signed with the accused proposer’s key'
			: 'the signed header commits to a transaction whose signature recovers to nobody'
		: 'the evidence does not show the fault';
	record(w, { type: proven ? 'evidence.accepted' : 'evidence.rejected', ...base, reason });
}
