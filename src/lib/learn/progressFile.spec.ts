import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hashTypedData, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { contentHash } from './canonicalJson';
import { achieveGoal, answer, completeStep, emptyProgress, keepWorld, markLesson, visitStep, type Progress } from './progress';
import { PROGRESS_FILE_DOMAIN, PROGRESS_FILE_TYPES, progressFileName, progressFileText, signProgressFile, summarizeProgress, typedData, type ProgressFile } from './progressFile';
import { MAX_PROGRESS_FILE_CHARS, readProgressFile, type ProgressFileProblem } from './progressFileRead';

const KEY_A: Hex = '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';
const KEY_B: Hex = '0x8da4ef21b864d2cc526dbdb2a120bd2874c36c9d0a1fb7f8c63d7f7a8b41de8f';
const A = privateKeyToAccount(KEY_A);
const B = privateKeyToAccount(KEY_B);
const NOW = new Date('2026-12-01T17:00:00.000Z');

/** A record with a bit of everything in it. */
function someProgress(): Progress {
	let p = emptyProgress();
	p = visitStep(p, 'what-a-sequencer-does/mempool');
	p = completeStep(p, 'what-a-sequencer-does/mempool');
	p = visitStep(p, 'what-a-sequencer-does/ordering');
	p = markLesson(p, 'what-a-sequencer-does', true);
	p = answer(p, 'pre-test#0', 1, false);
	p = answer(p, 'pre-test#1', 0, true);
	p = achieveGoal(p, 'quorum/sign-batch-0');
	return keepWorld(p, 'what-a-sequencer-does/mempool', 'scenario=demo&seed=1', 1234.5);
}

async function signed(progress: Progress = someProgress(), account = A): Promise<ProgressFile> {
	return signProgressFile({ progress, account, now: NOW });
}

/** The file as JSON with `edit` applied. */
function edited(file: ProgressFile, edit: (json: Record<string, unknown>) => void): string {
	const json = JSON.parse(progressFileText(file)) as Record<string, unknown>;
	edit(json);
	return JSON.stringify(json);
}

/** Reverses key order at every level. */
function reversed(x: unknown): unknown {
	if (Array.isArray(x)) return x.map(reversed);
	if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).reverse().map(([k, v]) => [k, reversed(v)]));
	return x;
}

describe('a progress file', () => {
	it('reads back as the same progress, signed by the key that signed it', async () => {
		const progress = someProgress();
		const file = await signed(progress);
		const read = await readProgressFile(progressFileText(file));
		expect(read).toEqual({ ok: true, progress, migrated: false, signer: A.address.toLowerCase(), exportedAt: '2026-12-01T17:00:00.000Z', summary: summarizeProgress(progress) });
	});

	it('holds the format, counts, hash and a lowercase signer and signature', async () => {
		const file = await signed();
		expect(file).toMatchObject({
			format: 'rollup-lab/progress-file',
			version: 1,
			exportedAt: '2026-12-01T17:00:00.000Z',
			summary: { stepsDone: 1, lessonsDone: 1, questionsAnswered: 2, questionsRight: 1, goalsDone: 1 },
			contentHash: contentHash(someProgress()),
			signer: A.address.toLowerCase()
		});
		expect(file.signature).toMatch(/^0x[0-9a-f]{130}$/);
	});

	it('signs the documented EIP-712 domain and types', async () => {
		const file = await signed();
		expect(PROGRESS_FILE_DOMAIN).toEqual({ name: 'Rollup Lab', version: '1' });
		expect(PROGRESS_FILE_TYPES.ProgressRecord.map((f) => `${f.type} ${f.name}`).join('; ')).toBe(
			'string format; uint16 version; bytes32 contentHash; uint32 stepsDone; uint32 lessonsDone; uint32 questionsAnswered; uint32 questionsRight; uint32 goalsDone; string exportedAt'
		);
		// The same message always hashes the same: a host's recomputation matches.
		expect(hashTypedData(typedData(file))).toBe(hashTypedData(typedData({ ...file, summary: { ...file.summary } })));
	});

	it('hashes a record the same whatever its key order, in memory and in the file', async () => {
		const progress = someProgress();
		expect(contentHash(reversed(progress))).toBe(contentHash(progress));
		const file = await signed(progress);
		const shuffled = JSON.stringify(reversed(JSON.parse(progressFileText(file))));
		expect(await readProgressFile(shuffled)).toMatchObject({ ok: true, progress });
	});

	it('migrates an older record inside a good file', async () => {
		const old = { ...someProgress(), version: 0, legacy: true } as unknown as Progress;
		const file = await signed(old);
		const migrations = {
			0: (r: unknown) => {
				const { legacy: _, ...rest } = r as Record<string, unknown>;
				return { ...rest, version: 1 };
			}
		};
		expect(await readProgressFile(progressFileText(file), migrations)).toMatchObject({ ok: true, migrated: true, progress: someProgress() });
		// Without the migration, the same file's record is not usable.
		expect(await readProgressFile(progressFileText(file), {})).toMatchObject({ ok: false, reason: 'invalid' });
	});

	it('is named by its export time', () => {
		expect(progressFileName(NOW)).toBe('rollup-lab-progress-2026-12-01T1700Z.json');
	});
});

