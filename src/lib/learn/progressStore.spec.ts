import { afterEach, describe, expect, it, vi } from 'vitest';
import { m } from '$lib/paraglide/messages.js';
import { answer, completeStep, emptyProgress, markLesson, PROGRESS_FORMAT, serializeProgress, visitStep } from './progress';
import { BACKUP_PREFIX, PROGRESS_KEY, ProgressStore, type ProgressStorage } from './progressStore.svelte';

// A made-up version 0 (done lessons as a list), so the store's migration path can be tried.
vi.mock('./progressMigrate', async (original) => ({
	...(await original<typeof import('./progressMigrate')>()),
	MIGRATIONS: { 0: (old: { done: string[] }) => ({ format: 'rollup-lab/progress', version: 1, at: null, steps: {}, lessons: Object.fromEntries(old.done.map((slug) => [slug, { done: true }])), answers: {}, goals: {}, worlds: {} }) }
}));

/** Web Storage in memory: `room` is how many characters it takes in all, `blocked` makes every call throw. */
class MemoryStorage implements ProgressStorage {
	items = new Map<string, string>();
	room = Infinity;
	blocked = false;
	constructor(items: Record<string, string> = {}) {
		for (const [key, value] of Object.entries(items)) this.items.set(key, value);
	}
	get length() {
		return this.check().items.size;
	}
	key(i: number) {
		return [...this.check().items.keys()][i] ?? null;
	}
	getItem(key: string) {
		return this.check().items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		const used = [...this.check().items].reduce((sum, [k, v]) => (k === key ? sum : sum + k.length + v.length), 0);
		if (used + key.length + value.length > this.room) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		this.items.set(key, value);
	}
	removeItem(key: string) {
		this.check().items.delete(key);
	}
	/** What it holds, to compare before and after. */
	snapshot() {
		return Object.fromEntries(this.items);
	}
	private check() {
		if (this.blocked) throw new DOMException('Access is denied.', 'SecurityError');
		return this;
	}
}

const DAMAGED = '{"format":"rollup-lab/progress","version":1,"at":nul';
const WORLD_FILE = JSON.stringify({ format: 'rollup-lab/world-export@2', scenario: 'demo', seed: 1, events: [] });
const backup = (n: number) => `${BACKUP_PREFIX}${n}`;

/** A store on `storage`, loaded. */
function loaded(storage: MemoryStorage): ProgressStore {
	const store = new ProgressStore(storage);
	store.load();
	return store;
}

describe('a good record', () => {
	it('starts empty, saves each change, and is there to resume from', () => {
		const storage = new MemoryStorage();
		const store = loaded(storage);
		expect(store.progress).toEqual(emptyProgress());
		expect(store.notice).toBeNull();
		expect(store.update((p) => visitStep(p, 'intro/mempool'))).toBe(true);
		expect(storage.getItem(PROGRESS_KEY)).toBe(serializeProgress(visitStep(emptyProgress(), 'intro/mempool')));
		expect(loaded(storage).progress.at).toBe('intro/mempool');
		expect(store.backups()).toEqual([]);
	});
});

