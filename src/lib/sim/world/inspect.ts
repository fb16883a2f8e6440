/**
 * Inspectors: read-only, JSON-safe pictures of one transaction, batch or actor, for the sandbox's
 * inspector panel. They decode and recover with the same code the protocol uses and never change
 * the world. This file holds the transaction inspector and re-exports the others.
 */
import type { Hex } from 'viem';
import { decodeCall, DEX_ADDRESS } from '../../chain/calls';
import { fromHex, keccakHex } from '../../chain/hex';
import { decodeTx, recoverSender } from '../../chain/tx';
import type { SimEvent } from '../events';
import type { WorldCore } from './core';
import { actorOfAddress, gwei, metis, usd, type Amount } from './inspectCommon';
import type { BatchProposal } from './types';
import type { World } from './world';

export { inspectBatch, verifyBatch, verifyAggregate, shortHex, type BatchDetail, type BatchMember, type BatchVerification, type AggregateCheck } from './inspectBatch';
export { inspectActor, type ActorDetail, type ActorRole, type SequencerFacts } from './inspectActor';
export type { Amount } from './inspectCommon';

/** Where a transaction is now, as the world's data and log say. */
export type TxPlace =
	| { /** Signed and gossiping to the sequencers. */ kind: 'in-flight' }
	| {
			/** Waiting in the proposers' mempool. */
			kind: 'mempool';
			/** When it reached the sequencers. */
			arrivedAt: number;
			/** Its place in arrival order, from 1. */
			position: number;
			/** Transactions waiting in all. */
			waiting: number;
			/** Proposers recorded skipping it. */
			censoredBy: string[];
	  }
	| {
			/** Enqueued on L1 for forced inclusion, not yet in an L2 block. */
			kind: 'forced-queue';
			/** Position in the L1 queue. */
			queueIndex: number;
			/** Its inclusion deadline has passed. */
			overdue: boolean;
			/** It also still waits in the mempool. */
			inMempool: boolean;
	  }
	| { /** In an L2 block that no batch holds yet. */ kind: 'block'; /** Block height. */ block: number; /** When it was built. */ blockTime: number; /** Who built it. */ proposer: string }
	| {
			/** In a batch (its latest round). */
			kind: 'batch';
			/** L2 block height, or null for a transaction only the batch holds (a forged one). */
			block: number | null;
			/** Batch index. */
			batch: number;
			/** That batch's status. */
			batchStatus: BatchProposal['status'];
	  }
	| { /** The proposer found it invalid when building a block. */ kind: 'dropped'; /** Why. */ reason: string };

/** What was called: a transfer, a DEX swap, or calldata the lab does not know. */
export type TxCall =
	| { /** Plain METIS transfer. */ kind: 'transfer'; /** Recipient. */ to: Hex; /** Recipient's actor id, if any. */ toActor: string | null; /** Amount. */ amount: Amount }
	| { /** swap(bool metisIn, uint256 amountIn, uint256 minOut) on the toy DEX. */ kind: 'swap'; /** DEX address. */ dex: Hex; /** true: METIS in, USD out. */ metisIn: boolean; /** Exact input. */ amountIn: Amount; /** Least output accepted. */ minOut: Amount }
	| { /** Anything else. */ kind: 'unknown'; /** Recipient, or null for a creation. */ to: Hex | null };

/** The fields of a signed type-2 (EIP-1559) transaction, JSON-safe. */
export interface DecodedFields {
	/** Always 2 in the lab: EIP-1559. */
	type: 2;
	/** Chain id the signature commits to. */
	chainId: number;
	/** Sender's nonce. */
	nonce: number;
	/** Recipient, or null. */
	to: Hex | null;
	/** Recipient's actor id (or `dex`), if any. */
	toActor: string | null;
	/** Value sent. */
	value: Amount;
	/** Gas limit (decimal string). */
	gas: string;
	/** Fee cap per gas. */
	maxFeePerGas: Amount;
	/** Tip cap per gas. */
	maxPriorityFeePerGas: Amount;
	/** Most the sender can pay: value + gas × maxFeePerGas. */
	maxCost: Amount;
	/** Call data. */
	data: Hex;
	/** Signature r. */
	r: Hex;
	/** Signature s. */
	s: Hex;
	/** Signature recovery bit. */
	yParity: number;
}

