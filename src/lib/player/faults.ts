/**
 * Live fault injection in a learner's words: which actions each actor on the stage offers, the
 * command each one sends and what will happen (how an actor reads on the stage is actorWords.ts).
 * Pure: the menu and the shortcuts only read these.
 */
import { m } from '$lib/paraglide/messages.js';
import type { Command, TrafficView, WorldSnapshot } from '$lib/sim';
import type { SequencerBehaviour, ValidatorBehaviour } from '$lib/sim/behaviours';
import { txRate } from './actorWords';

/** Something on the stage that has an actions menu. */
export type ActorRef = { kind: 'sequencer'; id: string } | { kind: 'validator'; id: string } | { kind: 'users' };

/** The key an actor goes by on the stage (`data-actor`): its id, or `users`. */
export function actorKey(actor: ActorRef): string {
	return actor.kind === 'users' ? 'users' : actor.id;
}

/** The actor a stage key names, or null: `seq-3`, `val-2`, `users`. */
export function actorFromKey(key: string | null | undefined): ActorRef | null {
	if (key === 'users') return { kind: 'users' };
	if (key && /^seq-\d+$/.test(key)) return { kind: 'sequencer', id: key };
	if (key && /^val-\d+$/.test(key)) return { kind: 'validator', id: key };
	return null;
}

/** One entry of an actor's actions menu. */
export interface FaultAction {
	/** Stable key (the behaviour, `traffic.double`, `eject`, `inspect`). */
	key: string;
	/** What the item says. */
	label: string;
	/** One line on what will happen. */
	explain: string;
	/** A behaviour is one of a set (a radio item); other actions are plain items. */
	radio: boolean;
	/** For radio items: the actor behaves like this now. */
	checked: boolean;
	/** The command it sends; null when it needs more (a censor target) or is not a command (inspect). */
	command: Command | null;
	/** Why it cannot be chosen now, if it cannot. */
	disabled?: string;
}

/** A sequencer as the stage knows it. */
type Sequencer = Pick<WorldSnapshot['sequencers'][number], 'id' | 'behaviour' | 'active'>;
/** A validator as the stage knows it. */
type Validator = Pick<WorldSnapshot['validators'][number], 'id' | 'behaviour'>;

/** A menu item's words: its label and what it will do. */
type Words = [label: () => string, explain: () => string];

const SEQUENCER_ITEMS: [behaviour: SequencerBehaviour, ...Words][] = [
	['offline', m.say_action_offline, m.say_action_offline_explain],
	['censor', m.say_action_censor, m.say_action_censor_explain],
	['reorder', m.say_action_reorder, m.say_action_reorder_explain],
	['wrong-state-root', m.say_action_wrong_root, m.say_action_wrong_root_explain],
	['invalid-tx', m.say_action_invalid_tx, m.say_action_invalid_tx_explain],
	['equivocate', m.say_action_equivocate, m.say_action_equivocate_explain],
	['honest', m.say_action_honest, m.say_action_honest_explain]
];

const VALIDATOR_ITEMS: [behaviour: ValidatorBehaviour, ...Words][] = [
	['lazy', m.say_action_lazy, m.say_action_lazy_explain],
	['offline', m.say_action_offline, m.say_action_validator_offline_explain],
	['honest', m.say_action_honest, m.say_action_validator_honest_explain]
];

/** A sequencer's actions: the behaviours (the current one checked), ejection by the administrator, and Inspect. */
export function sequencerActions(seq: Sequencer, options: { inspect?: boolean } = {}): FaultAction[] {
	const items: FaultAction[] = SEQUENCER_ITEMS.map(([behaviour, label, explain]) => ({
		key: behaviour,
		label: label(),
		explain: explain(),
		radio: true,
		checked: seq.behaviour === behaviour,
		command: behaviour === 'censor' ? null : { type: 'sequencer.behaviour', sequencer: seq.id, behaviour }
	}));
	items.push({
		key: 'eject',
		label: m.say_action_eject(),
		explain: m.say_action_eject_explain(),
		radio: false,
		checked: false,
		command: { type: 'admin.eject', sequencer: seq.id },
		disabled: seq.active ? undefined : m.say_action_eject_inactive()
	});
	if (options.inspect) items.push(inspectAction(seq.id));
	return items;
}

/** A validator's actions: lazy, offline or honest (the current one checked), and Inspect. */
export function validatorActions(val: Validator, options: { inspect?: boolean } = {}): FaultAction[] {
	const items: FaultAction[] = VALIDATOR_ITEMS.map(([behaviour, label, explain]) => ({
		key: behaviour,
		label: label(),
		explain: explain(),
		radio: true,
		checked: val.behaviour === behaviour,
		command: { type: 'validator.behaviour', validator: val.id, behaviour }
	}));
	if (options.inspect) items.push(inspectAction(val.id));
	return items;
}

