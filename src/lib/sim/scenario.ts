/**
 * Scenario files (`content/scenarios/*.json`, format `rollup-lab/scenario@1`): who is in the world,
 * which parameters differ from the defaults, and what outcome the file expects. Every field is
 * validated; an error names the field.
 */
import * as v from 'valibot';
import { DEFAULT_PARAMS, FINALITY_MODES, type FinalityMode, type WorldParams } from './params';
import { MAX_AMOUNT_WEI, MAX_AMOUNT_WORDS, MAX_WORLD_MS, MAX_WORLD_WORDS, paramBoundError, paramBoundErrors } from './paramBounds';
import { parseMetis } from './units';

import { SEQUENCER_BEHAVIOURS, VALIDATOR_BEHAVIOURS } from './behaviours';
import { CommandSchema } from './commandSchema';
import { parseDuration } from './units';

/** Most actors of each kind a scenario may have: beyond these the stage is no longer readable. */
export const ACTOR_LIMITS = { sequencers: 100, validators: 500, users: 5000 } as const;

const Metis = v.pipe(
	v.string('expected a METIS amount as a decimal string, e.g. "20000"'),
	v.check((s) => parseMetis(s) !== null, 'expected a non-negative decimal METIS amount with at most 18 decimals, e.g. "20000" or "0.5"'),
	v.check((s) => (parseMetis(s) ?? 0n) <= MAX_AMOUNT_WEI, `at most ${MAX_AMOUNT_WORDS}`)
);

const Delegation = v.strictObject({
	user: v.pipe(v.number('expected a user index'), v.integer('expected a whole user index'), v.minValue(0, 'a user index cannot be negative')),
	amount: Metis
});

const SequencerSpec = v.strictObject({
	stake: Metis,
	commissionBps: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000, 'commission cannot exceed 10000 bps (100%)'))),
	behaviour: v.optional(v.picklist(SEQUENCER_BEHAVIOURS, `expected one of ${SEQUENCER_BEHAVIOURS.join(', ')}`)),
	target: v.optional(v.pipe(v.string(), v.regex(/^user-\d+$/, 'expected a user id like user-3'))),
	delegations: v.optional(v.pipe(v.array(Delegation), v.maxLength(ACTOR_LIMITS.users, `at most ${ACTOR_LIMITS.users} delegations`)))
});

const ValidatorSpec = v.strictObject({
	behaviour: v.optional(v.picklist(VALIDATOR_BEHAVIOURS, `expected one of ${VALIDATOR_BEHAVIOURS.join(', ')}`))
});

const Count = (max: number, what: string) =>
	v.pipe(v.number(`expected a number of ${what}`), v.integer(`expected a whole number of ${what}`), v.minValue(0, `the number of ${what} cannot be negative`), v.maxValue(max, `at most ${max} ${what}`));

const Ids = v.array(v.pipe(v.string(), v.regex(/^(seq|val|user)-\d+$/, 'expected actor ids like seq-2')));

const Duration = v.pipe(v.string(), v.check((t) => parseDuration(t) !== null, 'expected a duration such as "8d"'));

/** Most entries a scenario's timeline may have. */
export const MAX_TIMELINE_ENTRIES = 1000;

const TimelineAt = v.union(
	[
		v.pipe(v.number(), v.minValue(0), v.maxValue(MAX_WORLD_MS, `at most ${MAX_WORLD_WORDS}`)),
		v.pipe(
			v.string(),
			v.check((t) => parseDuration(t) !== null, 'expected a duration such as "10m" or "2h"'),
			v.check((t) => (parseDuration(t) ?? 0) <= MAX_WORLD_MS, `at most ${MAX_WORLD_WORDS}`)
		)
	],
	'expected a time: ms or a duration such as "10m"'
);

/** What a preset says must come out of it (checked by the preset test against the world export). */
const ExpectFields = {
	/** How long to run, e.g. "8d". */
	until: v.optional(Duration),
	/** Exactly these sequencers are slashed. */
	slashed: v.optional(Ids),
	/** Exactly these sequencers are force-unlocked by the administrator. */
	forceUnlocked: v.optional(Ids),
	/** Event types that must occur. */
	events: v.optional(v.array(v.string())),
	/** Event types that must not occur. */
	absentEvents: v.optional(v.array(v.string())),
	/** Every batch L1 still holds has settled. */
	allSettled: v.optional(v.boolean()),
	/** Every user transaction ends in a settled batch (or was dropped and never included). */
	everyTxSettled: v.optional(v.boolean()),
	/** Exactly this many fraudulent batches settled. */
	fraudulentSettled: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
	/** At least this many batches were reverted. */
	revertedAtLeast: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
	/** Some challenger was paid a share of a slash. */
	challengerRewarded: v.optional(v.boolean()),
	/** METIS that L1 settled and no transaction created, e.g. "1000" (a fraud nobody challenged). */
	unbackedMetis: v.optional(v.string()),
	/** The longest a user's transactions waited from signing to an L2 block. */
	txWait: v.optional(v.strictObject({ user: v.pipe(v.string(), v.regex(/^user-\d+$/, 'expected a user id like user-3')), atLeast: v.optional(Duration), atMost: v.optional(Duration) })),
	/** The point of this preset is a batch signed by exactly the quorum fraction (e.g. 4 of 6): such batches are allowed. */
	quorumEdge: v.optional(v.boolean())
};

