/** The batch inspector: header, roots, who signed, the aggregate signature, and a fresh re-check of it. */
import type { Hex } from 'viem';
import { shortHex } from '../units';
import { signingRoot, txRoot, type BatchHeader } from '../../chain/batch';
import { blsFastAggregateVerifyFresh } from '../../chain/blsFresh';
import { fromHex, keccakHex } from '../../chain/hex';
import { recoverSender } from '../../chain/tx';
import { hasQuorum } from '../l1/rollupInbox';
import { quorumRule } from './lookups';
import type { DisputeRecord, WorldCore } from './core';
import { actorOfAddress, latestProposal, metis, type Amount } from './inspectCommon';
import type { BatchProposal } from './types';
import type { World } from './world';

/** How one member of the active set answered. */
export interface BatchMember {
	/** Sequencer id. */
	id: string;
	/** Its stake when the batch was proposed. */
	stake: Amount;
	/** Signed, refused, or never answered (offline, or not yet). */
	vote: 'signed' | 'refused' | 'missing';
	/** Its signature is in the aggregate sent to L1. */
	inAggregate: boolean;
	/** Why it refused, or null. */
	refusal: string | null;
	/** Its BLS signature over the signing root, or null. */
	signature: Hex | null;
	/** Its registered BLS public key, or null. */
	blsPublicKey: Hex | null;
}

/** One batch, inspected (its latest round when the index was proposed more than once). */
export interface BatchDetail {
	/** Batch index. */
	index: number;
	/** The proposal shown (its own id). */
	proposal: number;
	/** Which attempt at this index it is. */
	attempt: number;
	/** The epoch whose set signs it. */
	epoch: number;
	/** Rounds proposed under this index (a round without quorum, a rejection or a revert means another). */
	attempts: number;
	/** Every round under this index, oldest first (the last 12): who proposed it, when, how it ended. */
	rounds: { proposal: number; attempt: number; proposer: string; proposedAt: number; status: BatchProposal['status']; signed: number; of: number; signingRoot: Hex }[];
	/** The signed header and the root signers sign. */
	header: BatchHeader & { /** keccak256 of the ABI-encoded header. */ signingRoot: Hex };
	/** Proposer's id. */
	proposer: string;
	/** When it was proposed. */
	proposedAt: number;
	/** First L2 block. */
	firstBlock: number;
	/** Last L2 block. */
	lastBlock: number;
	/** Its transactions in order: hash, the sending actor (null if unknown or forged) and the L2 block (null if none holds it). */
	txs: { hash: Hex; sender: string | null; block: number | null }[];
	/** The active set asked to sign, with how each answered. */
	activeSet: BatchMember[];
	/** Signers whose signatures were aggregated, sorted. */
	signers: string[];
	/** Refusals: signer id → why. */
	refusals: Record<string, string>;
	/** Aggregate signature sent to L1, or null. */
	aggregateSignature: Hex | null;
	/** The quorum rule and where the batch stands against it. */
	quorum: { by: 'count' | 'stake'; numerator: number; denominator: number; strict: boolean; signed: number; of: number; signedStake: Amount; totalStake: Amount; met: boolean };
	/** Where it stands. */
	status: BatchProposal['status'];
	/** L1 block that included (or refused) it. */
	l1Block: number | null;
	/** When it was submitted to L1. */
	submittedAt: number | null;
	/** When its L1 block became final. */
	l1FinalAt: number | null;
	/** When its challenge window or proof deadline ended. */
	windowEndedAt: number | null;
	/** When its validity proof was verified. */
	proofVerifiedAt: number | null;
	/** When it settled. */
	settledAt: number | null;
	/** Why L1 refused it. */
	rejectedReason: string | null;
	/** Why it was reverted, if it was. */
	revertReason: string | null;
	/** A challenge is open against it. */
	challenged: boolean;
	/** Peers that reported MEV reordering. */
	mevReports: string[];
	/** Its dispute, if one was opened. */
	dispute: DisputeRecord | null;
	/** What only the scenario knows; shown for teaching, never read by any actor. */
	groundTruth: { fraudulent: boolean; equivocated: boolean };
}