function inspectAction(id: string): FaultAction {
	return { key: 'inspect', label: m.say_action_inspect(), explain: m.say_action_inspect_explain({ id }), radio: false, checked: false, command: null };
}

/** Most transactions a second a command may ask for. */
export const MAX_TX_PER_SECOND = 1000;

/** The traffic actions: double, halve, stop (or restart at the world's own rate when stopped). */
export function trafficActions(options: { rate: number; genesisRate: number; ended: boolean }): FaultAction[] {
	const { rate, ended } = options;
	const base = options.genesisRate > 0 ? options.genesisRate : 1;
	const disabled = ended ? m.say_traffic_ended() : undefined;
	const items: FaultAction[] = [];
	const add = (key: string, label: string, to: number, explain: string) =>
		items.push({ key, label, explain, radio: false, checked: false, command: { type: 'traffic.rate', txPerSecond: to }, disabled });
	if (rate > 0) {
		const up = Math.min(MAX_TX_PER_SECOND, rate * 2);
		add('traffic.double', m.say_traffic_double(), up, m.say_traffic_change_explain({ to: txRate(up), from: txRate(rate) }));
		add('traffic.halve', m.say_traffic_halve(), rate / 2, m.say_traffic_change_explain({ to: txRate(rate / 2), from: txRate(rate) }));
		add('traffic.stop', m.say_traffic_stop(), 0, m.say_traffic_stop_explain());
	} else add('traffic.restart', m.say_traffic_restart(), base, m.say_traffic_restart_explain({ rate: txRate(base) }));
	if (rate === MAX_TX_PER_SECOND && items[0]) items[0].disabled ??= m.say_traffic_most({ rate: txRate(MAX_TX_PER_SECOND) });
	return items;
}

/** The command "double the traffic" sends (or, when stopped, restart at the world's own rate). */
export function doubleTraffic(rate: number, genesisRate: number): Command {
	return { type: 'traffic.rate', txPerSecond: rate > 0 ? Math.min(MAX_TX_PER_SECOND, rate * 2) : genesisRate > 0 ? genesisRate : 1 };
}

/** The command "halve the traffic" sends. */
export function halveTraffic(rate: number): Command {
	return { type: 'traffic.rate', txPerSecond: rate / 2 };
}

/** What the traffic keys say instead of acting, or null when they may act. */
export function trafficRefusal(traffic: Pick<TrafficView, 'txPerSecond' | 'ended'>, change: 'double' | 'halve'): string | null {
	if (traffic.ended) return m.say_traffic_ended();
	if (change === 'halve' && traffic.txPerSecond === 0) return m.say_traffic_already_stopped();
	if (change === 'double' && traffic.txPerSecond >= MAX_TX_PER_SECOND) return m.say_traffic_most({ rate: txRate(MAX_TX_PER_SECOND) });
	return null;
}

/** The command that makes a sequencer censor a user. */
export function censorCommand(sequencer: string, user: number): Command {
	return { type: 'sequencer.behaviour', sequencer, behaviour: 'censor', target: `user-${user}` };
}

/** The user a censor targets by default: whoever sent most recently (else user-0), as an index. */
export function defaultCensorTarget(recentSenders: readonly string[], users: number): number {
	for (let i = recentSenders.length - 1; i >= 0; i--) {
		const n = Number(/^user-(\d+)$/.exec(recentSenders[i])?.[1]);
		if (Number.isInteger(n) && n < users) return n;
	}
	return 0;
}

/** The command that makes the proposer go offline, or null when there is none. */
export function proposerOffline(snapshot: Pick<WorldSnapshot, 'proposer'>): Command | null {
	return snapshot.proposer ? { type: 'sequencer.behaviour', sequencer: snapshot.proposer, behaviour: 'offline' } : null;
}

/** The commands that make every misbehaving sequencer and validator honest again. */
export function everyoneHonest(snapshot: Pick<WorldSnapshot, 'sequencers' | 'validators'>): Command[] {
	return [
		...snapshot.sequencers.filter((s) => s.behaviour !== 'honest').map((s): Command => ({ type: 'sequencer.behaviour', sequencer: s.id, behaviour: 'honest' })),
		...snapshot.validators.filter((v) => v.behaviour !== 'honest').map((v): Command => ({ type: 'validator.behaviour', validator: v.id, behaviour: 'honest' }))
	];
}
