import { describe, expect, it } from 'vitest';
import {
	achieveGoal,
	answer,
	completeStep,
	emptyProgress,
	keepWorld,
	markLesson,
	PROGRESS_FORMAT,
	PROGRESS_LIMITS,
	PROGRESS_VERSION,
	progressProblem,
	readProgress,
	resetProgress,
	serializeProgress,
	visitStep,
	type Progress
} from './progress';
import { migrate } from './progressMigrate';

const STEP = 'what-a-sequencer-does/mempool';

/** A record with something in every map. */
function sample(): Progress {
	let p = visitStep(emptyProgress(), STEP);
	p = completeStep(p, STEP);
	p = markLesson(p, 'what-a-sequencer-does', true);
	p = answer(p, `${STEP}#2`, 1, true);
	p = achieveGoal(p, 'post-a-batch');
	return keepWorld(p, STEP, 'scenario=demo&seed=7', 12_500);
}

/** The sample record's JSON with `change` applied. */
function edited(change: (json: Record<string, unknown>) => void): string {
	const json = JSON.parse(serializeProgress(sample())) as Record<string, unknown>;
	change(json);
	return JSON.stringify(json);
}

describe('reading and writing', () => {
	it('reads no text, or empty text, as a fresh record', () => {
		expect(readProgress(null)).toEqual({ ok: true, progress: emptyProgress(), migrated: false });
		expect(readProgress('')).toEqual({ ok: true, progress: emptyProgress(), migrated: false });
	});

	it('reads back what it wrote', () => {
		expect(readProgress(serializeProgress(sample()))).toEqual({ ok: true, progress: sample(), migrated: false });
	});

	it('writes the same text whatever order the keys were added in', () => {
		const one = markLesson(markLesson(emptyProgress(), 'b', true), 'a', true);
		const two = markLesson(markLesson(emptyProgress(), 'a', true), 'b', true);
		expect(serializeProgress(one)).toBe(serializeProgress(two));
		expect(serializeProgress(emptyProgress())).toBe(`{"answers":{},"at":null,"format":"${PROGRESS_FORMAT}","goals":{},"lessons":{},"steps":{},"version":1,"worlds":{}}`);
	});
});

describe('what cannot be read', () => {
	const worldExport = JSON.stringify({ format: 'rollup-lab/world-export@2', scenario: 'demo', seed: 1, events: [] });
	it.each([
		['text that is not JSON', '{"format": "rollup-lab/progress", ', 'corrupt', /^not JSON/],
		['a JSON array', '[1, 2]', 'corrupt', /^not a JSON object$/],
		['JSON null', 'null', 'corrupt', /^not a JSON object$/],
		['a JSON string', '"hello"', 'corrupt', /^not a JSON object$/],
		['a world-export file', worldExport, 'foreign', /^format: "rollup-lab\/world-export@2", not "rollup-lab\/progress"$/],
		['an object without a format', '{"theme":"dark"}', 'foreign', /^format: missing/],
		['a newer version', edited((j) => (j.version = 2)), 'newer', /^version: 2 is newer/],
		['a version that is not a number', edited((j) => (j.version = '1')), 'corrupt', /^version: expected an integer/],
		['a version with no migration', edited((j) => (j.version = 0)), 'corrupt', /^version: no way to read version 0/],
		['a fractional number of tries', edited((j) => ((j.answers as Record<string, { tries: number }>)[`${STEP}#2`].tries = 1.5)), 'corrupt', /^answers\.'what-a-sequencer-does\/mempool#2'\.tries: expected an integer$/],
		['too many tries', edited((j) => ((j.answers as Record<string, { tries: number }>)[`${STEP}#2`].tries = 1001)), 'corrupt', /\.tries: expected an integer of at most 1000$/],
		['a missing map', edited((j) => delete j.goals), 'corrupt', /^goals: missing$/],
		['a field of no record', edited((j) => (j.extra = 1)), 'corrupt', /^extra: not a field of a progress record$/],
		['a negative time', edited((j) => ((j.worlds as Record<string, { t: number }>)[STEP].t = -1)), 'corrupt', /^worlds\.'what-a-sequencer-does\/mempool'\.t: expected a time in ms, zero or more$/],
		['a step that is not an object', edited((j) => ((j.steps as Record<string, unknown>)[STEP] = true)), 'corrupt', /^steps\.'what-a-sequencer-does\/mempool': expected an object like/],
		['a name too long', edited((j) => ((j.lessons as Record<string, unknown>)['x'.repeat(201)] = { done: true })), 'corrupt', /^lessons\.'x{60}…': expected a name of at most 200 characters$/],
		['a query too long', edited((j) => ((j.worlds as Record<string, { query: string }>)[STEP].query = 'q'.repeat(20_001))), 'corrupt', /\.query: expected a query of at most 20000 characters$/]
	])('refuses %s', (_, text, reason, detail) => {
		const read = readProgress(text);
		expect(read.ok).toBe(false);
		if (read.ok) return;
		expect(read.reason).toBe(reason);
		expect(read.detail).toMatch(detail);
	});

	it('refuses a map with more than the most entries', () => {
		const steps = Object.fromEntries(Array.from({ length: PROGRESS_LIMITS.entries + 1 }, (_, i) => [`s${i}`, { done: true }]));
		expect(readProgress(JSON.stringify({ ...emptyProgress(), steps }))).toMatchObject({ ok: false, reason: 'corrupt', detail: 'steps: expected at most 2000 steps' });
	});

	it('names no field for a record that is fine', () => {
		expect(progressProblem(sample())).toBeNull();
		expect(progressProblem({ ...sample(), at: '' })).toBe('at: expected a name, not empty');
	});
});

