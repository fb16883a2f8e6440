/**
 * Reading a progress file back. Each way a file can be refused has its own reason in words: too
 * big, damaged, something else, from a newer version, holding a record that does not validate, or
 * changed after it was signed (record, summary or signature). A good file gives the progress record,
 * read by the progress reader, so an older record version is migrated. Never throws.
 */
import * as v from 'valibot';
import { verifyTypedData, type Address, type Hex } from 'viem';
import { m } from '$lib/paraglide/messages.js';
import { contentHash } from './canonicalJson';
import { readProgress, type Progress } from './progress';
import { MIGRATIONS, type Migration } from './progressMigrate';
import { PROGRESS_FILE_FORMAT, PROGRESS_FILE_VERSION, SUMMARY_FIELDS, summarizeProgress, typedData, type ProgressSummary, type SignedFields } from './progressFile';

/** The largest file read, in characters: a full record of long world links fits well within it. */
export const MAX_PROGRESS_FILE_CHARS = 64 * 2 ** 20;

/** Why a file was refused. */
export type ProgressFileProblem = 'too-big' | 'corrupt' | 'foreign' | 'newer' | 'invalid' | 'tampered-record' | 'tampered-summary' | 'tampered-signature';

/** A file read back: its progress and who signed it, or why it was refused (in words, and a detail for the curious). */
export type ProgressFileRead =
	| { ok: true; progress: Progress; migrated: boolean; signer: Address; exportedAt: string; summary: ProgressSummary }
	| { ok: false; reason: ProgressFileProblem; message: string; detail: string };

const WORDS: Record<ProgressFileProblem, () => string> = {
	'too-big': () => m.progress_file_too_big({ max: MAX_PROGRESS_FILE_CHARS / 2 ** 20 }),
	corrupt: m.progress_file_corrupt,
	foreign: m.progress_file_foreign,
	newer: m.progress_file_newer,
	invalid: m.progress_file_invalid,
	'tampered-record': m.progress_file_tampered_record,
	'tampered-summary': m.progress_file_tampered_summary,
	'tampered-signature': m.progress_file_tampered_signature
};

const hex = (bytes: number, what: string) => v.pipe(v.string(`expected ${what}`), v.regex(new RegExp(`^0x[0-9a-fA-F]{${bytes * 2}}$`), `expected ${what} (0x and ${bytes * 2} hex digits)`));
const Count = v.pipe(v.number('expected a count'), v.integer('expected a count'), v.minValue(0, 'expected a count'), v.maxValue(2 ** 32 - 1, 'expected a count below 2^32'));
const Envelope = v.object(
	{
		exportedAt: v.pipe(v.string('expected a time'), v.minLength(1, 'expected a time'), v.maxLength(64, 'expected a time of at most 64 characters')),
		summary: v.strictObject(Object.fromEntries(SUMMARY_FIELDS.map((k) => [k, Count])) as Record<keyof ProgressSummary, typeof Count>, 'expected a summary of counts'),
		contentHash: hex(32, 'a hash'),
		signer: hex(20, 'an address'),
		signature: hex(65, 'a signature'),
		progress: v.custom<unknown>((x) => x !== undefined, 'missing')
	},
	'expected a progress file'
);

/** Reads the text of a progress file (an older record inside is migrated with `migrations`); never throws. */
export async function readProgressFile(text: string, migrations: Readonly<Record<number, Migration>> = MIGRATIONS): Promise<ProgressFileRead> {
	try {
		return await read(text, migrations);
	} catch (err) {
		// Nothing above is meant to throw; if something does, the file is still only refused.
		return refuse('corrupt', `could not be read (${err instanceof Error ? err.message : String(err)})`);
	}
}

async function read(text: string, migrations: Readonly<Record<number, Migration>>): Promise<ProgressFileRead> {
	if (typeof text !== 'string') return refuse('corrupt', 'not text');
	if (text.length > MAX_PROGRESS_FILE_CHARS) return refuse('too-big', `${text.length} characters`);
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return refuse('corrupt', 'not JSON');
	}
	if (!json || typeof json !== 'object' || Array.isArray(json)) return refuse('corrupt', 'not a JSON object');
	const { format, version } = json as Record<string, unknown>;
	if (format !== PROGRESS_FILE_FORMAT) return refuse('foreign', `format: ${format === undefined ? 'missing' : clip(String(JSON.stringify(format)))}, not "${PROGRESS_FILE_FORMAT}"`);
	if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) return refuse('corrupt', 'version: expected a whole number, 1 or more');
	if (version > PROGRESS_FILE_VERSION) return refuse('newer', `version: ${version} is newer than this page reads (${PROGRESS_FILE_VERSION})`);
	const parsed = v.safeParse(Envelope, json, { abortEarly: true });
	if (!parsed.success) {
		const issue = parsed.issues[0];
		const path = (issue.path ?? []).map((p) => clip(String((p as { key: unknown }).key))).join('.');
		return refuse('corrupt', `${path || '(file)'}: ${issue.input === undefined ? 'missing' : issue.message}`);
	}
	const file = parsed.output;

	// The record must be the one that was hashed; key order and spacing do not count.
	if (contentHash(file.progress) !== file.contentHash.toLowerCase()) return refuse('tampered-record', 'progress: does not match contentHash');
	const record = readProgress(JSON.stringify(file.progress), migrations);
	if (!record.ok) return refuse(record.reason === 'newer' ? 'newer' : 'invalid', `progress: ${record.detail}`);
	// Migrations keep these counts, so an older record's summary still matches.
	const counted = summarizeProgress(record.progress);
	const edited = SUMMARY_FIELDS.find((k) => counted[k] !== file.summary[k]);
	if (edited) return refuse('tampered-summary', `summary.${edited}: the file says ${file.summary[edited]}, the record has ${counted[edited]}`);

	const fields: SignedFields = { format: PROGRESS_FILE_FORMAT, version: PROGRESS_FILE_VERSION, exportedAt: file.exportedAt, summary: file.summary, contentHash: file.contentHash.toLowerCase() as Hex };
	const signer = file.signer.toLowerCase() as Address;
	const verified = await verifyTypedData({ ...typedData(fields), address: signer, signature: file.signature as Hex }).catch(() => false);
	if (!verified) return refuse('tampered-signature', `signature: not made by ${signer} for these fields`);
	return { ok: true, progress: record.progress, migrated: record.migrated, signer, exportedAt: file.exportedAt, summary: counted };
}

function refuse(reason: ProgressFileProblem, detail: string): ProgressFileRead {
	return { ok: false, reason, message: WORDS[reason](), detail };
}

function clip(text: string, max = 80): string {
	return text.length > max ? `${text.slice(0, max)}…` : text;
}
