/** What the progress-file buttons do: sign and save the progress, save the key, read a chosen file, and the counts to compare before replacing. */
import { m } from '$lib/paraglide/messages.js';
import { saveBlob } from '$lib/player/saveFile';
import type { Progress } from '$lib/learn/progress';
import { progressFileName, progressFileText, signProgressFile, summarizeProgress, SUMMARY_FIELDS, type ProgressSummary } from '$lib/learn/progressFile';
import { MAX_PROGRESS_FILE_CHARS, readProgressFile, type ProgressFileRead } from '$lib/learn/progressFileRead';
import { signingKey, signingKeyFileText, type KeyStorage, type SigningKey } from '$lib/learn/signingKey';

/** The key kept in storage, or null (here so the component loads it with the rest of this module). */
export { readSigningKey } from '$lib/learn/signingKey';

/** Hands a file to the downloads (saveBlob in the page; a stand-in in tests). */
export type SaveFile = (blob: Blob, name: string) => void;

/** Signs `progress` with this browser's key (made and kept on first use) and saves the file; returns its name and the key. */
export async function exportProgress({ progress, storage, now = new Date(), save = saveBlob }: { progress: Progress; storage: KeyStorage | null; now?: Date; save?: SaveFile }): Promise<{ name: string; key: SigningKey }> {
	const key = signingKey({ storage });
	const file = await signProgressFile({ progress, account: key.account, now });
	const name = progressFileName(now);
	save(new Blob([progressFileText(file)], { type: 'application/json' }), name);
	return { name, key };
}

/** Saves `key` as a file the learner may keep; returns its name. */
export function saveSigningKey({ key, save = saveBlob }: { key: SigningKey; save?: SaveFile }): string {
	const name = `rollup-lab-signing-key-${key.account.address.slice(2, 10).toLowerCase()}.json`;
	save(new Blob([signingKeyFileText(key)], { type: 'application/json' }), name);
	return name;
}

/** Reads a chosen file; one too big or that cannot be read is refused in words like any other. */
export async function readChosenFile(file: Blob): Promise<ProgressFileRead> {
	// A character takes at least one byte, so a file within the limit in bytes is within it in characters.
	if (file.size > MAX_PROGRESS_FILE_CHARS) return tooBig(file.size);
	let text: string;
	try {
		text = await file.text();
	} catch (err) {
		const error = err instanceof Error ? err.message : String(err);
		return { ok: false, reason: 'corrupt', message: m.progress_file_unreadable({ error }), detail: error };
	}
	return readProgressFile(text);
}

/** One count, now and in the file. */
export interface SummaryRow {
	/** What is counted, in words. */
	label: string;
	/** The count in the progress now. */
	now: number;
	/** The count in the file. */
	file: number;
}

const LABELS: Record<keyof ProgressSummary, () => string> = {
	stepsDone: m.progress_file_steps_done,
	lessonsDone: m.progress_file_lessons_done,
	questionsAnswered: m.progress_file_questions_answered,
	questionsRight: m.progress_file_questions_right,
	goalsDone: m.progress_file_goals_done
};

/** The counts of the progress now beside those of the file, so the learner sees what replacing changes. */
export function summaryRows(now: Progress, file: Progress): SummaryRow[] {
	const a = summarizeProgress(now);
	const b = summarizeProgress(file);
	return SUMMARY_FIELDS.map((k) => ({ label: LABELS[k](), now: a[k], file: b[k] }));
}

/** An export time in words ("1 December 2026, 17:00 UTC"), or the text as it is when it is not a time. */
export function exportedWords(iso: string): string {
	const t = new Date(iso);
	if (Number.isNaN(t.getTime())) return iso;
	return t.toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });
}

function tooBig(size: number): ProgressFileRead {
	return { ok: false, reason: 'too-big', message: m.progress_file_too_big({ max: MAX_PROGRESS_FILE_CHARS / 2 ** 20 }), detail: `${size} bytes` };
}
