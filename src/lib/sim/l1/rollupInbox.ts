import type { Hex } from 'viem';
import { signingRoot, type BatchHeader } from '../../chain/batch';
import { blsFastAggregateVerify } from '../../chain/bls';
import { fromHex } from '../../chain/hex';
import { ok, refuse, type Result } from './result';

/** How much of the active set must sign a batch: numerator/denominator of the members or of the stake. */
export interface QuorumRule {
	/** Count signers ('count', the seed article's rule) or weigh them by stake ('stake'). */
	by: 'count' | 'stake';
	/** Numerator of the fraction that must sign (2 of 2/3). */
	numerator: number;
	/** Denominator of the fraction (3 of 2/3). */
	denominator: number;
}

/** At least 2/3 of the active sequencers by count. */
export const DEFAULT_QUORUM: Readonly<QuorumRule> = Object.freeze({ by: 'count', numerator: 2, denominator: 3 });

/** Checks a fast-aggregate BLS signature of one message by all the keys (bytes). */
export type VerifyAggregate = (publicKeys: Uint8Array[], message: Uint8Array, signature: Uint8Array) => boolean;

/** Life of an accepted batch on L1. */
export type BatchStatus = 'pending' | 'challenged' | 'finalized' | 'reverted';

/** A member of the active set as the inbox sees it when a batch is submitted. */
export interface InboxMember {
	/** Sequencer id. */
	id: string;
	/** Its stake (wei), for stake-weighted quorum. */
	stake: bigint;
	/** Its BLS public key, for the aggregate check. */
	blsPublicKey: Hex;
}

/** A batch the inbox accepted. */
export interface BatchRecord {
	/** Batch index (same as header.batchIndex). */
	index: number;
	/** The signed header. */
	header: BatchHeader;
	/** signingRoot(header), what the quorum signed. */
	signingRoot: Hex;
	/** Ids of the sequencers whose keys the aggregate covers. */
	signers: string[];
	/** BLS aggregate signature (96 bytes). */
	aggregateSignature: Hex;
	/** Ids of the active set at submission. */
	activeSet: string[];
	/** Stake of each active member at submission (wei). */
	activeStakes: Record<string, bigint>;
	/** Submission time (ms). */
	submittedAt: number;
	/** L1 block that included it. */
	l1Block: number;
	/** Where it stands. */
	status: BatchStatus;
	/** When it finalized (ms), or null. */
	finalizedAt: number | null;
	/** When it was reverted (ms), or null. */
	revertedAt: number | null;
}

/** A submission the inbox refused, kept for the export's 'rejected' batches. */
export interface RejectedSubmission {
	/** Batch index the header claimed. */
	index: number;
	/** The rule that refused it. */
	reason: string;
	/** Submission time (ms). */
	at: number;
	/** L1 block of the attempt. */
	l1Block: number;
	/** The header as submitted. */
	header: BatchHeader;
	/** Signer ids as submitted. */
	signers: string[];
	/** Aggregate signature as submitted. */
	aggregateSignature: Hex;
}

/** Arguments of RollupInbox.submitBatch. */
export interface BatchSubmission {
	/** Header the quorum signed. */
	header: BatchHeader;
	/** Ids of the signers, members of activeSet. */
	signers: string[];
	/** Aggregate of the signers' BLS signatures over signingRoot(header). */
	aggregateSignature: Hex;
	/** The staking contract's active set now. */
	activeSet: InboxMember[];
	/** Current time (ms, block.timestamp). */
	now: number;
	/** Current L1 block number. */
	l1Block: number;
}

/** Why a quorum rule is malformed, or null when it is fine. */
export function quorumRuleError(rule: QuorumRule): string | null {
	if (rule.by !== 'count' && rule.by !== 'stake') return `quorum must be by 'count' or 'stake' (got ${String(rule.by)})`;
	const { numerator: n, denominator: d } = rule;
	if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || n <= 0 || d <= 0 || n > d) {
		return `quorum fraction must be integers with 0 < numerator <= denominator (got ${n}/${d})`;
	}
	return null;
}

/**
 * Whether the distinct signers that are in the active set reach the rule: by count,
 * signers × den >= num × |active|; by stake, signerStake × den >= num × totalStake. Integers only.
 * An empty active set (or zero total stake) never has a quorum.
 */
export function hasQuorum({ rule, activeSet, signers }: { rule: QuorumRule; activeSet: { id: string; stake: bigint }[]; signers: string[] }): boolean {
	const stakeById = new Map(activeSet.map((m) => [m.id, m.stake]));
	const counted = [...new Set(signers)].filter((id) => stakeById.has(id));
	const num = BigInt(rule.numerator);
	const den = BigInt(rule.denominator);
	if (rule.by === 'count') {
		if (stakeById.size === 0) return false;
		return BigInt(counted.length) * den >= num * BigInt(stakeById.size);
	}
	const total = [...stakeById.values()].reduce((sum, s) => sum + s, 0n);
	const signed = counted.reduce((sum, id) => sum + stakeById.get(id)!, 0n);
	return total > 0n && signed * den >= num * total;
}