/** A preset's expectation, and the same preset run with other parameters and what that must give. */
export const ExpectSchema = v.strictObject({
	...ExpectFields,
	/** The same scenario with some parameters (or the finality mode) changed, and its own expectation. */
	variants: v.optional(
		v.array(
			v.strictObject({
				name: v.string(),
				finality: v.optional(v.picklist(FINALITY_MODES as FinalityMode[], `expected one of ${FINALITY_MODES.join(', ')}`)),
				params: v.optional(v.record(v.string(), v.union([v.string(), v.number()], 'expected a number or a string'))),
				expect: v.strictObject(ExpectFields)
			})
		)
	)
});

/** A preset's expected outcome. */
export type Expectation = v.InferOutput<typeof ExpectSchema>;

/** The scenario file schema. */
export const ScenarioSchema = v.strictObject({
	format: v.literal('rollup-lab/scenario@1', 'expected "rollup-lab/scenario@1"'),
	name: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'expected a lowercase-dashed name such as "happy-path"')),
	title: v.pipe(v.string(), v.minLength(1, 'a title is required')),
	summary: v.string(),
	/** What to look at on the stage while it runs, in a sentence or two (the sandbox's scenario card shows it). */
	watch: v.optional(v.string()),
	finality: v.optional(v.picklist(FINALITY_MODES as FinalityMode[], `expected one of ${FINALITY_MODES.join(', ')}`)),
	seed: v.optional(v.pipe(v.number('expected a whole-number seed'), v.integer('expected a whole-number seed'), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER, 'the seed is too large'))),
	params: v.optional(v.record(v.string(), v.union([v.string(), v.number()], 'expected a number or a string'))),
	users: Count(ACTOR_LIMITS.users, 'users'),
	validators: v.union(
		[Count(ACTOR_LIMITS.validators, 'validators'), v.pipe(v.array(ValidatorSpec), v.maxLength(ACTOR_LIMITS.validators, `at most ${ACTOR_LIMITS.validators} validators`))],
		'expected a number of validators or a list of them'
	),
	sequencers: v.pipe(v.array(SequencerSpec, 'expected a list of sequencers'), v.minLength(1, 'at least one sequencer is needed'), v.maxLength(ACTOR_LIMITS.sequencers, `at most ${ACTOR_LIMITS.sequencers} sequencers`)),
	timeline: v.optional(
		v.pipe(
			v.array(
				v.strictObject({
					at: TimelineAt,
					command: CommandSchema,
					note: v.optional(v.string())
				})
			),
			v.maxLength(MAX_TIMELINE_ENTRIES, `at most ${MAX_TIMELINE_ENTRIES} timeline entries`)
		)
	),
	expect: v.optional(ExpectSchema)
});

/** A validated scenario. */
export type Scenario = v.InferOutput<typeof ScenarioSchema>;

/** One thing wrong with a scenario or parameters, naming the field. */
export interface FieldError {
	/** Dotted path of the field, e.g. `sequencers[2].stake`. */
	field: string;
	/** What is wrong. */
	message: string;
}

/** Result of validating a scenario: the scenario with its parameters, or the errors. */
export type ScenarioResult = { ok: true; scenario: Scenario; params: WorldParams } | { ok: false; errors: FieldError[] };

function pathOf(issue: v.BaseIssue<unknown>): string {
	let out = '';
	for (const item of issue.path ?? []) {
		const key = (item as { key: unknown }).key;
		out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
	}
	return out || '(file)';
}

/** Validates a parsed scenario JSON and resolves its parameters over the defaults. */
export function parseScenario(input: unknown): ScenarioResult {
	const parsed = v.safeParse(ScenarioSchema, input);
	if (!parsed.success) return { ok: false, errors: parsed.issues.map((i) => ({ field: pathOf(i), message: i.message })) };
	const scenario = parsed.output;
	const resolved = resolveParams(scenario.params ?? {}, 'params');
	if (!resolved.ok) return resolved;
	const errors: FieldError[] = [];
	scenario.sequencers.forEach((s, i) => {
		(s.delegations ?? []).forEach((d, j) => {
			if (d.user >= scenario.users) errors.push({ field: `sequencers[${i}].delegations[${j}].user`, message: `user ${d.user} does not exist (the scenario has ${scenario.users} users)` });
		});
		if (s.behaviour === 'censor' && !s.target) errors.push({ field: `sequencers[${i}].target`, message: 'a censoring sequencer needs a target user' });
		if (s.target && Number(s.target.slice(5)) >= scenario.users) errors.push({ field: `sequencers[${i}].target`, message: `${s.target} does not exist (the scenario has ${scenario.users} users)` });
	});
	if (errors.length) return { ok: false, errors };
	return { ok: true, scenario, params: resolved.params };
}