describe('the migration chain', () => {
	// A made-up version 0 that kept done lessons as a list of slugs.
	const v0 = JSON.stringify({ format: PROGRESS_FORMAT, version: 0, done: ['intro'] });
	const table = {
		0: (old: unknown) => {
			const { done } = old as { done: string[] };
			return { ...emptyProgress(), lessons: Object.fromEntries(done.map((slug) => [slug, { done: true }])) };
		}
	};

	it('brings an older version up to today, and says so', () => {
		expect(readProgress(v0, table)).toEqual({ ok: true, progress: markLesson(emptyProgress(), 'intro', true), migrated: true });
	});

	it('runs every step in order', () => {
		const chain = migrate(0, 0, 3, { 0: (n) => (n as number) * 10 + 1, 1: (n) => (n as number) * 10 + 2, 2: (n) => (n as number) * 10 + 3 });
		expect(chain).toEqual({ ok: true, record: 123 });
	});

	it('reports a step that throws, or a missing one', () => {
		expect(readProgress(v0, { 0: () => { throw new Error('no lessons'); } })).toMatchObject({ ok: false, reason: 'corrupt', detail: 'version: migrating version 0 failed (no lessons)' });
		expect(migrate({ done: [] }, 0, 2, table)).toEqual({ ok: false, detail: 'version: no way to read version 1 (no migration from it)' });
	});

	it('validates what the chain gave', () => {
		expect(readProgress(v0, { 0: () => ({ format: PROGRESS_FORMAT, version: 1 }) })).toMatchObject({ ok: false, reason: 'corrupt', detail: 'at: missing' });
	});

	it('has nothing to do for today\'s version', () => {
		expect(PROGRESS_VERSION).toBe(1);
		expect(migrate('same', 1, 1, {})).toEqual({ ok: true, record: 'same' });
	});
});

