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
	/** More than the fraction must sign (Themis: `totalPower*2/3+1`), not merely at least it (the seed article). */
	strict: boolean;
}

/** At least 2/3 of the active sequencers by count. */
export const DEFAULT_QUORUM: Readonly<QuorumRule> = Object.freeze({ by: 'count', numerator: 2, denominator: 3, strict: false });

/** The rule in words, e.g. "at least 2/3 by count" or "more than 2/3 of stake". */
export function quorumRuleText(rule: QuorumRule): string {
	return `${rule.strict ? 'more than' : 'at least'} ${rule.numerator}/${rule.denominator} ${rule.by === 'count' ? 'by count' : 'of stake'}`;
}

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
	/** Its own number among every accepted submission: what later calls name it by. */
	posting: number;
	/** The epoch whose set signed it. */
	epoch: number;
	/** The quorum rule it was checked against. */
	quorum: QuorumRule;
	/** Ids of that epoch's set. */
	activeSet: string[];
	/** Stake of each member of that set (wei). */
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
	/** The epoch the batch was signed in. */
	epoch: number;
	/** That epoch's set, as the sequencer-set contract recorded it: signatures are checked against it. */
	activeSet: InboxMember[];
	/** The epoch in force now. */
	currentEpoch: number;
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
	if (typeof rule.strict !== 'boolean') return 'quorum strictness must be true (more than the fraction) or false (at least it)';
	if (rule.strict && n === d) return 'more than 100% can never sign: use at least 1/1';
	return null;
}

/**
 * Whether the distinct signers that are in the active set reach the rule: by count,
 * signers × den >= num × |active| (strict: >); by stake, signerStake × den >= num × totalStake
 * (strict: >). Integers only. An empty active set (or zero total stake) never has a quorum.
 */
export function hasQuorum({ rule, activeSet, signers }: { rule: QuorumRule; activeSet: { id: string; stake: bigint }[]; signers: string[] }): boolean {
	const stakeById = new Map(activeSet.map((m) => [m.id, m.stake]));
	const counted = [...new Set(signers)].filter((id) => stakeById.has(id));
	const num = BigInt(rule.numerator);
	const den = BigInt(rule.denominator);
	if (rule.by === 'count') {
		if (stakeById.size === 0) return false;
		return reaches(BigInt(counted.length) * den, num * BigInt(stakeById.size), rule.strict);
	}
	const total = [...stakeById.values()].reduce((sum, s) => sum + s, 0n);
	const signed = counted.reduce((sum, id) => sum + stakeById.get(id)!, 0n);
	return total > 0n && reaches(signed * den, num * total, rule.strict);
}

