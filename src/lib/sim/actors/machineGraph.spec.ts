import { ACTOR_MACHINES } from './machineList';
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { disputeGameMachine } from './disputeGameMachine';
import { activeStateIds, delaysNow, machineGraph, type MachineTransition } from './machineGraph';
import { sequencerMachine } from './sequencerMachine';
import { userMachine } from './userMachine';
import { validatorMachine } from './validatorMachine';

const MACHINES = ACTOR_MACHINES;

interface RawNode {
	id?: string;
	initial?: string;
	type?: string;
	states?: Record<string, RawNode>;
	on?: Record<string, unknown>;
	after?: Record<string, unknown>;
	always?: unknown;
}

/** Transitions as one line each, e.g. `peer.reviewing after:reviewTime -> peer.watching`, read straight from the config. */
function fromConfig(machine: AnyStateMachine): { states: string[]; transitions: string[] } {
	const states: string[] = [];
	const transitions: string[] = [];
	const resolve = (path: string[], target: string): string => {
		if (target.startsWith('#')) return target.slice(1);
		return [machine.id, ...path.slice(0, -1), target].join('.');
	};
	const add = (path: string[], trigger: string, raw: unknown) => {
		for (const t of Array.isArray(raw) ? raw : [raw]) {
			const spec = (typeof t === 'string' ? { target: t } : t) as { target?: string; guard?: string };
			transitions.push(`${[machine.id, ...path].join('.')} ${trigger}${spec.guard ? ` [${spec.guard}]` : ''} -> ${spec.target ? resolve(path, spec.target) : '(stays)'}`);
		}
	};
	const walk = (node: RawNode, path: string[]) => {
		states.push([machine.id, ...path].join('.'));
		for (const [event, raw] of Object.entries(node.on ?? {})) add(path, event, raw);
		for (const [delay, raw] of Object.entries(node.after ?? {})) add(path, `after:${delay}`, raw);
		if (node.always) add(path, 'always', node.always);
		for (const [key, child] of Object.entries(node.states ?? {})) walk(child, [...path, key]);
	};
	walk(machine.config as RawNode, []);
	return { states, transitions };
}

function line(t: MachineTransition): string {
	const trigger = t.trigger.kind === 'event' ? t.trigger.event : t.trigger.kind === 'after' ? `after:${t.trigger.delay}` : 'always';
	return `${t.source} ${trigger}${t.guard ? ` [${t.guard}]` : ''} -> ${t.targets.length ? t.targets.join(',') : '(stays)'}`;
}

describe('machineGraph: the same states and transitions as each machine definition, none invented', () => {
	it.each(MACHINES)('%s', (_name, machine) => {
		const graph = machineGraph(machine);
		const config = fromConfig(machine);
		expect(graph.states.map((s) => s.id)).toEqual(config.states);
		expect(graph.transitions.map(line).sort()).toEqual(config.transitions.sort());
		// Every parent and target is a state of the graph.
		const ids = new Set(graph.states.map((s) => s.id));
		for (const s of graph.states.slice(1)) expect(ids.has(s.parent!)).toBe(true);
		for (const t of graph.transitions) for (const target of t.targets) expect(ids.has(target)).toBe(true);
	});

	it('is built once per machine', () => {
		expect(machineGraph(sequencerMachine)).toBe(machineGraph(sequencerMachine));
	});
});

describe('machineGraph: the sequencer, read as its statechart', () => {
	const graph = machineGraph(sequencerMachine);
	const state = (id: string) => graph.states.find((s) => s.id === `sequencer.${id}`)!;

	it.each([
		['candidate', 'sequencer', 'atomic', true],
		['peer', 'sequencer', 'compound', false],
		['peer.watching', 'sequencer.peer', 'atomic', true],
		['proposer', 'sequencer', 'parallel', false],
		['proposer.blocks', 'sequencer.proposer', 'compound', true],
		['proposer.blocks.building', 'sequencer.proposer.blocks', 'atomic', true],
		['proposer.blocks.idle', 'sequencer.proposer.blocks', 'atomic', false],
		['proposer.batch.collecting', 'sequencer.proposer.batch', 'atomic', false]
	])('%s: parent %s, %s, initial %s', (id, parent, type, initial) => {
		expect(state(id)).toMatchObject({ parent, type, initial });
	});

	it('keeps descriptions, delays, re-entry and actions', () => {
		expect(state('candidate').description).toMatch(/whitelist/);
		const tick = graph.transitions.find((t) => t.source === 'sequencer.proposer.blocks.building' && t.trigger.kind === 'after')!;
		expect(tick).toMatchObject({ trigger: { kind: 'after', delay: 'blockTime' }, targets: ['sequencer.proposer.blocks.building'], reenter: true, actions: ['buildBlock'] });
		const timing = graph.transitions.find((t) => t.source === 'sequencer')!;
		expect(timing).toMatchObject({ trigger: { kind: 'event', event: 'timing.updated' }, targets: [], actions: ['updateTiming'] });
	});
});

describe('machineGraph: guards, otherwise cases and always', () => {
	it('names the validator guards in the order xstate tries them', () => {
		const after = machineGraph(validatorMachine).transitions.filter((t) => t.source === 'validator.checking' && t.trigger.kind === 'after');
		expect(after.map((t) => [t.guard, t.otherwise, t.targets[0]])).toEqual([
			['isOffline', false, 'validator.watching'],
			['isLazy', false, 'validator.next'],
			[null, true, 'validator.next']
		]);
		expect(after[0].description).toMatch(/offline mid-check/);
		const always = machineGraph(validatorMachine).transitions.filter((t) => t.trigger.kind === 'always');
		expect(always.map((t) => [t.guard, t.otherwise, t.targets[0]])).toEqual([
			['hasQueuedBatches', false, 'validator.checking'],
			[null, true, 'validator.watching']
		]);
	});

	it('follows #id targets out of nested states in the dispute game', () => {
		const t = machineGraph(disputeGameMachine).transitions.find((x) => x.source === 'disputeGame.steps.narrowing' && x.guard === 'isOneApart')!;
		expect(t).toMatchObject({ trigger: { kind: 'always' }, targets: ['disputeGame.oneStep'] });
		expect(machineGraph(disputeGameMachine).states.filter((s) => s.type === 'final').map((s) => s.key)).toEqual(['challengerWins', 'defenderWins']);
	});
});

describe('activeStateIds and delaysNow', () => {
	it.each([
		['candidate', ['sequencer', 'sequencer.candidate']],
		[{ peer: 'reviewing' }, ['sequencer', 'sequencer.peer', 'sequencer.peer.reviewing']],
		[
			{ proposer: { blocks: 'idle', batch: 'open' } },
			['sequencer', 'sequencer.proposer', 'sequencer.proposer.blocks', 'sequencer.proposer.blocks.idle', 'sequencer.proposer.batch', 'sequencer.proposer.batch.open']
		]
	])('%j lights %j', (value, ids) => {
		expect(activeStateIds(sequencerMachine, value)).toEqual(ids);
	});

	it('resolves named delays from the context now', () => {
		expect(delaysNow(sequencerMachine, { l2BlockMs: 2000, reviewMs: 500, signTimeoutMs: 9000 })).toEqual({ reviewTime: 500, blockTime: 2000, signTimeout: 9000 });
		expect(delaysNow(userMachine, {})).toEqual({});
	});
});