describe('what cannot be read', () => {
	it.each([
		['damaged text', DAMAGED, m.learn_progress_corrupt],
		['a world file', WORLD_FILE, m.learn_progress_foreign],
		['a newer version', JSON.stringify({ ...emptyProgress(), version: 2 }), m.learn_progress_newer]
	])('%s is kept aside unchanged, reported, and replaced only by the first good write', (_, text, words) => {
		const storage = new MemoryStorage({ [PROGRESS_KEY]: text });
		const store = loaded(storage);
		expect(storage.getItem(backup(1))).toBe(text);
		expect(store.notice).toBe(words({ backup: backup(1) }));
		expect(store.notice).toContain(backup(1));
		expect(store.progress).toEqual(emptyProgress());
		expect(storage.getItem(PROGRESS_KEY)).toBe(text);
		store.update((p) => completeStep(p, 'intro/mempool'));
		expect(storage.getItem(PROGRESS_KEY)).toBe(serializeProgress(completeStep(emptyProgress(), 'intro/mempool')));
		expect(storage.getItem(backup(1))).toBe(text);
		expect(store.backups()).toEqual([backup(1)]);
	});

	it('makes a new backup for each damaged text, never overwriting an earlier one', () => {
		const storage = new MemoryStorage({ [PROGRESS_KEY]: DAMAGED });
		loaded(storage);
		storage.setItem(PROGRESS_KEY, 'second damage');
		const store = loaded(storage);
		expect(store.backups()).toEqual([backup(1), backup(2)]);
		expect(storage.getItem(backup(1))).toBe(DAMAGED);
		expect(storage.getItem(backup(2))).toBe('second damage');
	});

	it('does not copy the same damaged text again on every load', () => {
		const storage = new MemoryStorage({ [PROGRESS_KEY]: DAMAGED });
		loaded(storage);
		const again = loaded(storage);
		expect(again.backups()).toEqual([backup(1)]);
		expect(again.notice).toContain(backup(1));
	});

	it('numbers a backup after the highest there, and lists only backup keys, in order', () => {
		const storage = new MemoryStorage({ [backup(10)]: 'ten', [backup(3)]: 'three', [`${BACKUP_PREFIX}x`]: 'not one', 'other-app': 'x', [PROGRESS_KEY]: DAMAGED });
		const store = loaded(storage);
		expect(store.backups()).toEqual([backup(3), backup(10), backup(11)]);
		expect(storage.getItem(backup(11))).toBe(DAMAGED);
	});

	it('leaves damaged text where it is when there is no room to keep it aside, and does not write over it', () => {
		// Room for a fresh record in place of the damaged one, but not for a second copy of it.
		const damaged = `${DAMAGED}${' '.repeat(500)}`;
		const storage = new MemoryStorage({ [PROGRESS_KEY]: damaged });
		storage.room = PROGRESS_KEY.length + damaged.length + 50;
		const store = loaded(storage);
		expect(store.notice).toBe(m.learn_progress_no_room_backup());
		expect(store.update((p) => markLesson(p, 'intro', true))).toBe(true);
		expect(store.progress.lessons).toEqual({ intro: { done: true } });
		expect(storage.snapshot()).toEqual({ [PROGRESS_KEY]: damaged });
		expect(store.notice).toBe(m.learn_progress_not_saved());
	});
});

describe('updates', () => {
	it('change nothing when the result is not a valid record', () => {
		const storage = new MemoryStorage();
		const store = loaded(storage);
		store.update((p) => visitStep(p, 'intro'));
		const [state, stored] = [store.progress, storage.snapshot()];
		expect(store.update((p) => ({ ...p, at: 'x'.repeat(201) }))).toBe(false);
		expect(store.update((p) => ({ ...p, answers: { q: { choice: 1, tries: -1, right: true, firstTry: true } } }))).toBe(false);
		expect(store.progress).toBe(state);
		expect(storage.snapshot()).toEqual(stored);
	});

	it('keep the learner going in memory when storage is full, and say so', () => {
		const storage = new MemoryStorage();
		const store = loaded(storage);
		storage.room = 10;
		expect(() => store.update((p) => markLesson(p, 'intro', true))).not.toThrow();
		expect(store.progress.lessons).toEqual({ intro: { done: true } });
		expect(store.notice).toBe(m.learn_progress_not_saved());
		expect(storage.snapshot()).toEqual({});
	});

	it('build on a good record another tab saved meanwhile', () => {
		const storage = new MemoryStorage();
		const store = loaded(storage);
		store.update((p) => markLesson(p, 'one', true));
		storage.setItem(PROGRESS_KEY, serializeProgress(markLesson(markLesson(emptyProgress(), 'one', true), 'two', true)));
		store.update((p) => markLesson(p, 'three', true));
		expect(Object.keys(store.progress.lessons).sort()).toEqual(['one', 'three', 'two']);
		expect(store.backups()).toEqual([]);
	});

	it('keep aside what else was written meanwhile before saving over it', () => {
		const storage = new MemoryStorage();
		const store = loaded(storage);
		store.update((p) => markLesson(p, 'one', true));
		storage.setItem(PROGRESS_KEY, 'hand-edited {');
		store.update((p) => answer(p, 'pre-test#0', 1, true));
		expect(storage.getItem(backup(1))).toBe('hand-edited {');
		expect(store.notice).toBe(m.learn_progress_replaced({ backup: backup(1) }));
		expect(loaded(storage).progress).toEqual(answer(markLesson(emptyProgress(), 'one', true), 'pre-test#0', 1, true));
	});

	it('keep what they hold when the key was emptied meanwhile', () => {
		const storage = new MemoryStorage();
		const store = loaded(storage);
		store.update((p) => markLesson(p, 'one', true));
		storage.removeItem(PROGRESS_KEY);
		store.update((p) => markLesson(p, 'two', true));
		expect(loaded(storage).progress.lessons).toEqual({ one: { done: true }, two: { done: true } });
	});
});