function reaches(signed: bigint, needed: bigint, strict: boolean): boolean {
	return strict ? signed > needed : signed >= needed;
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
	/** Epoch of the last accepted batch: signatures from an older epoch are refused. */
	private lastEpoch: number;

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
		this.lastEpoch = 0;
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
		const { header, signers, aggregateSignature, activeSet, now, l1Block, epoch } = submission;
		if (!checked.ok) {
			this.refused.push({ index: header.batchIndex, reason: checked.error, at: now, l1Block, header: { ...header }, signers: [...signers], aggregateSignature });
			return checked;
		}
		const record: BatchRecord = {
			index: header.batchIndex,
			header: { ...header },
			signingRoot: checked.value,
			posting: this.records.length,
			epoch,
			quorum: { ...this.rule },
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
		this.lastEpoch = epoch;
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

	/** The accepted submission with this posting number, if any. */
	posting(posting: number): BatchRecord | undefined {
		const found = this.records[posting];
		return found && copyRecord(found);
	}

	/** Finalizes a pending posting whose predecessor is finalized; the caller enforces the window or proof. */
	finalize({ posting, now }: { posting: number; now: number }): Result<BatchRecord> {
		const record = this.records[posting];
		if (!record) return refuse(`no posting ${posting} to finalize`);
		if (record.status !== 'pending') return refuse(`posting ${posting} (batch ${record.index}) is ${record.status}: only a pending batch can finalize`);
		if (record.index > 0 && this.live(record.index - 1)?.status !== 'finalized') return refuse(`batch ${record.index} cannot finalize before batch ${record.index - 1}`);
		record.status = 'finalized';
		record.finalizedAt = now;
		return ok(copyRecord(record));
	}

	/** A challenge is open against a pending posting: it cannot finalize until the challenge is settled. */
	markChallenged({ posting }: { posting: number }): Result<BatchRecord> {
		const record = this.records[posting];
		if (!record) return refuse(`no posting ${posting} to challenge`);
		if (record.status !== 'pending') return refuse(`posting ${posting} (batch ${record.index}) is ${record.status}: only a pending batch can be challenged`);
		record.status = 'challenged';
		return ok(copyRecord(record));
	}

	/** The challenge failed: the posting is pending again. */
	dismissChallenge({ posting }: { posting: number }): Result<BatchRecord> {
		const record = this.records[posting];
		if (!record || record.status !== 'challenged') return refuse(`posting ${posting} is not challenged`);
		record.status = 'pending';
		return ok(copyRecord(record));
	}

	/** The posting and every later live one become reverted; the next index rolls back so they can be re-derived. */
	revertFrom({ posting, now }: { posting: number; now: number }): Result<number[]> {
		const record = this.records[posting];
		if (!record || record.status === 'reverted') return refuse(`no live posting ${posting} to revert`);
		const doomed = this.records.filter((r) => r.index >= record.index && r.status !== 'reverted');
		const final = doomed.find((r) => r.status === 'finalized');
		if (final) return refuse(`batch ${final.index} is finalized and cannot be reverted`);
		for (const r of doomed) {
			r.status = 'reverted';
			r.revertedAt = now;
		}
		this.nextIndex = record.index;
		this.lastEpoch = this.live(record.index - 1)?.epoch ?? 0;
		return ok(doomed.map((r) => r.posting));
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
		copy.lastEpoch = this.lastEpoch;
		return copy;
	}

	/** The non-reverted record at `index`. */
	private live(index: number): BatchRecord | undefined {
		return this.records.find((r) => r.index === index && r.status !== 'reverted');
	}

	/** Every rule a submission must pass; the signing root when it does. */
	private check({ header, signers, aggregateSignature, activeSet, epoch, currentEpoch }: BatchSubmission): Result<Hex> {
		if (header.chainId !== this.chainId) return refuse(`wrong chain id: header is for ${header.chainId}, this inbox is for ${this.chainId}`);
		if (header.batchIndex !== this.nextIndex) return refuse(`wrong batch index: expected ${this.nextIndex}, got ${header.batchIndex}`);
		const tip = this.tipStateRoot();
		if (header.prevStateRoot.toLowerCase() !== tip) {
			return refuse(`wrong prevStateRoot: batch must start from the last accepted state root ${tip}, got ${header.prevStateRoot}`);
		}
		// As light clients do: the set of the epoch it was signed in decides, if that epoch is still current
		// or just ended (a batch in flight across an epoch change); an older set's signatures count no more.
		if (epoch > currentEpoch || epoch < currentEpoch - 1 || epoch < this.lastEpoch) {
			return refuse(`signed in epoch ${epoch}: only the current epoch ${currentEpoch} or the one before, and none older than the last accepted batch's (${this.lastEpoch}), may sign`);
		}
		if (signers.length === 0) return refuse('no signers');
		const members = new Map(activeSet.map((m) => [m.id, m]));
		const seen = new Set<string>();
		for (const id of signers) {
			if (seen.has(id)) return refuse(`duplicate signer ${id}: each sequencer signs once`);
			seen.add(id);
			if (!members.has(id)) return refuse(`signer ${id} is not in the set of epoch ${epoch}`);
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
		const needs = quorumRuleText(this.rule);
		if (this.rule.by === 'count') return `no quorum: ${signers.length} of ${activeSet.length} sequencers signed, ${needs} must sign`;
		const total = activeSet.reduce((sum, m) => sum + m.stake, 0n);
		const signed = activeSet.filter((m) => signers.includes(m.id)).reduce((sum, m) => sum + m.stake, 0n);
		return `no quorum: signers hold ${signed} of ${total} wei of the set's stake, ${needs} must sign`;
	}
}

function copyRecord(r: BatchRecord): BatchRecord {
	return { ...r, header: { ...r.header }, quorum: { ...r.quorum }, signers: [...r.signers], activeSet: [...r.activeSet], activeStakes: { ...r.activeStakes } };
}
