/**
 * A progress file: the learner's progress record, a summary a host can read at a glance, and an
 * EIP-712 signature by a key kept in this browser. The signature proves that this browser's key
 * signed this exact record; it cannot prove the work was done (a static site has no one to ask).
 * Reading a file back is in progressFileRead.ts; the key is in signingKey.ts.
 */
import type { Address, Hex, LocalAccount } from 'viem';
import { contentHash } from './canonicalJson';
import type { Progress } from './progress';

/** What a progress file says it is (the record inside says 'rollup-lab/progress'). */
export const PROGRESS_FILE_FORMAT = 'rollup-lab/progress-file';
/** The file version this code writes; newer ones are refused. */
export const PROGRESS_FILE_VERSION = 1;

/**
 * The EIP-712 domain. No chainId and no verifyingContract: the signature is about a file, not a
 * transaction on any chain, so it cannot be replayed as one.
 */
export const PROGRESS_FILE_DOMAIN = { name: 'Rollup Lab', version: '1' } as const;

/** The EIP-712 types: what the key signs. `contentHash` stands for the whole progress record. */
export const PROGRESS_FILE_TYPES = {
	ProgressRecord: [
		{ name: 'format', type: 'string' },
		{ name: 'version', type: 'uint16' },
		{ name: 'contentHash', type: 'bytes32' },
		{ name: 'stepsDone', type: 'uint32' },
		{ name: 'lessonsDone', type: 'uint32' },
		{ name: 'questionsAnswered', type: 'uint32' },
		{ name: 'questionsRight', type: 'uint32' },
		{ name: 'goalsDone', type: 'uint32' },
		{ name: 'exportedAt', type: 'string' }
	]
} as const;

/** The primary type of the signed message. */
export const PROGRESS_FILE_PRIMARY_TYPE = 'ProgressRecord';

/** Counts read from the record, so a host need not know its shape. */
export interface ProgressSummary {
	/** Steps the learner continued past. */
	stepsDone: number;
	/** Lessons marked done. */
	lessonsDone: number;
	/** Questions answered at least once. */
	questionsAnswered: number;
	/** Questions whose last answer was right. */
	questionsRight: number;
	/** "Try it" goals achieved. */
	goalsDone: number;
}

/** The summary's fields in the order the file and the types list them. */
export const SUMMARY_FIELDS = ['stepsDone', 'lessonsDone', 'questionsAnswered', 'questionsRight', 'goalsDone'] as const satisfies readonly (keyof ProgressSummary)[];

/** A progress file as written (JSON). */
export interface ProgressFile {
	/** Says this is a progress file. */
	format: typeof PROGRESS_FILE_FORMAT;
	/** The version of the file's shape. */
	version: typeof PROGRESS_FILE_VERSION;
	/** When it was exported, ISO 8601 in UTC. */
	exportedAt: string;
	/** Counts read from `progress`. */
	summary: ProgressSummary;
	/** keccak256 of the canonical JSON of `progress` (canonicalJson.ts), lowercase 0x hex. */
	contentHash: Hex;
	/** The address of the key that signed, lowercase 0x hex. */
	signer: Address;
	/** The EIP-712 signature of `signedMessage(file)`, 65 bytes as lowercase 0x hex. */
	signature: Hex;
	/** The learner's progress record. */
	progress: Progress;
}

/** The fields of a file that the signature covers. */
export type SignedFields = Pick<ProgressFile, 'format' | 'version' | 'exportedAt' | 'summary' | 'contentHash'>;

/** The counts of `p`'s summary. */
export function summarizeProgress(p: Progress): ProgressSummary {
	const done = (entries: Record<string, { done: boolean }>) => Object.values(entries).filter((x) => x.done).length;
	const answers = Object.values(p.answers);
	return {
		stepsDone: done(p.steps),
		lessonsDone: done(p.lessons),
		questionsAnswered: answers.filter((a) => a.tries > 0).length,
		questionsRight: answers.filter((a) => a.right).length,
		goalsDone: done(p.goals)
	};
}

/** The EIP-712 message the key signs for a file's fields. */
export function signedMessage(f: SignedFields) {
	return { format: f.format, version: f.version, contentHash: f.contentHash, ...pickSummary(f.summary), exportedAt: f.exportedAt };
}

/** Everything `signTypedData`, `hashTypedData` or `verifyTypedData` needs besides the signature. */
export function typedData(f: SignedFields) {
	return { domain: PROGRESS_FILE_DOMAIN, types: PROGRESS_FILE_TYPES, primaryType: PROGRESS_FILE_PRIMARY_TYPE, message: signedMessage(f) } as const;
}

/** Signs `progress` with `account` and returns the file; `now` is the export time. */
export async function signProgressFile({ progress, account, now }: { progress: Progress; account: LocalAccount; now: Date }): Promise<ProgressFile> {
	const fields: SignedFields = { format: PROGRESS_FILE_FORMAT, version: PROGRESS_FILE_VERSION, exportedAt: now.toISOString(), summary: summarizeProgress(progress), contentHash: contentHash(progress) };
	const signature = (await account.signTypedData(typedData(fields))).toLowerCase() as Hex;
	return { ...fields, signer: account.address.toLowerCase() as Address, signature, progress };
}

/** The file as text: the envelope first, the record last, two-space indented. */
export function progressFileText(file: ProgressFile): string {
	return `${JSON.stringify(file, null, 2)}\n`;
}

/** A file name for a progress file exported at `now`, e.g. `rollup-lab-progress-2026-12-01T1700Z.json`. */
export function progressFileName(now: Date): string {
	const iso = now.toISOString();
	return `rollup-lab-progress-${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z.json`;
}

function pickSummary(s: ProgressSummary): ProgressSummary {
	return { stepsDone: s.stepsDone, lessonsDone: s.lessonsDone, questionsAnswered: s.questionsAnswered, questionsRight: s.questionsRight, goalsDone: s.goalsDone };
}