/** A batch by index, or null if none was proposed under it. */
export function inspectBatch(world: World, index: number, proposal?: number): BatchDetail | null {
	const w = world.state;
	const found = latestProposal(w, index);
	if (!found) return null;
	const chosen = proposal === undefined ? undefined : w.data.proposals[proposal];
	const p = chosen && chosen.index === index ? chosen : found.proposal;
	const { attempts } = found;
	const signedSoFar = Object.keys(p.signatures);
	const counted = p.signers.length > 0 ? p.signers : signedSoFar;
	// A round already decided is judged by the rule in force then, not by today's.
	const rule = p.quorum ?? quorumRule(w);
	const stakes = p.activeSet.map((id) => ({ id, stake: BigInt(p.activeStakes[id] ?? '0') }));
	const totalStake = stakes.reduce((sum, m) => sum + m.stake, 0n);
	const signedStake = stakes.filter((m) => counted.includes(m.id)).reduce((sum, m) => sum + m.stake, 0n);
	return {
		index: p.index,
		proposal: p.id,
		attempt: p.attempt,
		epoch: p.epoch,
		attempts,
		rounds: w.data.proposals
			.filter((r) => r.index === index)
			.slice(-12)
			.map((r) => ({ proposal: r.id, attempt: r.attempt, proposer: r.proposer, proposedAt: r.proposedAt, status: r.status, signed: Object.keys(r.signatures).length, of: r.activeSet.length, signingRoot: r.signingRoot })),
		header: headerOf(w, p),
		proposer: p.proposer,
		proposedAt: p.proposedAt,
		firstBlock: p.firstBlock,
		lastBlock: p.lastBlock,
		txs: batchTxs(w, p),
		activeSet: stakes.map(({ id, stake }) => ({
			id,
			stake: metis(stake),
			vote: p.signatures[id] ? 'signed' : p.refusals[id] !== undefined ? 'refused' : 'missing',
			inAggregate: p.signers.includes(id),
			refusal: p.refusals[id] ?? null,
			signature: p.signatures[id] ?? null,
			blsPublicKey: publicKeyOf(w, id)
		})),
		signers: [...p.signers],
		refusals: { ...p.refusals },
		aggregateSignature: p.aggregateSignature,
		quorum: {
			...rule,
			signed: counted.length,
			of: p.activeSet.length,
			signedStake: metis(signedStake),
			totalStake: metis(totalStake),
			met: hasQuorum({ rule, activeSet: stakes, signers: counted })
		},
		status: p.status,
		l1Block: p.l1Block,
		submittedAt: p.submittedAt,
		l1FinalAt: p.l1FinalAt,
		windowEndedAt: p.windowEndedAt,
		proofVerifiedAt: p.proofVerifiedAt,
		settledAt: p.settledAt,
		rejectedReason: p.rejectedReason,
		revertReason: p.revertReason,
		challenged: p.challenged,
		mevReports: [...p.reorderReports],
		dispute: w.data.disputes[p.id] ? { ...w.data.disputes[p.id] } : null,
		groundTruth: { fraudulent: p.fraudulent, equivocated: p.equivocation !== null }
	};
}

function headerOf(w: WorldCore, p: BatchProposal): BatchDetail['header'] {
	return { chainId: w.data.params.chainId, batchIndex: p.index, prevStateRoot: p.prevStateRoot, stateRoot: p.stateRoot, txRoot: p.txRoot, signingRoot: p.signingRoot };
}

/** A sequencer's BLS public key as the staking contract registered it. */
function publicKeyOf(w: WorldCore, id: string): Hex | null {
	return w.data.staking.sequencer(id)?.blsPublicKey ?? w.cast.sequencerById.get(id)?.blsPublicKey ?? null;
}

/** Hashes and senders of a batch's transactions: from its blocks where they hold them, else by recovering the signature. */
function batchTxs(w: WorldCore, p: BatchProposal): BatchDetail['txs'] {
	const known = new Map<Hex, { user: string; block: number }>();
	for (const block of w.data.blocks.slice(p.firstBlock - 1, p.lastBlock)) {
		block.hashes.forEach((hash, i) => known.set(hash, { user: block.users[i], block: block.number }));
	}
	return p.txs.map((raw) => {
		const hash = keccakHex(fromHex(raw));
		const inBlock = known.get(hash);
		const sender = inBlock?.user || actorOfAddress(w.cast, recoverSender(raw));
		return { hash, sender, block: inBlock?.block ?? null };
	});
}

