/**
 * The learner's progress through the course as one versioned record: where they were, which steps
 * and lessons are done, their answers and goals, and the world each step was left in. Reading it
 * back tells damaged, foreign and too-new text apart from good data (older versions are migrated),
 * and every update is a pure function that returns a new record within the schema's bounds.
 */
import * as v from 'valibot';
import { MIGRATIONS, migrate, type Migration } from './progressMigrate';

/** What a progress record says it is. */
export const PROGRESS_FORMAT = 'rollup-lab/progress';
/** The version this code writes; older ones are migrated, newer ones refused. */
export const PROGRESS_VERSION = 1;

/** How big a record may grow, so a hand-edited or hostile one cannot blow up the page. */
export const PROGRESS_LIMITS = {
	/** Longest step path, lesson slug, question or goal id. */
	name: 200,
	/** Longest share-link query kept for a step's world. */
	query: 20_000,
	/** Most entries in any one map. */
	entries: 2_000,
	/** Latest simulated time kept for a world, in ms. */
	t: 1e13,
	/** Most tries counted for one question. */
	tries: 1_000,
	/** Highest option index of a question. */
	choice: 50
} as const;

/** Something the learner has or has not finished. */
export interface Done {
	/** Whether it is finished. */
	done: boolean;
}

/** How the learner answered one question. */
export interface Answer {
	/** The option index picked last. */
	choice: number;
	/** How many times they answered. */
	tries: number;
	/** Whether the last pick was right. */
	right: boolean;
	/** Whether the first pick was right. */
	firstTry: boolean;
}

/** The world a step was left in. */
export interface KeptWorld {
	/** Its share-link query. */
	query: string;
	/** Its simulated time in ms. */
	t: number;
}

/** The learner's progress record, version 1. */
export interface Progress {
	/** Says this is a progress record. */
	format: typeof PROGRESS_FORMAT;
	/** The version of the record's shape. */
	version: typeof PROGRESS_VERSION;
	/** Path of the step the learner was on last, e.g. 'what-a-sequencer-does/mempool', or null. */
	at: string | null;
	/** Steps seen, by path (done once the learner continued past it). */
	steps: Record<string, Done>;
	/** Lessons the learner marked done, by lesson slug. */
	lessons: Record<string, Done>;
	/** Answers by question id ('lesson/step#2', 'pre-test#0'). */
	answers: Record<string, Answer>;
	/** "Try it" goals achieved, by goal id. */
	goals: Record<string, Done>;
	/** The world each step was left in, by step path, so Back and resume restore it exactly. */
	worlds: Record<string, KeptWorld>;
}

const L = PROGRESS_LIMITS;
const Name = v.pipe(v.string('expected text'), v.minLength(1, 'expected a name, not empty'), v.maxLength(L.name, `expected a name of at most ${L.name} characters`));
const Whole = (max: number) => v.pipe(v.number('expected an integer'), v.integer('expected an integer'), v.minValue(0, 'expected an integer, zero or more'), v.maxValue(max, `expected an integer of at most ${max}`));
const Flag = v.boolean('expected true or false');
const DoneEntry = v.strictObject({ done: Flag }, 'expected an object like {"done": true}');
const map = <T extends v.GenericSchema>(entry: T, what: string) =>
	v.pipe(v.record(Name, entry, `expected an object of ${what}`), v.maxEntries(L.entries, `expected at most ${L.entries} ${what}`));

const ProgressSchema = v.strictObject(
	{
		format: v.literal(PROGRESS_FORMAT, `expected "${PROGRESS_FORMAT}"`),
		version: v.literal(PROGRESS_VERSION, `expected ${PROGRESS_VERSION}`),
		at: v.nullable(Name),
		steps: map(DoneEntry, 'steps'),
		lessons: map(DoneEntry, 'lessons'),
		answers: map(v.strictObject({ choice: Whole(L.choice), tries: Whole(L.tries), right: Flag, firstTry: Flag }, 'expected an answer'), 'answers'),
		goals: map(DoneEntry, 'goals'),
		worlds: map(
			v.strictObject(
				{
					query: v.pipe(v.string('expected a share-link query'), v.maxLength(L.query, `expected a query of at most ${L.query} characters`)),
					t: v.pipe(v.number('expected a time in ms'), v.finite('expected a time in ms'), v.minValue(0, 'expected a time in ms, zero or more'), v.maxValue(L.t, `expected a time of at most ${L.t} ms`))
				},
				'expected a world'
			),
			'worlds'
		)
	},
	'expected a progress record'
) satisfies v.GenericSchema<unknown, Progress>;

/** A record with nothing done yet. */
export function emptyProgress(): Progress {
	return { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, at: null, steps: {}, lessons: {}, answers: {}, goals: {}, worlds: {} };
}

/** Why stored text is not a record this code can use: damaged, something else, or from a newer version. */
export type ProgressProblem = 'corrupt' | 'foreign' | 'newer';

/** Stored text read back: the record (and whether it was migrated), or why not with the field named. */
export type ProgressRead = { ok: true; progress: Progress; migrated: boolean } | { ok: false; reason: ProgressProblem; detail: string };

