/**
 * The learner's progress kept in the browser's storage under one key. Whatever is found there that
 * is not a good record of ours (damaged, foreign, from a newer version, or an older version before
 * it is migrated) is first copied unchanged to a numbered backup key, so nothing is ever lost;
 * without usable storage it all lives in memory. Reactive ($state) so components just read it.
 */
import { m } from '$lib/paraglide/messages.js';
import { emptyProgress, progressProblem, readProgress, serializeProgress, type Progress, type ProgressProblem, type ProgressRead } from './progress';

/** The part of the Web Storage API the store uses (a fake one in tests). */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** The storage key of the progress record. */
export const PROGRESS_KEY = 'rollup-lab:progress';
/** Backups are kept under this prefix and a number: 1, 2, … never reused. */
export const BACKUP_PREFIX = `${PROGRESS_KEY}:backup:`;

const FOUND: Record<ProgressProblem, (inputs: { backup: string }) => string> = {
	corrupt: m.learn_progress_corrupt,
	foreign: m.learn_progress_foreign,
	newer: m.learn_progress_newer
};

/** The learner's progress, read from and written to one storage key. */
export class ProgressStore {
	/** The record in force (replaced whole by every change, never mutated). */
	progress = $state.raw<Progress>(emptyProgress());
	/** What the learner should know about their saved progress, in words, or null. */
	notice = $state<string | null>(null);

	private storage: ProgressStorage | null;
	/**
	 * The main key's text as last read or written, when it is safe to replace: our own good record,
	 * or text already kept aside. Undefined until then, so the next write checks what is there.
	 */
	private known: string | null | undefined = undefined;

	/** Uses `storage`, or memory alone when it is null (storage blocked or unavailable). */
	constructor(storage: ProgressStorage | null) {
		this.storage = storage;
		if (!storage) this.notice = m.learn_progress_no_storage();
	}

	/** Reads the stored record; anything unreadable is kept aside as a backup and a fresh record started. */
	load(): void {
		const text = this.get(PROGRESS_KEY);
		if (text === undefined) return;
		const read = readProgress(text);
		if (read.ok) {
			this.progress = read.progress;
			// The older version's text goes to a backup, then the record is written back in today's shape.
			this.known = read.migrated ? undefined : text;
			if (read.migrated && text !== null) this.save(read.progress, text, read);
			return;
		}
		this.progress = emptyProgress();
		const backup = this.keepAside(text ?? '');
		// Until its text is kept aside, what is stored must not be replaced: the next write tries again.
		this.known = backup === null ? undefined : text;
		this.notice = backup === null ? m.learn_progress_no_room_backup() : FOUND[read.reason]({ backup });
	}

	/**
	 * Applies `fn` and saves the result; returns false, changing nothing, when the result is not a
	 * valid record. When the stored text changed since it was read (another tab, a hand edit), a good
	 * record there is what `fn` applies to, and anything else is kept aside before it is replaced.
	 */
	update(fn: (p: Progress) => Progress): boolean {
		const stored = this.get(PROGRESS_KEY);
		const read = stored !== undefined && stored !== this.known ? readProgress(stored) : null;
		// A key that was emptied meanwhile does not empty the record: what we hold is kept.
		const base = read?.ok && stored !== null ? read.progress : this.progress;
		const next = fn(base);
		if (progressProblem(next) !== null) return false;
		this.progress = next;
		if (stored !== undefined) this.save(next, read && (!read.ok || read.migrated) ? stored : null, read);
		return true;
	}

	/** The backup keys present, oldest first. */
	backups(): string[] {
		const keys: string[] = [];
		try {
			for (let i = 0; i < (this.storage?.length ?? 0); i++) {
				const key = this.storage?.key(i);
				if (key && backupNumber(key) > 0) keys.push(key);
			}
		} catch {
			return keys;
		}
		return keys.sort((a, b) => backupNumber(a) - backupNumber(b));
	}

	/** The learner has read the notice. */
	dismissNotice(): void {
		this.notice = null;
	}

	/** Reloads the record whenever another tab changes it; returns the function that stops listening. */
	connect(): () => void {
		if (typeof window === 'undefined' || !this.storage) return () => {};
		const heard = (e: StorageEvent) => {
			if (e.storageArea && e.storageArea !== this.storage) return;
			if (e.key === PROGRESS_KEY || e.key === null) this.load();
		};
		window.addEventListener('storage', heard);
		return () => window.removeEventListener('storage', heard);
	}

	/** Writes `next`, after keeping `aside` (what was stored) in a backup; without room for either, it stays in memory. */
	private save(next: Progress, aside: string | null, read: ProgressRead | null): void {
		if (aside !== null) {
			const backup = this.keepAside(aside);
			if (backup === null) {
				this.notice = m.learn_progress_not_saved();
				return;
			}
			if (read && !read.ok) this.notice = m.learn_progress_replaced({ backup });
		}
		const text = serializeProgress(next);
		if (!this.set(PROGRESS_KEY, text)) {
			this.notice = m.learn_progress_not_saved();
			return;
		}
		this.known = text;
	}

	/** Copies `text` to a backup key (an existing backup holding the same text serves); returns its name, or null when it could not be written. */
	private keepAside(text: string): string | null {
		const present = this.backups();
		const same = present.find((key) => this.get(key) === text);
		if (same) return same;
		const key = `${BACKUP_PREFIX}${Math.max(0, ...present.map(backupNumber)) + 1}`;
		return this.set(key, text) ? key : null;
	}

	/** The text under `key`; undefined when storage cannot be used, which switches the store to memory. */
	private get(key: string): string | null | undefined {
		if (!this.storage) return undefined;
		try {
			return this.storage.getItem(key);
		} catch {
			this.storage = null;
			this.notice = m.learn_progress_no_storage();
			return undefined;
		}
	}

	/** Writes `text` under `key`; false when storage refused (full or blocked). */
	private set(key: string, text: string): boolean {
		try {
			this.storage?.setItem(key, text);
			return this.storage !== null;
		} catch {
			return false;
		}
	}
}

/** The number of a backup key (1, 2, …), or 0 for any other key. */
function backupNumber(key: string): number {
	const n = key.startsWith(BACKUP_PREFIX) ? key.slice(BACKUP_PREFIX.length) : '';
	return /^[1-9]\d{0,15}$/.test(n) ? Number(n) : 0;
}