describe('the update helpers', () => {
	it('never change the record they are given', () => {
		const before = sample();
		const frozen = JSON.parse(serializeProgress(before)) as Progress;
		visitStep(before, 'a/b');
		completeStep(before, 'a/b');
		markLesson(before, 'a', false);
		answer(before, 'a/b#0', 0, false);
		achieveGoal(before, 'g');
		keepWorld(before, 'a/b', 'x=1', 5);
		expect(before).toEqual(frozen);
	});

	it('visiting a step makes it the one to resume, seen but not done, and keeps it done once done', () => {
		const p = visitStep(emptyProgress(), STEP);
		expect(p.at).toBe(STEP);
		expect(p.steps[STEP]).toEqual({ done: false });
		expect(visitStep(completeStep(p, STEP), STEP).steps[STEP]).toEqual({ done: true });
	});

	it('marks lessons done and not done again', () => {
		const done = markLesson(emptyProgress(), 'quorum', true);
		expect(done.lessons).toEqual({ quorum: { done: true } });
		expect(markLesson(done, 'quorum', false).lessons).toEqual({ quorum: { done: false } });
	});

	it('counts tries and keeps whether the first one was right', () => {
		const id = 'pre-test#0';
		const wrong = answer(emptyProgress(), id, 2, false);
		expect(wrong.answers[id]).toEqual({ choice: 2, tries: 1, right: false, firstTry: false });
		const right = answer(wrong, id, 1, true);
		expect(right.answers[id]).toEqual({ choice: 1, tries: 2, right: true, firstTry: false });
		expect(answer(emptyProgress(), id, 1, true).answers[id].firstTry).toBe(true);
	});

	it('stops counting tries at the most', () => {
		let p = emptyProgress();
		for (let i = 0; i < PROGRESS_LIMITS.tries + 5; i++) p = answer(p, 'q#0', 0, false);
		expect(p.answers['q#0'].tries).toBe(PROGRESS_LIMITS.tries);
		expect(progressProblem(p)).toBeNull();
	});

	it('keeps goals and worlds', () => {
		expect(achieveGoal(emptyProgress(), 'post-a-batch').goals).toEqual({ 'post-a-batch': { done: true } });
		expect(keepWorld(emptyProgress(), STEP, 'seed=1', 0).worlds).toEqual({ [STEP]: { query: 'seed=1', t: 0 } });
		expect(Object.is(keepWorld(emptyProgress(), STEP, '', -0).worlds[STEP].t, 0)).toBe(true);
	});

	it('starts over', () => {
		expect(resetProgress()).toEqual(emptyProgress());
	});

	const p = emptyProgress();
	it.each([
		['an empty path', () => visitStep(p, '')],
		['a path too long', () => completeStep(p, 'x'.repeat(PROGRESS_LIMITS.name + 1))],
		['an object-machinery name', () => markLesson(p, '__proto__', true)],
		['another one', () => achieveGoal(p, 'constructor')],
		['a choice that is not an index', () => answer(p, 'q#0', 1.5, true)],
		['a choice too high', () => answer(p, 'q#0', PROGRESS_LIMITS.choice + 1, true)],
		['a negative choice', () => answer(p, 'q#0', -1, true)],
		['a query too long', () => keepWorld(p, STEP, 'q'.repeat(PROGRESS_LIMITS.query + 1), 0)],
		['a time that is not finite', () => keepWorld(p, STEP, '', Number.NaN)],
		['a time too late', () => keepWorld(p, STEP, '', PROGRESS_LIMITS.t + 1)],
		['a negative time', () => keepWorld(p, STEP, '', -1)]
	])('refuse %s, giving back the same record', (_, refused) => {
		expect(refused()).toBe(p);
	});

	it('refuse a new entry in a full map but still change the ones there', () => {
		const full: Progress = { ...emptyProgress(), steps: Object.fromEntries(Array.from({ length: PROGRESS_LIMITS.entries }, (_, i) => [`s${i}`, { done: true }])) };
		expect(completeStep(full, 'one-more')).toBe(full);
		expect(completeStep(full, 's0')).not.toBe(full);
		expect(visitStep(full, 's0').at).toBe('s0');
		const moved = visitStep(full, 'one-more');
		expect(moved.at).toBe('one-more');
		expect(moved.steps['one-more']).toBeUndefined();
		expect(progressProblem(moved)).toBeNull();
	});
});
