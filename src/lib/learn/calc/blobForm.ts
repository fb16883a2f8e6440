/** The blob-fee calculator's fields: how each is read, what it starts at, and the posting they describe. */
import { GWEI } from '$lib/sim/units';
import { comparePosting, excessAfterFullBlocks, FORK_IDS, type BatchPosting, type ForkId, type PostingCost } from './blobFee';
import { readField, readFields, type FieldProblem, type FieldSpec } from './fields';

/** How the excess blob gas is given: from a run of full blocks, or as a header's number. */
export type ExcessMode = 'blocks' | 'excess';

/** How each number field is read: bytes and blocks whole, the ratio to the hundredth, the base fee to the wei (in gwei). */
export const BLOB_FIELDS = {
	batchBytes: { decimals: 0, min: 1n, max: 10_000_000n },
	compression: { decimals: 2, min: 100n, max: 2000n },
	baseFee: { decimals: 9, min: 1n, max: 10_000n * GWEI },
	fullBlocks: { decimals: 0, min: 0n, max: 100n },
	excess: { decimals: 0, min: 0n, max: 100_000_000n }
} satisfies Record<string, FieldSpec>;

/** A number field's key. */
export type BlobField = keyof typeof BLOB_FIELDS;

/** What the form starts at: a 1 MB batch compressed four times at a 10 gwei base fee, on a quiet chain after BPO2. */
export const BLOB_DEFAULTS: { fork: ForkId; mode: ExcessMode; texts: Record<BlobField, string> } = {
	fork: 'bpo2',
	mode: 'blocks',
	texts: { batchBytes: '1000000', compression: '4', baseFee: '10', fullBlocks: '0', excess: '0' }
};

/** A posting and its costs. */
export interface BlobResult {
	/** The posting the fields describe. */
	posting: BatchPosting;
	/** Its costs both ways. */
	cost: PostingCost;
}

/** The form read: the result when every field in use is good, and each bad field's problem. */
export interface BlobForm {
	/** The result, or null while a field is bad. */
	result: BlobResult | null;
	/** Problems by field. */
	problems: Partial<Record<BlobField, FieldProblem>>;
}

/** Reads the form; only the excess field of the mode in use counts. */
export function readBlobForm(fork: ForkId, mode: ExcessMode, texts: Record<BlobField, string>): BlobForm {
	const { fullBlocks: _blocks, excess: _excess, ...common } = BLOB_FIELDS;
	const { values, problems } = readFields<Exclude<BlobField, 'fullBlocks' | 'excess'>>(texts, common);
	const demandField = mode === 'blocks' ? 'fullBlocks' : 'excess';
	const demand = readField(texts[demandField], BLOB_FIELDS[demandField]);
	const all: BlobForm['problems'] = demand.ok ? problems : { ...problems, [demandField]: demand.problem };
	if (!values || !demand.ok || !FORK_IDS.includes(fork)) return { result: null, problems: all };
	const posting: BatchPosting = {
		batchBytes: values.batchBytes,
		compressionCenti: values.compression,
		baseFeePerGas: values.baseFee,
		excessBlobGas: mode === 'blocks' ? excessAfterFullBlocks(fork, demand.value) : demand.value,
		fork
	};
	return { result: { posting, cost: comparePosting(posting) }, problems: all };
}

/** The defaults compared: what the calculator shows before anything is typed. */
export function startingPosting(): BlobResult {
	const { result } = readBlobForm(BLOB_DEFAULTS.fork, BLOB_DEFAULTS.mode, BLOB_DEFAULTS.texts);
	if (!result) throw new Error('blobForm: the defaults must be valid');
	return result;
}
