import { describe, expect, it } from 'vitest';
import { achieveGoal, completeStep, emptyProgress, markLesson } from '$lib/learn/progress';
import { readProgressFile } from '$lib/learn/progressFileRead';
import { readSigningKey, type KeyStorage } from '$lib/learn/signingKey';
import { exportedWords, exportProgress, readChosenFile, saveSigningKey, summaryRows } from './progressFileActions';

function fakeStorage(): KeyStorage {
	const entries: Record<string, string> = {};
	return { getItem: (k) => entries[k] ?? null, setItem: (k, v) => void (entries[k] = v) };
}

/** Catches what would be downloaded. */
function catcher() {
	const saved: { blob: Blob; name: string }[] = [];
	return { saved, save: (blob: Blob, name: string) => void saved.push({ blob, name }) };
}

describe('the progress-file buttons', () => {
	it('export a file that imports again, signed by the key kept in storage', async () => {
		const storage = fakeStorage();
		const { saved, save } = catcher();
		const progress = markLesson(completeStep(emptyProgress(), 'a/b'), 'a', true);
		const { name, key } = await exportProgress({ progress, storage, now: new Date('2026-12-01T17:00:00Z'), save });
		expect(name).toBe('rollup-lab-progress-2026-12-01T1700Z.json');
		expect(saved.map((s) => [s.name, s.blob.type])).toEqual([[name, 'application/json']]);
		expect(readSigningKey(storage)?.privateKey).toBe(key.privateKey);
		const read = await readChosenFile(saved[0].blob);
		expect(read).toMatchObject({ ok: true, progress, signer: key.account.address.toLowerCase() });
		// The second export signs with the same key.
		const second = await exportProgress({ progress, storage, save });
		expect(second.key.account.address).toBe(key.account.address);
	});

	it('save the key as a file', async () => {
		const { saved, save } = catcher();
		const { key } = await exportProgress({ progress: emptyProgress(), storage: fakeStorage(), save });
		const name = saveSigningKey({ key, save });
		expect(name).toMatch(/^rollup-lab-signing-key-[0-9a-f]{8}\.json$/);
		expect(JSON.parse(await saved[1].blob.text())).toMatchObject({ privateKey: key.privateKey });
	});

	it('refuse a file too big to read, without reading it', async () => {
		const huge = { size: 2 ** 40, text: () => Promise.reject(new Error('read')) } as unknown as Blob;
		expect(await readChosenFile(huge)).toMatchObject({ ok: false, reason: 'too-big' });
	});

	it('refuse a file that cannot be read, in words', async () => {
		const broken = { size: 10, text: () => Promise.reject(new Error('NotReadableError')) } as unknown as Blob;
		const read = await readChosenFile(broken);
		expect(read).toMatchObject({ ok: false, reason: 'corrupt', detail: 'NotReadableError' });
		expect(read.ok || read.message).toContain('NotReadableError');
		expect(await readChosenFile(new Blob(['not json']))).toEqual(await readProgressFile('not json'));
	});

	it('compare the counts now with those in the file', () => {
		const now = completeStep(emptyProgress(), 'a/b');
		const file = achieveGoal(markLesson(completeStep(completeStep(emptyProgress(), 'a/b'), 'a/c'), 'a', true), 'g');
		expect(summaryRows(now, file).map((r) => [r.label, r.now, r.file])).toEqual([
			['Steps', 1, 2],
			['Lessons', 0, 1],
			['Questions answered', 0, 0],
			['Questions right', 0, 0],
			['"Try it" goals and missions', 0, 1]
		]);
	});

	it.each([
		['2026-12-01T17:05:00.000Z', '1 December 2026 at 17:05 UTC'],
		['yesterday', 'yesterday']
	])('write the export time %s as %s', (iso, words) => {
		expect(exportedWords(iso)).toBe(words);
	});
});