/** What a fresh signature check needs: the header, the root the batch claims, the signers' keys and the aggregate. */
export interface AggregateCheck {
	/** The header as the batch states it. */
	header: BatchHeader;
	/** The signing root the batch carries. */
	claimedSigningRoot: Hex;
	/** Signers and their BLS public keys (null if none is registered). */
	signers: { id: string; blsPublicKey: Hex | null }[];
	/** The aggregate signature, or null if there is none. */
	aggregateSignature: Hex | null;
}

/** The outcome of re-verifying a batch's aggregate signature. */
export interface BatchVerification {
	/** The aggregate is valid for the signers' keys over the signing root re-derived from the header. */
	ok: boolean;
	/** The header fields hash to the signing root the batch carries. */
	signingRootMatches: boolean;
	/** The transactions hash to the header's txRoot (null when not checked). */
	txRootMatches: boolean | null;
	/** The signing root re-derived from the header fields, or null if the header is malformed. */
	signingRoot: Hex | null;
	/** Signer ids whose keys were aggregated. */
	signers: string[];
	/** What happened, in one or two sentences. */
	message: string;
}

export { shortHex };

/**
 * Re-derives the signing root from the header fields and runs fast-aggregate-verify from scratch
 * (no memo): the same check the rollup contract makes when it accepts a batch.
 */
export function verifyAggregate(check: AggregateCheck): BatchVerification {
	const ids = check.signers.map((s) => s.id);
	const fail = (message: string, root: Hex | null, matches: boolean): BatchVerification => ({ ok: false, signingRootMatches: matches, txRootMatches: null, signingRoot: root, signers: ids, message });
	let root: Hex;
	try {
		root = signingRoot(check.header);
	} catch (err) {
		return fail(`The header is malformed: ${err instanceof Error ? err.message : String(err)}.`, null, false);
	}
	const matches = root === check.claimedSigningRoot.toLowerCase();
	if (!check.aggregateSignature) return fail('There is no aggregate signature to check.', root, matches);
	if (ids.length === 0) return fail('The aggregate names no signers.', root, matches);
	const unknown = check.signers.filter((s) => !s.blsPublicKey).map((s) => s.id);
	if (unknown.length) return fail(`No BLS public key is registered for ${unknown.join(', ')}.`, root, matches);
	const valid = blsFastAggregateVerifyFresh(
		check.signers.map((s) => fromHex(s.blsPublicKey!)),
		fromHex(root),
		fromHex(check.aggregateSignature)
	);
	const n = ids.length;
	const what = `the aggregate of ${n} BLS signature${n === 1 ? '' : 's'} over signingRoot ${shortHex(root)}`;
	const rootNote = matches ? '' : ` The header fields hash to ${shortHex(root)}, not the ${shortHex(check.claimedSigningRoot)} the batch carries.`;
	if (valid && matches) return { ok: true, signingRootMatches: true, txRootMatches: null, signingRoot: root, signers: ids, message: `${capitalize(what)} is valid.` };
	return fail(`${capitalize(what)} is NOT valid for the signers' public keys.${rootNote}`, root, matches);
}

/** Re-verifies batch `index`'s aggregate signature from its header, signers and their registered keys. */
export function verifyBatch(world: World, index: number): BatchVerification {
	const w = world.state;
	const found = latestProposal(w, index);
	if (!found) return { ok: false, signingRootMatches: false, txRootMatches: null, signingRoot: null, signers: [], message: `There is no batch ${index}.` };
	const p = found.proposal;
	const { signingRoot: claimed, ...header } = headerOf(w, p);
	if (!p.aggregateSignature) {
		const signed = Object.keys(p.signatures).length;
		const why =
			p.status === 'signing'
				? `it is still collecting signatures (${signed} of ${p.activeSet.length} so far)`
				: p.status === 'no-quorum'
					? `its signing round ended without a quorum (${signed} of ${p.activeSet.length} signed)`
					: 'none was formed';
		return { ...verifyAggregate({ header, claimedSigningRoot: claimed, signers: [], aggregateSignature: null }), message: `Batch ${index} has no aggregate signature yet: ${why}.` };
	}
	const result = verifyAggregate({
		header,
		claimedSigningRoot: claimed,
		signers: p.signers.map((id) => ({ id, blsPublicKey: publicKeyOf(w, id) })),
		aggregateSignature: p.aggregateSignature
	});
	const txRootMatches = txRoot(p.txs) === p.txRoot;
	const txNote = txRootMatches ? '' : ' Its transactions do not hash to the txRoot in the header.';
	return { ...result, txRootMatches, message: result.message + txNote };
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