/** One transaction, inspected. */
export interface TxDetail {
	/** Transaction hash. */
	hash: Hex;
	/** Raw signed bytes, or null when the world kept no copy (dropped or still in flight). */
	raw: Hex | null;
	/** Length of the raw bytes. */
	bytes: number;
	/** Decoded fields, or null when there is no raw copy or it does not decode. */
	decoded: DecodedFields | null;
	/** What it calls. */
	call: TxCall | null;
	/** Address recovered from the signature, or null if it does not recover. */
	sender: Hex | null;
	/** Actor id of that address, or null. */
	senderActor: string | null;
	/** Who the world says sent it (the user who submitted it), or null for one a proposer put in itself. */
	claimedBy: string | null;
	/** Whether the recovered sender is that user (null when there is nothing to compare). */
	senderMatches: boolean | null;
	/** Where it is now. */
	place: TxPlace;
	/** Outcome when executed in its L2 block ('ok' or 'reverted'), or null. */
	execution: string | null;
	/** Its forced-inclusion record on L1, if it was enqueued there. */
	forced: { queueIndex: number; overdue: boolean; block: number | null } | null;
	/** Events that name it, oldest first (the last 40). */
	history: SimEvent[];
}

const TX_HISTORY = 40;

/** A transaction by hash, or null if the world has never seen it. */
export function inspectTx(world: World, hash: string): TxDetail | null {
	const w = world.state;
	const h = hash.toLowerCase() as Hex;
	const history = txHistory(w.log.entries, h);
	const found = locate(w, h) ?? fromHistory(history);
	if (!found) return null;
	if (found.place.kind === 'mempool') {
		found.place.censoredBy = [...new Set(history.flatMap((e) => (e.type === 'tx.censored' ? [e.proposer] : [])))];
	}
	const decoded = found.raw ? decodeTx(found.raw) : null;
	const sender = found.raw ? recoverSender(found.raw) : null;
	const senderActor = actorOfAddress(w.cast, sender);
	const soft = [...history].reverse().find((e) => e.type === 'finality.soft');
	const forced = w.data.forcedByHash[h];
	return {
		hash: h,
		raw: found.raw,
		bytes: found.raw ? (found.raw.length - 2) / 2 : 0,
		decoded: decoded && fieldsOf(w, decoded),
		call: decoded && callOf(w, decoded),
		sender,
		senderActor,
		claimedBy: found.claimedBy,
		senderMatches: found.claimedBy && found.raw ? senderActor === found.claimedBy : null,
		place: found.place,
		execution: soft?.type === 'finality.soft' ? soft.status : null,
		forced: forced ? { queueIndex: forced.queueIndex, overdue: forced.overdue, block: forced.block } : null,
		history
	};
}

interface Found {
	raw: Hex | null;
	claimedBy: string | null;
	place: TxPlace;
}

