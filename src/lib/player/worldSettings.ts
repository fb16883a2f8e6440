/**
 * The World settings form as data: its fields as the text a person typed, filled from a share link,
 * and turned back into a link with every problem explained against the field it belongs to.
 */
import { m } from '$lib/paraglide/messages.js';
import { parseDuration } from '$lib/sim/units';
import type { WorldParams } from '$lib/sim/params';
import { resolveParams } from '$lib/sim/scenario';
import { linkRecipe, scenarioBase, SHAPE_KEYS } from './linkRecipe';
import { fieldProblem } from './problemWords';
import { missingActor, type ActorKind, type WorldShape } from './reshape';
import { scenarioSeed, type WorldLink } from './urlState';

/** The form's fields, as typed. */
export interface SettingsForm {
	/** Seed of the world. */
	seed: string;
	/** Number of sequencers. */
	sequencers: string;
	/** Number of validators. */
	validators: string;
	/** Number of users. */
	users: string;
	/** Transactions per second. */
	txPerSecond: string;
	/** Quorum by count or by stake. */
	quorumBy: string;
	/** Whether at least the fraction must sign ("at-least", the seed article) or more than it ("more-than", Themis as deployed). */
	quorumThreshold: string;
	/** Quorum fraction, e.g. "2/3". */
	quorumFraction: string;
	/** Probability that a validator re-executes a batch (0 to 1). */
	sampleRate: string;
	/** ZK mode: the share of each signer's stake slashed when its batch is never proven, in percent ("0" is off). */
	missingProofSlash: string;
	/** Optimistic challenge window, e.g. "7d". */
	challengeWindow: string;
	/** Hybrid mode's proof deadline, e.g. "4h". */
	hybridProofDeadline: string;
	/** Delay between unlocking and claiming stake, e.g. "21d". */
	exitDelay: string;
}

/** A field of the form. */
export type SettingsField = keyof SettingsForm;

/** Plain number parameters the form edits directly. */
const NUMBER_FIELDS = { txPerSecond: 'txPerSecond', sampleRate: 'sampleRate' } as const;
/** Duration parameters the form edits as "7d", "4h"… */
const DURATION_FIELDS = { challengeWindow: 'challengeWindowMs', hybridProofDeadline: 'hybridProofDeadlineMs', exitDelay: 'exitDelayMs' } as const;

/** Which form field a link problem belongs to (by the link's key). */
const FIELD_OF: Record<string, SettingsField> = {
	seed: 'seed',
	seqs: 'sequencers',
	vals: 'validators',
	users: 'users',
	'p.txPerSecond': 'txPerSecond',
	'p.quorumBy': 'quorumBy',
	'p.quorumNumerator': 'quorumFraction',
	'p.quorumDenominator': 'quorumFraction',
	'p.quorumThreshold': 'quorumThreshold',
	'p.missingProofSlashBps': 'missingProofSlash',
	'p.sampleRate': 'sampleRate',
	'p.challengeWindowMs': 'challengeWindow',
	'p.hybridProofDeadlineMs': 'hybridProofDeadline',
	'p.exitDelayMs': 'exitDelay'
};

/** The simulation checks some fields in other units than the form shows: what to say instead. */
const IN_FORM_WORDS: Partial<Record<SettingsField, () => string>> = { missingProofSlash: m.ui_settings_share_over };

/** What a count of each kind of actor that is not a whole number gets told. */
const EXPECTED_COUNT: Record<ActorKind, () => string> = {
	sequencers: m.ui_settings_expected_sequencers,
	validators: m.ui_settings_expected_validators,
	users: m.ui_settings_expected_users
};

/** Formats ms as the shortest duration text parseDuration reads back: "7d", "1h30m", "90s", "250ms". */
export function formatDuration(ms: number): string {
	if (!Number.isFinite(ms) || ms <= 0) return String(Math.max(0, Math.round(ms || 0)));
	const units: [string, number][] = [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000], ['ms', 1]];
	let rest = Math.round(ms);
	let out = '';
	for (const [unit, size] of units) {
		const n = Math.floor(rest / size);
		if (n > 0) out += `${n}${unit}`;
		rest -= n * size;
	}
	return out;
}

/** The form for a link: the world's values now (the scenario's, with the link's changes). */
export function formFromLink(link: WorldLink): SettingsForm {
	const base = scenarioBase(link.scenario);
	if (!base) throw new Error(`no scenario ${link.scenario}`);
	const resolved = resolveParams(link.params ?? {}, 'p', base.params);
	const params = resolved.ok ? resolved.params : base.params;
	return formOf(link.seed, { ...base.shape, ...link.shape }, params);
}

/** The form with the scenario's own values. */
export function scenarioDefaults(scenario: string): SettingsForm {
	const base = scenarioBase(scenario);
	if (!base) throw new Error(`no scenario ${scenario}`);
	return formOf(scenarioSeed(scenario), base.shape, base.params);
}