describe('a refused file', () => {
	const cases: [string, ProgressFileProblem, (good: ProgressFile) => Promise<string> | string][] = [
		['too big', 'too-big', () => ' '.repeat(MAX_PROGRESS_FILE_CHARS + 1)],
		['not JSON', 'corrupt', () => '{"format": "rollup-lab/progress-file",'],
		['empty', 'corrupt', () => ''],
		['a JSON array', 'corrupt', () => '[]'],
		['JSON null', 'corrupt', () => 'null'],
		['a version that is not a number', 'corrupt', (f) => edited(f, (j) => (j.version = '1'))],
		['no signature', 'corrupt', (f) => edited(f, (j) => delete j.signature)],
		['no progress', 'corrupt', (f) => edited(f, (j) => delete j.progress)],
		['a short signature', 'corrupt', (f) => edited(f, (j) => (j.signature = f.signature.slice(0, 40)))],
		['a summary count that is not whole', 'corrupt', (f) => edited(f, (j) => ((j.summary as Record<string, unknown>).goalsDone = 1.5))],
		['a bare progress record', 'foreign', () => JSON.stringify(someProgress())],
		['a world export', 'foreign', () => JSON.stringify({ format: 'rollup-lab/world-export@2', seed: '1' })],
		['no format', 'foreign', (f) => edited(f, (j) => delete j.format)],
		['a newer file version', 'newer', (f) => edited(f, (j) => (j.version = 2))],
		['a newer record version inside', 'newer', async () => progressFileText(await signed({ ...someProgress(), version: 2 } as unknown as Progress))],
		['a record that does not validate', 'invalid', async () => progressFileText(await signed({ ...someProgress(), at: '' } as unknown as Progress))],
		['a record with a field too many', 'invalid', async () => progressFileText(await signed({ ...someProgress(), points: 9 } as unknown as Progress))],
		['a step added to the record', 'tampered-record', (f) => edited(f, (j) => ((j.progress as Progress).steps['x/y'] = { done: true }))],
		['a record swapped for an empty one', 'tampered-record', (f) => edited(f, (j) => (j.progress = emptyProgress()))],
		['a contentHash changed to match an edited record', 'tampered-signature', (f) =>
			edited(f, (j) => {
				const p = j.progress as Progress;
				p.steps['x/y'] = { done: false };
				j.contentHash = contentHash(p);
			})],
		['a summary count raised', 'tampered-summary', (f) => edited(f, (j) => ((j.summary as Record<string, number>).lessonsDone = 9))],
		['the export time changed', 'tampered-signature', (f) => edited(f, (j) => (j.exportedAt = '2027-01-01T00:00:00.000Z'))],
		['a signature byte flipped', 'tampered-signature', (f) => edited(f, (j) => (j.signature = `${f.signature.slice(0, 10)}${f.signature[10] === '0' ? '1' : '0'}${f.signature.slice(11)}`))],
		['a signature with a bad recovery byte', 'tampered-signature', (f) => edited(f, (j) => (j.signature = `${f.signature.slice(0, 130)}05`))],
		['signed by key A, claiming address B', 'tampered-signature', (f) => edited(f, (j) => (j.signer = B.address))],
		["key B's signature on key A's file", 'tampered-signature', async (f) => {
			const byB = await signed(someProgress(), B);
			return edited(f, (j) => (j.signature = byB.signature));
		}]
	];

	it.each(cases)('%s: %s', async (_, reason, make) => {
		const read = await readProgressFile(await make(await signed()));
		expect(read).toMatchObject({ ok: false, reason });
		if (!read.ok) {
			expect(read.message.length).toBeGreaterThan(20);
			expect(read.detail.length).toBeGreaterThan(0);
		}
	});

	it('says each reason in its own words', async () => {
		const words = new Map<ProgressFileProblem, string>();
		const good = await signed();
		for (const [, reason, make] of cases) {
			const read = await readProgressFile(await make(good));
			if (!read.ok) words.set(reason, read.message);
		}
		expect(words.size).toBe(8);
		expect(new Set(words.values()).size).toBe(8);
	});

	it('never throws, whatever the text', async () => {
		const good = JSON.parse(progressFileText(await signed())) as Record<string, unknown>;
		const fields = [...Object.keys(good), 'extra'];
		const mutated = fc.record({ field: fc.constantFrom(...fields), value: fc.jsonValue() }).map(({ field, value }) => JSON.stringify({ ...good, [field]: value }));
		await fc.assert(
			fc.asyncProperty(fc.oneof(fc.string(), fc.json(), mutated), async (text) => {
				const read = await readProgressFile(text);
				expect(typeof read.ok).toBe('boolean');
			}),
			{ numRuns: 300 }
		);
		const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
		const deepRecord = JSON.stringify({ ...good, progress: 'deep' }).replace('"progress":"deep"', `"progress":${'['.repeat(50_000)}${']'.repeat(50_000)}`);
		for (const text of [deep, deepRecord, '{"__proto__": {"format": "x"}}', '\u0000', '"rollup-lab/progress-file"'])
			expect((await readProgressFile(text)).ok).toBe(false);
		expect((await readProgressFile(undefined as unknown as string)).ok).toBe(false);
	});
});