/** The rollup contract on L1: accepts quorum-signed batch headers in order and tracks their status. */
export class RollupInbox {
	/** L2 chain id the inbox accepts headers for. */
	readonly chainId: number;
	/** State root before batch 0. */
	readonly genesisStateRoot: Hex;
	/** Aggregate-signature check (injected so tables can stub it; the real one by default). */
	private readonly verifyAggregate: VerifyAggregate;
	/** Quorum rule in force. */
	private rule: QuorumRule;
	/** Every accepted batch in submission order, reverted ones included. */
	private records: BatchRecord[];
	/** Every refused submission in order. */
	private refused: RejectedSubmission[];
	/** Index the next batch must carry. */
	private nextIndex: number;

	/** An empty inbox for `chainId` starting from `genesisStateRoot`. */
	constructor({
		chainId,
		quorum,
		genesisStateRoot,
		verifyAggregate = blsFastAggregateVerify
	}: {
		/** L2 chain id. */
		chainId: number;
		/** Quorum rule in force. */
		quorum: QuorumRule;
		/** State root before batch 0. */
		genesisStateRoot: Hex;
		/** Aggregate check; the real BLS fast-aggregate-verify unless a test swaps it. */
		verifyAggregate?: VerifyAggregate;
	}) {
		const invalid = quorumRuleError(quorum);
		if (invalid) throw new Error(`RollupInbox: ${invalid}`);
		this.chainId = chainId;
		this.genesisStateRoot = genesisStateRoot.toLowerCase() as Hex;
		this.verifyAggregate = verifyAggregate;
		this.rule = { ...quorum };
		this.records = [];
		this.refused = [];
		this.nextIndex = 0;
	}

	/** Quorum rule in force (a copy). */
	get quorum(): QuorumRule {
		return { ...this.rule };
	}

	/** Index the next submission must carry. */
	get nextBatchIndex(): number {
		return this.nextIndex;
	}

	/** State root the next batch must start from: the last live batch's, or genesis. */
	tipStateRoot(): Hex {
		return this.nextIndex === 0 ? this.genesisStateRoot : this.live(this.nextIndex - 1)!.header.stateRoot.toLowerCase() as Hex;
	}

	/** Accepts a batch if every rule holds; otherwise records and returns the first rule it broke. */
	submitBatch(submission: BatchSubmission): Result<BatchRecord> {
		const checked = this.check(submission);
		const { header, signers, aggregateSignature, activeSet, now, l1Block } = submission;
		if (!checked.ok) {
			this.refused.push({ index: header.batchIndex, reason: checked.error, at: now, l1Block, header: { ...header }, signers: [...signers], aggregateSignature });
			return checked;
		}
		const record: BatchRecord = {
			index: header.batchIndex,
			header: { ...header },
			signingRoot: checked.value,
			signers: [...signers],
			aggregateSignature: aggregateSignature.toLowerCase() as Hex,
			activeSet: activeSet.map((m) => m.id),
			activeStakes: Object.fromEntries(activeSet.map((m) => [m.id, m.stake])),
			submittedAt: now,
			l1Block,
			status: 'pending',
			finalizedAt: null,
			revertedAt: null
		};
		this.records.push(record);
		this.nextIndex++;
		return ok(copyRecord(record));
	}

	/** The live record at `index` (or, if every record there was reverted, the latest); undefined if none. */
	batch(index: number): BatchRecord | undefined {
		const found = this.live(index) ?? this.records.filter((r) => r.index === index).at(-1);
		return found && copyRecord(found);
	}

	/** Every accepted record in submission order, reverted ones included. */
	batches(): BatchRecord[] {
		return this.records.map(copyRecord);
	}

	/** Refused submissions in order. */
	rejected(): RejectedSubmission[] {
		return this.refused.map((r) => ({ ...r, header: { ...r.header }, signers: [...r.signers] }));
	}

	/** Finalizes a pending batch whose predecessor is finalized; the caller enforces the window or proof. */
	finalize({ index, now }: { index: number; now: number }): Result<BatchRecord> {
		const record = this.live(index);
		if (!record) return refuse(`no live batch ${index} to finalize`);
		if (record.status !== 'pending') return refuse(`batch ${index} is ${record.status}: only a pending batch can finalize`);
		if (index > 0 && this.live(index - 1)?.status !== 'finalized') return refuse(`batch ${index} cannot finalize before batch ${index - 1}`);
		record.status = 'finalized';
		record.finalizedAt = now;
		return ok(copyRecord(record));
	}