function formOf(seed: number, shape: Required<WorldShape>, p: WorldParams): SettingsForm {
	return {
		seed: String(seed),
		sequencers: String(shape.sequencers),
		validators: String(shape.validators),
		users: String(shape.users),
		txPerSecond: String(p.txPerSecond),
		quorumBy: p.quorumBy,
		quorumThreshold: p.quorumThreshold,
		quorumFraction: `${p.quorumNumerator}/${p.quorumDenominator}`,
		sampleRate: String(p.sampleRate),
		missingProofSlash: String(p.missingProofSlashBps / 100),
		challengeWindow: formatDuration(p.challengeWindowMs),
		hybridProofDeadline: formatDuration(p.hybridProofDeadlineMs),
		exitDelay: formatDuration(p.exitDelayMs)
	};
}

/** The form turned into a link; or each field's problem in words (`general` for those of no field). */
export type SettingsResult =
	| { ok: true; link: WorldLink; skipped: number }
	| { ok: false; errors: Partial<Record<SettingsField, string>>; general: string[] };

/**
 * Builds the link the form describes on top of `link` (other parameter overrides stay). With
 * `keepCommands`, the learner's commands come along, except those naming actors that would be gone.
 */
export function linkFromForm(form: SettingsForm, link: WorldLink, keepCommands: boolean): SettingsResult {
	const base = scenarioBase(link.scenario);
	if (!base) return { ok: false, errors: {}, general: [m.ui_settings_no_scenario({ scenario: link.scenario })] };
	const errors: Partial<Record<SettingsField, string>> = {};
	const seedText = form.seed.trim();
	if (!/^\d{1,15}$/.test(seedText)) errors.seed = m.ui_settings_expected_seed();
	const shape: WorldShape = {};
	for (const kind of Object.keys(SHAPE_KEYS) as ActorKind[]) {
		const text = form[kind].trim();
		if (!/^\d{1,6}$/.test(text)) errors[kind] = EXPECTED_COUNT[kind]();
		else if (Number(text) !== base.shape[kind]) shape[kind] = Number(text);
	}
	const values: Record<string, string | number> = { quorumBy: form.quorumBy, quorumThreshold: form.quorumThreshold };
	for (const [field, name] of Object.entries(NUMBER_FIELDS) as [SettingsField, string][]) {
		const text = form[field].trim();
		const n = text === '' ? NaN : Number(text);
		if (Number.isFinite(n)) values[name] = n;
		else errors[field] = m.ui_settings_expected_number();
	}
	for (const [field, name] of Object.entries(DURATION_FIELDS) as [SettingsField, string][]) {
		const ms = parseDuration(form[field]);
		if (ms === null) errors[field] = m.ui_settings_expected_duration();
		else values[name] = ms;
	}
	const slash = percentToBps(form.missingProofSlash);
	if (slash.ok) values.missingProofSlashBps = slash.bps;
	else errors.missingProofSlash = slash.message;
	const fraction = /^\s*(\d{1,6})\s*\/\s*(\d{1,6})\s*$/.exec(form.quorumFraction);
	if (!fraction) errors.quorumFraction = m.ui_settings_expected_fraction();
	else [values.quorumNumerator, values.quorumDenominator] = [Number(fraction[1]), Number(fraction[2])];
	if (Object.keys(errors).length) return { ok: false, errors, general: [] };

	const params: Record<string, string | number> = { ...link.params };
	const scenarioValues = base.params as unknown as Record<string, unknown>;
	for (const [name, value] of Object.entries(values)) {
		if (scenarioValues[name] === value) delete params[name];
		else params[name] = value;
	}
	const next: WorldLink = { seed: Number(seedText), scenario: link.scenario, finality: link.finality };
	if (Object.keys(shape).length) next.shape = shape;
	if (Object.keys(params).length) next.params = params;
	const counts = { ...base.shape, ...shape };
	const commands = keepCommands ? (link.commands ?? []).filter((c) => !missingActor(c.command, counts)) : [];
	if (commands.length) next.commands = commands;
	const checked = linkRecipe(next);
	if (!checked.ok) {
		const general: string[] = [];
		for (const e of checked.errors) {
			const field = FIELD_OF[e.field];
			if (field) errors[field] ??= IN_FORM_WORDS[field]?.() ?? e.message;
			else general.push(fieldProblem(e));
		}
		return { ok: false, errors, general };
	}
	return { ok: true, link: next, skipped: (keepCommands ? (link.commands?.length ?? 0) : 0) - commands.length };
}

/** A percentage as typed ("12.5", "0", "10 %") in whole basis points, or why it cannot be read; whether it is at most 100% is the simulation's check. */
export function percentToBps(text: string): { ok: true; bps: number } | { ok: false; message: string } {
	const match = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(text);
	if (!match) return { ok: false, message: m.ui_settings_expected_percent() };
	return { ok: true, bps: Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) };
}