/** Parses scenario text (JSON); a syntax error is reported too. */
export function parseScenarioText(text: string): ScenarioResult {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (err) {
		return { ok: false, errors: [{ field: '(file)', message: `not valid JSON: ${(err as Error).message}` }] };
	}
	return parseScenario(json);
}

/** Applies parameter overrides (JSON values) to the defaults, checking each name, type and range. */
export function resolveParams(
	overrides: Record<string, string | number>,
	prefix = 'params',
	base: WorldParams = DEFAULT_PARAMS
): { ok: true; params: WorldParams } | { ok: false; errors: FieldError[] } {
	const params: WorldParams = { ...base };
	const errors: FieldError[] = [];
	const target = params as unknown as Record<string, unknown>;
	for (const [name, value] of Object.entries(overrides)) {
		const read = paramValue(name, value);
		if (read.ok) target[name] = read.value;
		else errors.push({ field: `${prefix}.${name}`, message: read.message });
	}
	errors.push(...paramRangeErrors(params, prefix));
	return errors.length ? { ok: false, errors } : { ok: true, params };
}

/** Each override's own problems (name, type, range), without the checks across fields that depend on the rest. */
export function paramValueErrors(overrides: Record<string, unknown>, prefix = 'params'): FieldError[] {
	const errors: FieldError[] = [];
	for (const [name, value] of Object.entries(overrides)) {
		const read = paramValue(name, value);
		const message = read.ok ? paramBoundError(name, read.value) : read.message;
		if (message) errors.push({ field: `${prefix}.${name}`, message });
	}
	return errors;
}

/** One override (a JSON value) as the parameter's own type, or what is wrong with it. */
function paramValue(name: string, value: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
	if (!(name in DEFAULT_PARAMS)) return { ok: false, message: `unknown parameter "${name.length > 40 ? `${name.slice(0, 40)}…` : name}"` };
	const current = (DEFAULT_PARAMS as unknown as Record<string, unknown>)[name];
	if (typeof current === 'bigint') {
		const wei = typeof value === 'string' ? parseMetis(value) : null;
		return wei === null ? { ok: false, message: 'expected a METIS amount as a decimal string, e.g. "20000"' } : { ok: true, value: wei };
	}
	if (typeof current === 'number') {
		return typeof value !== 'number' || !Number.isFinite(value) || value < 0 ? { ok: false, message: 'expected a non-negative number' } : { ok: true, value };
	}
	return typeof value === 'string' ? { ok: true, value } : { ok: false, message: 'expected a string' };
}

/** Cross-field and range checks that a type check cannot see. */
export function paramRangeErrors(p: WorldParams, prefix = 'params'): FieldError[] {
	const errors: FieldError[] = [];
	const add = (name: string, message: string) => errors.push({ field: `${prefix}.${name}`, message });
	if (p.quorumNumerator > p.quorumDenominator) add('quorumNumerator', `a quorum above 100% (${p.quorumNumerator}/${p.quorumDenominator}) can never be reached`);
	if (p.quorumBy !== 'count' && p.quorumBy !== 'stake') add('quorumBy', 'expected "count" or "stake"');
	if (p.quorumThreshold !== 'at-least' && p.quorumThreshold !== 'more-than') add('quorumThreshold', 'expected "at-least" or "more-than"');
	else if (p.quorumThreshold === 'more-than' && p.quorumNumerator === p.quorumDenominator) add('quorumThreshold', `more than ${p.quorumNumerator}/${p.quorumDenominator} (100%) can never sign`);
	if (p.swapMaxMetis <= 0n) add('swapMaxMetis', 'a swap must be larger than zero');
	if (p.forceInclusion !== 'textbook' && p.forceInclusion !== 'as-deployed') add('forceInclusion', 'expected "textbook" or "as-deployed"');
	if (p.slashing !== 'textbook' && p.slashing !== 'as-deployed') add('slashing', 'expected "textbook" or "as-deployed"');
	if (p.sampleRate > 1) add('sampleRate', 'a probability cannot exceed 1');
	if (p.swapShare > 1) add('swapShare', 'a share cannot exceed 1');
	if (p.minStake > p.maxStake) add('minStake', 'the minimum stake exceeds the maximum stake');
	if (p.txPerSecond > 1000) add('txPerSecond', 'at most 1000 transactions per second');
	if (p.trafficUntilMs < p.trafficFromMs) add('trafficUntilMs', 'traffic cannot stop before it starts');
	// Then every range the engine relies on, for fields the checks above did not already name.
	const named = new Set(errors.map((e) => e.field));
	for (const [name, message] of paramBoundErrors(p)) if (!named.has(`${prefix}.${name}`)) add(name, message);
	return errors;
}

/** Formats field errors as one message per line. */
export function formatErrors(errors: FieldError[]): string {
	return errors.map((e) => `${e.field}: ${e.message}`).join('\n');
}
