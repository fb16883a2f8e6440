import { describe, expect, it } from 'vitest';
import type { SimEvent } from '$lib/sim';
import type { NewEvent } from '$lib/sim/events';
import { BatchLedger } from './batchLedger';
import { behaviourSentence, faultBadge, sequencerName, trafficPhrase, trafficShort, validatorName } from './actorWords';
import { describe as say } from './narration';

describe('traffic words', () => {
	it.each([
		[{ txPerSecond: 5, sending: true, ended: false }, '5 tx/s', '5 transactions a second'],
		[{ txPerSecond: 2.5, sending: true, ended: false }, '2.5 tx/s', '2.5 transactions a second'],
		[{ txPerSecond: 0, sending: false, ended: false }, 'traffic stopped', 'traffic stopped'],
		[{ txPerSecond: 1, sending: false, ended: false }, 'idle', 'not sending yet'],
		[{ txPerSecond: 1, sending: false, ended: true }, 'traffic ended', 'traffic ended']
	])('the traffic %o reads "%s" on the panel and "%s" in a sentence', (traffic, short, phrase) => {
		expect(trafficShort(traffic)).toBe(short);
		expect(trafficPhrase(traffic)).toBe(phrase);
	});
});

describe('names, badges and narration', () => {
	it('names an actor with its role, stake and behaviour', () => {
		expect(sequencerName({ id: 'seq-3', proposer: true, stake: 60_000, behaviour: 'honest', active: true })).toBe('seq-3, proposer, stake 60k METIS, honest — open actions');
		expect(sequencerName({ id: 'seq-4', proposer: false, stake: 950, behaviour: 'equivocate', active: false })).toBe('seq-4, not active, stake 950 METIS, equivocating — open actions');
		expect(validatorName({ id: 'val-2', behaviour: 'lazy', checked: 1 })).toBe('val-2, lazy (approves without checking), 1 check — open actions');
		expect(validatorName({ id: 'val-0', behaviour: 'honest', checked: 3 }, 'roots matched')).toBe('val-0, honest, roots matched, 3 checks — open actions');
	});

	it.each([
		['honest', null],
		['offline', { word: 'offline', mark: '✗' }],
		['censor', { word: 'censors', mark: 'C' }],
		['reorder', { word: 'sandwich', mark: 'S' }],
		['wrong-state-root', { word: 'bad root', mark: 'R' }],
		['invalid-tx', { word: 'bad tx', mark: 'T' }],
		['equivocate', { word: '2 headers', mark: 'E' }],
		['lazy', { word: 'lazy', mark: 'z' }]
	])('a %s actor wears %j', (behaviour, badge) => expect(faultBadge(behaviour)).toEqual(badge));

	it.each<[NewEvent, string, number]>([
		[{ type: 'behaviour.changed', actor: 'seq-3', behaviour: 'offline', target: null }, 'seq-3 goes offline', 3],
		[{ type: 'behaviour.changed', actor: 'seq-3', behaviour: 'censor', target: 'user-7' }, 'seq-3 starts censoring user-7: as proposer it will leave out their transactions', 3],
		[{ type: 'behaviour.changed', actor: 'val-2', behaviour: 'lazy', target: null }, 'val-2 turns lazy: it will approve batches without re-executing them', 3],
		[{ type: 'behaviour.changed', actor: 'seq-3', behaviour: 'honest', target: null }, 'seq-3 is honest again', 2],
		[{ type: 'command.applied', command: 'traffic.rate', detail: '{"type":"traffic.rate","txPerSecond":10}' }, 'You set the traffic to 10 transactions a second', 2],
		[{ type: 'command.applied', command: 'traffic.rate', detail: '{"type":"traffic.rate","txPerSecond":0}' }, 'You stopped the traffic: users send nothing more', 2],
		[{ type: 'command.refused', command: 'admin.eject', reason: 'not active' }, 'Your change (an ejection) was refused: not active', 3]
	])('narrates %j as "%s"', (event, text, weight) => {
		expect(say({ t: 0, ...event } as SimEvent, new BatchLedger())).toEqual({ text, weight });
	});

	it('says nothing for a behaviour command (its behaviour.changed says it)', () => {
		expect(say({ t: 0, type: 'command.applied', command: 'sequencer.behaviour', detail: '{}' }, new BatchLedger())).toBeNull();
	});

	it('every sentence names the actor', () => {
		for (const b of ['honest', 'offline', 'censor', 'reorder', 'wrong-state-root', 'invalid-tx', 'equivocate', 'lazy']) expect(behaviourSentence('seq-9', b)).toMatch(/^seq-9 /);
	});
});