/** Reads stored text; never throws. No text at all is a fresh record. */
export function readProgress(text: string | null, migrations: Readonly<Record<number, Migration>> = MIGRATIONS): ProgressRead {
	if (text === null || text === '') return { ok: true, progress: emptyProgress(), migrated: false };
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (err) {
		return corrupt(`not JSON (${clip((err as Error).message, 120)})`);
	}
	if (!json || typeof json !== 'object' || Array.isArray(json)) return corrupt('not a JSON object');
	const { format, version } = json as Record<string, unknown>;
	if (format !== PROGRESS_FORMAT) return { ok: false, reason: 'foreign', detail: `format: ${format === undefined ? 'missing' : clip(JSON.stringify(format) ?? String(format), 80)}, not "${PROGRESS_FORMAT}"` };
	if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) return corrupt('version: expected an integer, zero or more');
	if (version > PROGRESS_VERSION) return { ok: false, reason: 'newer', detail: `version: ${version} is newer than this page reads (${PROGRESS_VERSION})` };
	const migrated = migrate(json, version, PROGRESS_VERSION, migrations);
	if (!migrated.ok) return corrupt(migrated.detail);
	const parsed = v.safeParse(ProgressSchema, migrated.record, { abortEarly: true });
	if (!parsed.success) return corrupt(describeIssue(parsed.issues[0]));
	return { ok: true, progress: parsed.output, migrated: version < PROGRESS_VERSION };
}

/** What is wrong with a value as a progress record (its first bad field named), or null when it is one. */
export function progressProblem(value: unknown): string | null {
	const parsed = v.safeParse(ProgressSchema, value, { abortEarly: true });
	return parsed.success ? null : describeIssue(parsed.issues[0]);
}

/** The record as JSON, object keys sorted, so the same progress is always the same text. */
export function serializeProgress(p: Progress): string {
	return JSON.stringify(p, (_, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x));
}

function corrupt(detail: string): ProgressRead {
	return { ok: false, reason: 'corrupt', detail };
}

/** Keys that are names, shown bare; any other key is quoted. */
const BARE_KEY = /^[A-Za-z_$][\w$]*$/;

/** "answers.'x#1'.tries: expected an integer": the issue's field path, then what was wrong. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
	const path = (issue.path ?? [])
		.map((item) => {
			const key = clip(String((item as { key: unknown }).key), 60);
			return BARE_KEY.test(key) ? key : `'${key.replace(/['\\]/g, '\\$&')}'`;
		})
		.join('.');
	const words = issue.input === undefined ? 'missing' : issue.expected === 'never' ? 'not a field of a progress record' : issue.message;
	return `${path || '(record)'}: ${words}`;
}

function clip(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max)}…` : text;
}

// The update helpers. Each returns a new record, or the same record (`===`) when it refuses: a name
// that is empty, longer than PROGRESS_LIMITS.name or one of the object-machinery names below; a
// value out of bounds; or a new entry in a map that already holds PROGRESS_LIMITS.entries (existing
// entries still change). So a record built by them always passes the schema.

/** Names valibot leaves out of records, so a record holding them would not read back the same. */
const RESERVED = new Set(['__proto__', 'prototype', 'constructor']);

type MapField = 'steps' | 'lessons' | 'answers' | 'goals' | 'worlds';

function fits(name: string): boolean {
	return typeof name === 'string' && name.length > 0 && name.length <= L.name && !RESERVED.has(name);
}

function put<F extends MapField>(p: Progress, field: F, key: string, entry: Progress[F][string]): Progress {
	const entries = p[field];
	if (!fits(key) || (!Object.hasOwn(entries, key) && Object.keys(entries).length >= L.entries)) return p;
	return { ...p, [field]: { ...entries, [key]: entry } };
}

function own<T>(entries: Record<string, T>, key: string): T | undefined {
	return Object.hasOwn(entries, key) ? entries[key] : undefined;
}

/** The learner is on step `path`: it becomes `at` (even when the steps map is full) and is listed as seen. */
export function visitStep(p: Progress, path: string): Progress {
	if (!fits(path)) return p;
	const seen = own(p.steps, path) ? p : put(p, 'steps', path, { done: false });
	return { ...seen, at: path };
}

/** The learner continued past step `path`. */
export function completeStep(p: Progress, path: string): Progress {
	return put(p, 'steps', path, { done: true });
}

/** The learner marked lesson `lesson` done (or not done again). */
export function markLesson(p: Progress, lesson: string, done: boolean): Progress {
	return put(p, 'lessons', lesson, { done });
}

/** The learner picked option `choice` of question `questionId`: one more try (counting stops at the limit); firstTry is set by the first answer only. */
export function answer(p: Progress, questionId: string, choice: number, right: boolean): Progress {
	if (!Number.isInteger(choice) || choice < 0 || choice > L.choice) return p;
	const before = own(p.answers, questionId);
	const tried = before?.tries ?? 0;
	return put(p, 'answers', questionId, { choice, tries: Math.min(tried + 1, L.tries), right, firstTry: before && tried > 0 ? before.firstTry : right });
}

/** The learner achieved "Try it" goal `id`. */
export function achieveGoal(p: Progress, id: string): Progress {
	return put(p, 'goals', id, { done: true });
}

/** Keeps the world step `path` was left in; refused when the query is too long or `t` is not a time in bounds. */
export function keepWorld(p: Progress, path: string, query: string, t: number): Progress {
	if (typeof query !== 'string' || query.length > L.query || !Number.isFinite(t) || t < 0 || t > L.t) return p;
	return put(p, 'worlds', path, { query, t: t + 0 });
}

/** Starts the course over: a record with nothing done. */
export function resetProgress(): Progress {
	return emptyProgress();
}