describe('an older version', () => {
	const v0 = JSON.stringify({ format: PROGRESS_FORMAT, version: 0, done: ['intro'] });

	it('is migrated, written back in today\'s shape, and its old text kept aside', () => {
		const storage = new MemoryStorage({ [PROGRESS_KEY]: v0 });
		const store = loaded(storage);
		const today = markLesson(emptyProgress(), 'intro', true);
		expect(store.progress).toEqual(today);
		expect(store.notice).toBeNull();
		expect(storage.getItem(backup(1))).toBe(v0);
		expect(storage.getItem(PROGRESS_KEY)).toBe(serializeProgress(today));
	});

	it('stays as it was stored when there is no room for its backup', () => {
		const padded = JSON.stringify({ format: PROGRESS_FORMAT, version: 0, done: ['intro'], notes: ' '.repeat(500) });
		const storage = new MemoryStorage({ [PROGRESS_KEY]: padded });
		storage.room = PROGRESS_KEY.length + padded.length + 50;
		const store = loaded(storage);
		expect(store.progress.lessons).toEqual({ intro: { done: true } });
		store.update((p) => markLesson(p, 'two', true));
		expect(storage.snapshot()).toEqual({ [PROGRESS_KEY]: padded });
		expect(store.notice).toBe(m.learn_progress_not_saved());
	});
});

describe('without storage', () => {
	it('works in memory and says progress will not be kept', () => {
		const store = new ProgressStore(null);
		store.load();
		expect(store.notice).toBe(m.learn_progress_no_storage());
		expect(store.update((p) => markLesson(p, 'intro', true))).toBe(true);
		expect(store.progress.lessons).toEqual({ intro: { done: true } });
		expect(store.backups()).toEqual([]);
		store.dismissNotice();
		expect(store.notice).toBeNull();
	});

	it('switches to memory when storage refuses to be read', () => {
		const storage = new MemoryStorage();
		storage.blocked = true;
		const store = loaded(storage);
		expect(store.notice).toBe(m.learn_progress_no_storage());
		expect(store.update((p) => markLesson(p, 'intro', true))).toBe(true);
		expect(store.backups()).toEqual([]);
	});
});

describe('other tabs', () => {
	afterEach(() => vi.unstubAllGlobals());

	/** A storage event as another tab's change raises it. */
	const changed = (key: string | null) => Object.assign(new Event('storage'), { key, storageArea: null });

	it('reload the record when another tab changes it, until disconnected', () => {
		vi.stubGlobal('window', new EventTarget());
		const storage = new MemoryStorage();
		const store = loaded(storage);
		const disconnect = store.connect();
		storage.setItem(PROGRESS_KEY, serializeProgress(markLesson(emptyProgress(), 'intro', true)));
		window.dispatchEvent(changed('unrelated'));
		expect(store.progress.lessons).toEqual({});
		window.dispatchEvent(changed(PROGRESS_KEY));
		expect(store.progress.lessons).toEqual({ intro: { done: true } });
		disconnect();
		storage.setItem(PROGRESS_KEY, serializeProgress(emptyProgress()));
		window.dispatchEvent(changed(PROGRESS_KEY));
		expect(store.progress.lessons).toEqual({ intro: { done: true } });
	});

	it('are not listened for without a window', () => {
		expect(loaded(new MemoryStorage()).connect()).toBeTypeOf('function');
	});
});