/** Finds the transaction in the L1 queue, the mempool, the L2 blocks or, last, inside a batch only. */
function locate(w: WorldCore, h: Hex): Found | null {
	const { data } = w;
	const pooled = data.mempool.findIndex((e) => e.hash === h);
	const forced = data.forcedByHash[h];
	if (forced && forced.block === null) {
		return { raw: forced.raw, claimedBy: forced.user, place: { kind: 'forced-queue', queueIndex: forced.queueIndex, overdue: forced.overdue, inMempool: pooled >= 0 } };
	}
	if (pooled >= 0) {
		const e = data.mempool[pooled];
		return { raw: e.raw, claimedBy: e.user, place: { kind: 'mempool', arrivedAt: e.arrivedAt, position: pooled + 1, waiting: data.mempool.length, censoredBy: [] } };
	}
	for (let b = data.blocks.length - 1; b >= 0; b--) {
		const block = data.blocks[b];
		const i = block.hashes.indexOf(h);
		if (i < 0) continue;
		const raw = block.txs[i];
		const batch = batchHolding(w, raw, block.number);
		const place: TxPlace = batch
			? { kind: 'batch', block: block.number, batch: batch.index, batchStatus: batch.status }
			: { kind: 'block', block: block.number, blockTime: block.timestamp, proposer: block.proposer };
		return { raw, claimedBy: block.users[i] || null, place };
	}
	// A transaction no block holds but a batch does: one a proposer forged into its header.
	for (let p = data.proposals.length - 1; p >= 0; p--) {
		const proposal = data.proposals[p];
		const raw = proposal.txs.find((tx) => keccakHex(fromHex(tx)) === h);
		if (raw) return { raw, claimedBy: null, place: { kind: 'batch', block: null, batch: proposal.index, batchStatus: proposal.status } };
	}
	return null;
}

/** The latest round of the batch that covers block `number` and holds `raw`. */
function batchHolding(w: WorldCore, raw: Hex, number: number): BatchProposal | null {
	for (let p = w.data.proposals.length - 1; p >= 0; p--) {
		const proposal = w.data.proposals[p];
		if (proposal.firstBlock <= number && number <= proposal.lastBlock && proposal.txs.includes(raw)) return proposal;
	}
	return null;
}

/** A transaction the world no longer holds: dropped, or still on its way to the sequencers. */
function fromHistory(history: SimEvent[]): Found | null {
	const submitted = history.find((e) => e.type === 'tx.submitted');
	const dropped = [...history].reverse().find((e) => e.type === 'tx.dropped');
	const claimedBy = dropped?.type === 'tx.dropped' ? dropped.user : submitted?.type === 'tx.submitted' ? submitted.user : null;
	if (dropped?.type === 'tx.dropped') return { raw: null, claimedBy, place: { kind: 'dropped', reason: dropped.reason } };
	if (submitted) return { raw: null, claimedBy, place: { kind: 'in-flight' } };
	return null;
}

function txHistory(log: readonly SimEvent[], h: Hex): SimEvent[] {
	const out: SimEvent[] = [];
	for (const e of log) {
		const names = e.type === 'mev.sandwich' ? e.victim === h || e.front === h || e.back === h : 'hash' in e && e.hash === h;
		if (names) out.push({ ...e });
	}
	return out.slice(-TX_HISTORY);
}

function fieldsOf(w: WorldCore, tx: NonNullable<ReturnType<typeof decodeTx>>): DecodedFields {
	return {
		type: 2,
		chainId: tx.chainId,
		nonce: tx.nonce,
		to: tx.to,
		toActor: tx.to === DEX_ADDRESS ? 'dex' : actorOfAddress(w.cast, tx.to),
		value: metis(tx.value),
		gas: tx.gas.toString(),
		maxFeePerGas: gwei(tx.maxFeePerGas),
		maxPriorityFeePerGas: gwei(tx.maxPriorityFeePerGas),
		maxCost: metis(tx.value + tx.gas * tx.maxFeePerGas, 8),
		data: tx.data,
		r: tx.r,
		s: tx.s,
		yParity: tx.yParity
	};
}

function callOf(w: WorldCore, tx: NonNullable<ReturnType<typeof decodeTx>>): TxCall {
	if (tx.to === DEX_ADDRESS) {
		const swap = decodeCall(tx.data);
		if (swap) {
			const [inAmount, outAmount] = swap.metisIn ? [metis(swap.amountIn), usd(swap.minOut)] : [usd(swap.amountIn), metis(swap.minOut)];
			return { kind: 'swap', dex: DEX_ADDRESS, metisIn: swap.metisIn, amountIn: inAmount, minOut: outAmount };
		}
	}
	if (tx.to && tx.data === '0x') return { kind: 'transfer', to: tx.to, toActor: actorOfAddress(w.cast, tx.to), amount: metis(tx.value) };
	return { kind: 'unknown', to: tx.to };
}