	/** A challenge is open against a pending batch: it cannot finalize until the challenge is settled. */
	markChallenged({ index }: { index: number }): Result<BatchRecord> {
		const record = this.live(index);
		if (!record) return refuse(`no live batch ${index} to challenge`);
		if (record.status !== 'pending') return refuse(`batch ${index} is ${record.status}: only a pending batch can be challenged`);
		record.status = 'challenged';
		return ok(copyRecord(record));
	}

	/** The challenge failed: the batch is pending again. */
	dismissChallenge({ index }: { index: number }): Result<BatchRecord> {
		const record = this.live(index);
		if (!record || record.status !== 'challenged') return refuse(`batch ${index} is not challenged`);
		record.status = 'pending';
		return ok(copyRecord(record));
	}

	/** The batch at `index` and every later one become reverted; the next index rolls back so they can be re-derived. */
	revertFrom({ index, now }: { index: number; now: number }): Result<number[]> {
		if (!Number.isSafeInteger(index) || index < 0 || index >= this.nextIndex) return refuse(`no live batch ${index} to revert`);
		const doomed = this.records.filter((r) => r.index >= index && r.status !== 'reverted');
		const final = doomed.find((r) => r.status === 'finalized');
		if (final) return refuse(`batch ${final.index} is finalized and cannot be reverted`);
		for (const r of doomed) {
			r.status = 'reverted';
			r.revertedAt = now;
		}
		this.nextIndex = index;
		return ok(doomed.map((r) => r.index));
	}

	/** Changes the quorum rule for later submissions. */
	setQuorum(rule: QuorumRule): Result<QuorumRule> {
		const invalid = quorumRuleError(rule);
		if (invalid) return refuse(invalid);
		this.rule = { ...rule };
		return ok({ ...rule });
	}

	/** An independent copy for a checkpoint. */
	clone(): RollupInbox {
		const copy = new RollupInbox({ chainId: this.chainId, quorum: this.rule, genesisStateRoot: this.genesisStateRoot, verifyAggregate: this.verifyAggregate });
		copy.records = this.records.map(copyRecord);
		copy.refused = this.rejected();
		copy.nextIndex = this.nextIndex;
		return copy;
	}

	/** The non-reverted record at `index`. */
	private live(index: number): BatchRecord | undefined {
		return this.records.find((r) => r.index === index && r.status !== 'reverted');
	}

	/** Every rule a submission must pass; the signing root when it does. */
	private check({ header, signers, aggregateSignature, activeSet }: BatchSubmission): Result<Hex> {
		if (header.chainId !== this.chainId) return refuse(`wrong chain id: header is for ${header.chainId}, this inbox is for ${this.chainId}`);
		if (header.batchIndex !== this.nextIndex) return refuse(`wrong batch index: expected ${this.nextIndex}, got ${header.batchIndex}`);
		const tip = this.tipStateRoot();
		if (header.prevStateRoot.toLowerCase() !== tip) {
			return refuse(`wrong prevStateRoot: batch must start from the last accepted state root ${tip}, got ${header.prevStateRoot}`);
		}
		if (signers.length === 0) return refuse('no signers');
		const members = new Map(activeSet.map((m) => [m.id, m]));
		const seen = new Set<string>();
		for (const id of signers) {
			if (seen.has(id)) return refuse(`duplicate signer ${id}: each sequencer signs once`);
			seen.add(id);
			if (!members.has(id)) return refuse(`signer ${id} is not in the active set`);
		}
		if (!hasQuorum({ rule: this.rule, activeSet, signers })) return refuse(this.noQuorumReason(activeSet, signers));
		let root: Hex;
		let keys: Uint8Array[];
		let signature: Uint8Array;
		try {
			root = signingRoot(header);
			keys = signers.map((id) => fromHex(members.get(id)!.blsPublicKey));
			signature = fromHex(aggregateSignature);
		} catch (error) {
			return refuse(`malformed submission: ${(error as Error).message}`);
		}
		let valid: boolean;
		try {
			valid = this.verifyAggregate(keys, fromHex(root), signature);
		} catch {
			valid = false;
		}
		if (!valid) return refuse("bad aggregate signature: it does not verify for the signers' BLS keys over the signing root");
		return ok(root);
	}

	private noQuorumReason(activeSet: InboxMember[], signers: string[]): string {
		const { by, numerator, denominator } = this.rule;
		if (by === 'count') {
			return `no quorum: ${signers.length} of ${activeSet.length} active sequencers signed, at least ${numerator}/${denominator} by count must sign`;
		}
		const total = activeSet.reduce((sum, m) => sum + m.stake, 0n);
		const signed = activeSet.filter((m) => signers.includes(m.id)).reduce((sum, m) => sum + m.stake, 0n);
		return `no quorum: signers hold ${signed} of ${total} wei of active stake, at least ${numerator}/${denominator} by stake must sign`;
	}
}

function copyRecord(r: BatchRecord): BatchRecord {
	return { ...r, header: { ...r.header }, signers: [...r.signers], activeSet: [...r.activeSet], activeStakes: { ...r.activeStakes } };
}
