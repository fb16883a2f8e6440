/**
 * A machine's statechart as plain data, read from its xstate v5 definition (`machine.root`), so the
 * page can draw it without loading xstate: every state node and every transition, `after` and
 * `always` included. The definition never changes, so each machine's graph is built once.
 */
import type { AnyStateMachine, StateValue } from 'xstate';

/** One state node. */
export interface MachineState {
	/** Its xstate id, e.g. `sequencer.peer.watching` (the root's id is the machine's). */
	id: string;
	/** Its key under its parent, e.g. `watching`; the root's is the machine id. */
	key: string;
	/** Its parent's id, or null for the root. */
	parent: string | null;
	/** atomic, compound (one child at a time), parallel (all children at once), final or history. */
	type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
	/** Entered by default with its parent: the parent's initial child, or any region of a parallel parent. */
	initial: boolean;
	/** The `description` written on the state, or null. */
	description: string | null;
}

/** What fires a transition. */
export type MachineTrigger =
	| { /** An event sent to the actor. */ kind: 'event'; /** The event type, e.g. `batch.received`. */ event: string }
	| { /** A delay after entering the source. */ kind: 'after'; /** A named delay from `setup({ delays })`, or milliseconds. */ delay: string | number }
	| { /** Taken as soon as its guard holds (an eventless transition). */ kind: 'always' };

/** One transition, in the order xstate tries them. */
export interface MachineTransition {
	/** The state node it is declared on. */
	source: string;
	/** Target state ids; empty when it stays put and only runs actions. */
	targets: string[];
	/** What fires it. */
	trigger: MachineTrigger;
	/** Its guard's name, or null when unguarded. */
	guard: string | null;
	/** Unguarded, but an earlier transition for the same trigger had a guard: the "otherwise" case. */
	otherwise: boolean;
	/** Exits and re-enters the target even when it is the source (restarts its timers). */
	reenter: boolean;
	/** Names of the actions it runs. */
	actions: string[];
	/** The `description` written on the transition, or null. */
	description: string | null;
}

/** A machine's states and transitions. */
export interface MachineGraph {
	/** The machine's id, e.g. `sequencer`. */
	id: string;
	/** Every state node, the root first, in document order. */
	states: MachineState[];
	/** Every transition, grouped by source in document order. */
	transitions: MachineTransition[];
}

/** The parts of xstate's StateNode this reads (its public fields). */
interface NodeLike {
	id: string;
	key: string;
	type: MachineState['type'];
	description?: string;
	parent?: NodeLike;
	states: Record<string, NodeLike>;
	initial: { target: readonly NodeLike[] };
	transitions: Map<string, TransitionLike[]>;
	always?: TransitionLike[];
}

interface TransitionLike {
	target?: readonly NodeLike[];
	guard?: unknown;
	reenter: boolean;
	actions: readonly unknown[];
	description?: string;
	delay?: string | number | ((...args: never[]) => number);
}

const graphs = new WeakMap<AnyStateMachine, MachineGraph>();

/** The graph of a machine, built on first use and then cached. */
export function machineGraph(machine: AnyStateMachine): MachineGraph {
	let graph = graphs.get(machine);
	if (!graph) {
		graph = buildGraph(machine.root as unknown as NodeLike, machine.id);
		graphs.set(machine, graph);
	}
	return graph;
}

function buildGraph(root: NodeLike, id: string): MachineGraph {
	const states: MachineState[] = [];
	const transitions: MachineTransition[] = [];
	const visit = (node: NodeLike) => {
		const parent = node.parent ?? null;
		const initial = !parent || parent.type === 'parallel' || parent.initial.target.some((t) => t === node);
		states.push({ id: node.id, key: parent ? node.key : id, parent: parent?.id ?? null, type: node.type, initial, description: node.description ?? null });
		for (const [eventType, list] of node.transitions) transitions.push(...list.map((t, i) => toTransition(node, t, triggerOf(eventType, t), list.slice(0, i))));
		if (node.always) transitions.push(...node.always.map((t, i, list) => toTransition(node, t, { kind: 'always' }, list.slice(0, i))));
		for (const child of Object.values(node.states)) visit(child);
	};
	visit(root);
	return { id, states, transitions };
}

function triggerOf(eventType: string, t: TransitionLike): MachineTrigger {
	if (t.delay !== undefined) return { kind: 'after', delay: typeof t.delay === 'function' ? 'inline delay' : t.delay };
	return { kind: 'event', event: eventType };
}

function toTransition(node: NodeLike, t: TransitionLike, trigger: MachineTrigger, before: TransitionLike[]): MachineTransition {
	const guard = t.guard === undefined ? null : nameOf(t.guard, 'inline guard');
	return {
		source: node.id,
		targets: (t.target ?? []).map((n) => n.id),
		trigger,
		guard,
		otherwise: guard === null && before.some((b) => b.guard !== undefined),
		reenter: t.reenter,
		actions: t.actions.map((a) => nameOf(a, 'inline action')),
		description: t.description ?? null
	};
}

/** A guard's or action's name: `'isLazy'`, `{ type: 'isLazy' }`, or a function's name. */
function nameOf(thing: unknown, fallback: string): string {
	if (typeof thing === 'string') return thing;
	if (thing && typeof thing === 'object' && typeof (thing as { type?: unknown }).type === 'string') return (thing as { type: string }).type;
	if (typeof thing === 'function') return thing.name || fallback;
	return fallback;
}

/** The ids of every active state node for a state value, outermost first (the root included). */
export function activeStateIds(machine: AnyStateMachine, value: StateValue): string[] {
	const out: string[] = [machine.root.id];
	const walk = (node: NodeLike, v: StateValue) => {
		const entries: [string, StateValue | null][] = typeof v === 'string' ? [[v, null]] : Object.entries(v).map(([k, sub]) => [k, sub as StateValue]);
		for (const [key, sub] of entries) {
			const child = node.states[key];
			if (!child) continue;
			out.push(child.id);
			if (sub !== null && sub !== undefined) walk(child, sub);
		}
	};
	walk(machine.root as unknown as NodeLike, value);
	return out;
}

/** The current length in ms of each named delay the graph uses, from the actor's context now. */
export function delaysNow(machine: AnyStateMachine, context: unknown): Record<string, number> {
	const out: Record<string, number> = {};
	const delays = (machine.implementations?.delays ?? {}) as Record<string, unknown>;
	for (const t of machineGraph(machine).transitions) {
		if (t.trigger.kind !== 'after' || typeof t.trigger.delay !== 'string' || t.trigger.delay in out) continue;
		const delay = delays[t.trigger.delay];
		const ms = typeof delay === 'function' ? delay({ context, event: { type: '' } }) : delay;
		if (typeof ms === 'number' && Number.isFinite(ms)) out[t.trigger.delay] = ms;
	}
	return out;
}
