/** The attack-cost calculator's fields: how each is read, what it starts at, and the plan they make. */
import { METIS } from '$lib/sim/units';
import { MICRO_USD, weighAttack, type AttackOutcome, type AttackPlan } from './attackCost';
import { readFields, type FieldProblem, type FieldSpec } from './fields';

const percent: FieldSpec = { decimals: 2, min: 0n, max: 10_000n };
const days: FieldSpec = { decimals: 0, min: 0n, max: 365n };

/** How each field is read: METIS and counts whole, shares to the basis point, dollars to the cent (the price to the micro-dollar). */
export const ATTACK_FIELDS = {
	stake: { decimals: 0, min: 20_000n, max: 100_000n },
	controlled: { decimals: 0, min: 1n, max: 100n },
	pool: { decimals: 0, min: 1n, max: 100n },
	delegated: percent,
	commission: percent,
	slash: percent,
	exitDelay: days,
	catchDays: days,
	price: { decimals: 6, min: 1n, max: 1_000_000n * MICRO_USD },
	gain: { decimals: 2, min: 0n, max: 10n ** 14n }
} satisfies Record<string, FieldSpec>;

/** A field's key. */
export type AttackField = keyof typeof ATTACK_FIELDS;

/** What the fields start at: seven of ten sequencers at the minimum lock, this world's slashing, a round METIS price. */
export const ATTACK_DEFAULTS: Record<AttackField, string> = {
	stake: '20000',
	controlled: '7',
	pool: '10',
	delegated: '0',
	commission: '10',
	slash: '100',
	exitDelay: '21',
	catchDays: '7',
	price: '10',
	gain: '1000000'
};

/** A plan and its outcome. */
export interface AttackResult {
	/** The plan the fields describe. */
	plan: AttackPlan;
	/** The plan weighed. */
	outcome: AttackOutcome;
}

/** The form read: the result when every field is good, and each bad field's problem. */
export interface AttackForm {
	/** The result, or null while a field is bad. */
	result: AttackResult | null;
	/** Problems by field. */
	problems: Partial<Record<AttackField, FieldProblem>>;
}

/** Reads the fields' texts; the attacker cannot run more sequencers than the pool has. */
export function readAttackForm(texts: Record<AttackField, string>): AttackForm {
	const { values, problems } = readFields(texts, ATTACK_FIELDS);
	if (values && values.controlled > values.pool) return { result: null, problems: { controlled: { kind: 'above', max: values.pool.toString() } } };
	if (!values) return { result: null, problems };
	const plan: AttackPlan = {
		stakePerSequencer: values.stake * METIS,
		controlled: Number(values.controlled),
		poolSize: Number(values.pool),
		delegatedBps: values.delegated,
		commissionBps: values.commission,
		slashBps: values.slash,
		exitDelayDays: Number(values.exitDelay),
		catchDays: Number(values.catchDays),
		metisPriceMicroUsd: values.price,
		gainMicroUsd: values.gain * 10_000n
	};
	return { result: { plan, outcome: weighAttack(plan) }, problems };
}

/** The defaults weighed: what the calculator shows before anything is typed. */
export function startingAttack(): AttackResult {
	const { result } = readAttackForm(ATTACK_DEFAULTS);
	if (!result) throw new Error('attackForm: the defaults must be valid');
	return result;
}
