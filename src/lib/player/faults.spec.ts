import { describe, expect, it } from 'vitest';
import { parseCommand, type Command } from '$lib/sim';
import {
	actorFromKey,
	actorKey,
	censorCommand,
	defaultCensorTarget,
	doubleTraffic,
	everyoneHonest,
	halveTraffic,
	proposerOffline,
	sequencerActions,
	trafficActions,
	trafficRefusal,
	validatorActions
} from './faults';

const seq = { id: 'seq-3', behaviour: 'honest', active: true };

describe('a sequencer’s actions', () => {
	it('offers every behaviour in a learner’s words, the current one checked, then ejection', () => {
		const items = sequencerActions({ ...seq, behaviour: 'reorder' });
		expect(items.map((i) => i.label)).toEqual([
			'Go offline',
			'Censor a user…',
			'Reorder for profit (sandwich)',
			'Sign a wrong state root',
			'Slip in an invalid transaction',
			'Equivocate (sign two headers)',
			'Back to honest',
			'Eject from the pool (administrator)'
		]);
		expect(items.filter((i) => i.checked).map((i) => i.key)).toEqual(['reorder']);
		expect(items.filter((i) => i.radio)).toHaveLength(7);
		for (const i of items) expect(i.explain.length).toBeGreaterThan(20);
	});

	it.each([
		['offline', { type: 'sequencer.behaviour', sequencer: 'seq-3', behaviour: 'offline' }],
		['wrong-state-root', { type: 'sequencer.behaviour', sequencer: 'seq-3', behaviour: 'wrong-state-root' }],
		['equivocate', { type: 'sequencer.behaviour', sequencer: 'seq-3', behaviour: 'equivocate' }],
		['honest', { type: 'sequencer.behaviour', sequencer: 'seq-3', behaviour: 'honest' }],
		['eject', { type: 'admin.eject', sequencer: 'seq-3' }],
		['censor', null]
	])('%s sends %j, a command the world accepts', (key, command) => {
		const item = sequencerActions(seq).find((i) => i.key === key);
		expect(item?.command).toEqual(command);
		if (command) expect(parseCommand(command).ok).toBe(true);
	});

	it('censoring needs a target user, defaulting to whoever sent last', () => {
		const c = censorCommand('seq-3', defaultCensorTarget(['user-4', 'user-9'], 200));
		expect(c).toEqual({ type: 'sequencer.behaviour', sequencer: 'seq-3', behaviour: 'censor', target: 'user-9' });
		expect(parseCommand(c).ok).toBe(true);
		expect(defaultCensorTarget([], 200)).toBe(0);
		expect(defaultCensorTarget(['user-250'], 200)).toBe(0);
	});

	it('an inactive sequencer cannot be ejected, and Inspect appears only when asked for', () => {
		const items = sequencerActions({ ...seq, active: false }, { inspect: true });
		expect(items.find((i) => i.key === 'eject')?.disabled).toMatch(/not in the active set/);
		expect(items.at(-1)).toMatchObject({ key: 'inspect', label: 'Inspect', command: null });
		expect(sequencerActions(seq).some((i) => i.key === 'inspect')).toBe(false);
	});
});

describe('a validator’s actions', () => {
	it('offers lazy, offline and honest, the current one checked', () => {
		const items = validatorActions({ id: 'val-2', behaviour: 'lazy' });
		expect(items.map((i) => [i.label, i.checked])).toEqual([
			['Be lazy (approve without checking)', true],
			['Go offline', false],
			['Back to honest', false]
		]);
		expect(items[0].command).toEqual({ type: 'validator.behaviour', validator: 'val-2', behaviour: 'lazy' });
		for (const i of items) expect(parseCommand(i.command).ok).toBe(true);
	});
});

describe('traffic', () => {
	it.each([
		[5, ['Double the traffic', 10, 'Halve the traffic', 2.5, 'Stop traffic', 0]],
		[0, ['Restart traffic', 5]]
	])('at %d tx/s the users offer %j', (rate, expected) => {
		const items = trafficActions({ rate, genesisRate: 5, ended: false });
		expect(items.flatMap((i) => [i.label, (i.command as Extract<Command, { type: 'traffic.rate' }>).txPerSecond])).toEqual(expected);
	});

	it('says what will happen, and nothing is offered once traffic has ended', () => {
		expect(trafficActions({ rate: 5, genesisRate: 5, ended: false })[0].explain).toBe('Users send 10 transactions a second instead of 5 transactions a second.');
		expect(trafficActions({ rate: 5, genesisRate: 5, ended: true }).every((i) => i.disabled)).toBe(true);
		expect(trafficActions({ rate: 1000, genesisRate: 5, ended: false })[0].disabled).toMatch(/most a world allows/);
	});

	it.each([
		[{ txPerSecond: 1, ended: true }, 'double', /has ended/],
		[{ txPerSecond: 0, ended: false }, 'halve', /already stopped/],
		[{ txPerSecond: 1000, ended: false }, 'double', /most a world allows/],
		[{ txPerSecond: 5, ended: false }, 'double', null]
	] as const)('the traffic keys on %o (%s) say %s', (traffic, change, said) => {
		const refusal = trafficRefusal(traffic, change);
		if (said === null) expect(refusal).toBeNull();
		else expect(refusal).toMatch(said);
	});

	it.each([
		[5, 5, 10],
		[800, 5, 1000],
		[0, 5, 5],
		[0, 0, 1]
	])('doubling %d tx/s (world rate %d) asks for %d', (rate, genesis, to) => {
		expect(doubleTraffic(rate, genesis)).toEqual({ type: 'traffic.rate', txPerSecond: to });
	});

	it('halving 5 tx/s asks for 2.5', () => expect(halveTraffic(5)).toEqual({ type: 'traffic.rate', txPerSecond: 2.5 }));
});

describe('keys and presenter commands', () => {
	const snapshot = {
		proposer: 'seq-1',
		sequencers: [
			{ id: 'seq-0', behaviour: 'honest' },
			{ id: 'seq-1', behaviour: 'offline' },
			{ id: 'seq-2', behaviour: 'censor' }
		],
		validators: [
			{ id: 'val-0', behaviour: 'lazy' },
			{ id: 'val-1', behaviour: 'honest' }
		]
	} as never;

	it('"o" takes the proposer offline; with no proposer there is nothing to do', () => {
		expect(proposerOffline(snapshot)).toEqual({ type: 'sequencer.behaviour', sequencer: 'seq-1', behaviour: 'offline' });
		expect(proposerOffline({ proposer: null })).toBeNull();
	});

	it('"h" makes only the misbehaving actors honest', () => {
		expect(everyoneHonest(snapshot)).toEqual([
			{ type: 'sequencer.behaviour', sequencer: 'seq-1', behaviour: 'honest' },
			{ type: 'sequencer.behaviour', sequencer: 'seq-2', behaviour: 'honest' },
			{ type: 'validator.behaviour', validator: 'val-0', behaviour: 'honest' }
		]);
	});

	it.each([
		['users', { kind: 'users' }],
		['seq-12', { kind: 'sequencer', id: 'seq-12' }],
		['val-0', { kind: 'validator', id: 'val-0' }],
		['batch-3', null],
		[null, null]
	])('the stage key %s names %j', (key, actor) => {
		expect(actorFromKey(key)).toEqual(actor);
		if (actor) expect(actorKey(actor as never)).toBe(key);
	});
});
