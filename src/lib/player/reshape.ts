/**
 * A world's shape: how many sequencers, validators and users it has. Reshaping a scenario keeps what
 * it says about the actors that remain, gives new sequencers the stakes of the existing ones in turn,
 * and drops (and names) whatever would refer to an actor that no longer exists.
 */
import { ACTOR_LIMITS, parseScenario, type FieldError } from '$lib/sim/scenario';
import type { Command } from '$lib/sim/commandSchema';
import { m } from '$lib/paraglide/messages.js';

/** Counts that override a scenario's own; an absent count keeps the scenario's. */
export interface WorldShape {
	/** Number of sequencers (1 to 100). */
	sequencers?: number;
	/** Number of validators (0 to 500). */
	validators?: number;
	/** Number of users (0 to 5000). */
	users?: number;
}

/** The kinds of actor a shape counts. */
export type ActorKind = keyof WorldShape;

/** Fewest and most of each kind of actor; the most come from the scenario schema. */
export const SHAPE_LIMITS: Record<ActorKind, { min: number; max: number }> = {
	sequencers: { min: 1, max: ACTOR_LIMITS.sequencers },
	validators: { min: 0, max: ACTOR_LIMITS.validators },
	users: { min: 0, max: ACTOR_LIMITS.users }
};

/** Id prefix of each kind. */
const PREFIX: Record<ActorKind, string> = { sequencers: 'seq', validators: 'val', users: 'user' };

/** What a count out of bounds reads as, by kind. */
const OUT_OF_BOUNDS: Record<ActorKind, (inputs: { min: number; max: number }) => string> = {
	sequencers: m.ui_shape_sequencers,
	validators: m.ui_shape_validators,
	users: m.ui_shape_users
};

/** A scenario as plain JSON (only the fields reshaping touches are typed). */
type ScenarioJson = Record<string, unknown> & {
	users: number;
	validators: number | Record<string, unknown>[];
	sequencers: (Record<string, unknown> & { stake: string; commissionBps?: number; target?: string; behaviour?: string; delegations?: { user: number; amount: string }[] })[];
	timeline?: { at: number | string; command: Command }[];
};

/** Reshaped scenario JSON plus what had to go, in words; or what is wrong with the shape. */
export type ReshapeResult = { ok: true; scenario: Record<string, unknown>; dropped: string[] } | { ok: false; errors: FieldError[] };

/** The counts of a validated scenario JSON. */
export function shapeOf(scenario: { users: number; validators: number | unknown[]; sequencers: unknown[] }): Required<WorldShape> {
	return {
		sequencers: scenario.sequencers.length,
		validators: typeof scenario.validators === 'number' ? scenario.validators : scenario.validators.length,
		users: scenario.users
	};
}

/** What is wrong with each count of a shape, in words (field = the kind). */
export function shapeErrors(shape: WorldShape): FieldError[] {
	const errors: FieldError[] = [];
	for (const kind of Object.keys(SHAPE_LIMITS) as ActorKind[]) {
		const n = shape[kind];
		if (n === undefined) continue;
		const { min, max } = SHAPE_LIMITS[kind];
		if (!Number.isInteger(n) || n < min || n > max) errors.push({ field: kind, message: OUT_OF_BOUNDS[kind]({ min, max }) });
	}
	return errors;
}

/** The actor ids a command names (sequencer, validator, user, target or owner). */
export function actorsNamed(command: Command): string[] {
	const c = command as Record<string, unknown>;
	return ['sequencer', 'validator', 'user', 'target', 'owner'].map((k) => c[k]).filter((x): x is string => typeof x === 'string');
}

/** The first actor a command names that a world of this shape does not have, or null. */
export function missingActor(command: Command, shape: Required<WorldShape>): string | null {
	for (const id of actorsNamed(command)) {
		const found = /^(seq|val|user)-(\d+)$/.exec(id);
		if (!found) continue;
		const kind = (Object.keys(PREFIX) as ActorKind[]).find((k) => PREFIX[k] === found[1])!;
		if (Number(found[2]) >= shape[kind]) return id;
	}
	return null;
}

/** Applies a shape to a scenario JSON; the result validates as a scenario. */
export function reshapeScenario(input: unknown, shape: WorldShape): ReshapeResult {
	const errors = shapeErrors(shape);
	if (errors.length) return { ok: false, errors };
	const parsed = parseScenario(input);
	if (!parsed.ok) return parsed;
	const before = shapeOf(parsed.scenario);
	const after: Required<WorldShape> = { ...before, ...definedOnly(shape) };
	const json = structuredClone(input) as ScenarioJson;
	if (after.sequencers === before.sequencers && after.validators === before.validators && after.users === before.users) return { ok: true, scenario: json, dropped: [] };

	const dropped: string[] = [];
	const targetErrors: FieldError[] = [];
	const kept = json.sequencers.slice(0, after.sequencers);
	json.sequencers.slice(after.sequencers).forEach((s, i) => {
		if (s.behaviour && s.behaviour !== 'honest') dropped.push(`seq-${after.sequencers + i} (${s.behaviour})`);
	});
	for (let i = kept.length; i < after.sequencers; i++) {
		const model = json.sequencers[i % before.sequencers];
		kept.push(model.commissionBps === undefined ? { stake: model.stake } : { stake: model.stake, commissionBps: model.commissionBps });
	}
	kept.forEach((s, i) => {
		const delegations = s.delegations?.filter((d) => d.user < after.users);
		if (s.delegations && delegations && delegations.length < s.delegations.length) {
			for (const d of s.delegations.filter((x) => x.user >= after.users)) dropped.push(m.ui_shape_dropped_delegation({ user: `user-${d.user}`, sequencer: `seq-${i}` }));
			s.delegations = delegations;
		}
		if (s.target && Number(s.target.slice(5)) >= after.users) {
			targetErrors.push({ field: 'users', message: m.ui_shape_keep_users({ sequencer: `seq-${i}`, target: s.target, count: Number(s.target.slice(5)) + 1 }) });
		}
	});
	if (targetErrors.length) return { ok: false, errors: targetErrors };
	json.sequencers = kept;
	json.users = after.users;
	if (typeof json.validators === 'number') json.validators = after.validators;
	else {
		const list = json.validators.slice(0, after.validators);
		json.validators.slice(after.validators).forEach((val, i) => {
			if (val.behaviour && val.behaviour !== 'honest') dropped.push(`val-${after.validators + i} (${String(val.behaviour)})`);
		});
		while (list.length < after.validators) list.push({});
		json.validators = list;
	}
	if (json.timeline) {
		json.timeline = json.timeline.filter((entry) => {
			const missing = missingActor(entry.command, after);
			if (missing) dropped.push(m.ui_shape_dropped_timeline({ command: entry.command.type, at: entry.at, actor: missing }));
			return !missing;
		});
	}
	// The preset's written outcome was about the original cast.
	delete json.expect;
	const check = parseScenario(json);
	return check.ok ? { ok: true, scenario: json, dropped } : check;
}

function definedOnly(shape: WorldShape): WorldShape {
	return Object.fromEntries(Object.entries(shape).filter(([, n]) => n !== undefined));
}
