import { describe, expect, it } from 'vitest';
import demo from '../../../content/scenarios/demo.json';
import censorship from '../../../content/scenarios/censorship-forced-inclusion.json';
import quorumLoss from '../../../content/scenarios/quorum-loss.json';
import { parseScenario } from '$lib/sim/scenario';
import { missingActor, reshapeScenario, shapeOf, SHAPE_LIMITS } from './reshape';

type Json = { users: number; validators: number | unknown[]; sequencers: { stake: string; commissionBps?: number; delegations?: { user: number }[] }[]; timeline?: unknown[]; expect?: unknown };

function reshaped(input: unknown, shape: Parameters<typeof reshapeScenario>[1]) {
	const r = reshapeScenario(input, shape);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	expect(parseScenario(r.scenario).ok).toBe(true);
	return { json: r.scenario as unknown as Json, dropped: r.dropped };
}

describe('reshaping a scenario', () => {
	it('takes its limits from the scenario schema', () => {
		expect(SHAPE_LIMITS).toEqual({ sequencers: { min: 1, max: 100 }, validators: { min: 0, max: 500 }, users: { min: 0, max: 5000 } });
	});

	it('leaves a scenario alone when the shape matches it or is empty', () => {
		for (const shape of [{}, { sequencers: 7, validators: 20, users: 200 }]) {
			const r = reshapeScenario(demo, shape);
			expect(r).toEqual({ ok: true, scenario: demo, dropped: [] });
		}
	});

	it('grows the pool by repeating the stakes in turn, without delegations', () => {
		const { json, dropped } = reshaped(demo, { sequencers: 10 });
		expect(json.sequencers.map((s) => s.stake)).toEqual(['60000', '45000', '30000', '80000', '25000', '50000', '20000', '60000', '45000', '30000']);
		expect(json.sequencers.slice(7).every((s) => s.delegations === undefined)).toBe(true);
		expect(json.sequencers[3].commissionBps).toBe(800);
		expect(json.sequencers[0].delegations).toHaveLength(2);
		expect(json.expect).toBeUndefined();
		expect(dropped).toEqual([]);
	});

	it('shrinking users drops delegations from users who would not exist, and names them', () => {
		const { json, dropped } = reshaped(demo, { users: 2 });
		expect(json.users).toBe(2);
		expect(json.sequencers[0].delegations).toHaveLength(2);
		expect(json.sequencers[1].delegations).toEqual([]);
		expect(dropped).toEqual(['the delegation of user-2 to seq-1', 'the delegation of user-3 to seq-4']);
	});

	it('shrinking the pool drops timeline entries that name removed sequencers', () => {
		const before = shapeOf(quorumLoss as Json);
		const { json, dropped } = reshaped(quorumLoss, { sequencers: 2 });
		expect(json.sequencers).toHaveLength(2);
		expect((json.timeline ?? []).length).toBeLessThan((quorumLoss.timeline ?? []).length);
		expect(dropped.every((d) => /^the timeline's sequencer\.behaviour at .* \(seq-\d+ would not exist\)$/.test(d))).toBe(true);
		expect(before.sequencers).toBe(6);
	});

	it('grows a list of validators with honest ones and shrinks it from the end', () => {
		const list = { ...demo, validators: [{ behaviour: 'lazy' }, {}, { behaviour: 'lazy' }] };
		expect(reshaped(list, { validators: 5 }).json.validators).toEqual([{ behaviour: 'lazy' }, {}, { behaviour: 'lazy' }, {}, {}]);
		const shrunk = reshaped(list, { validators: 1 });
		expect(shrunk.json.validators).toEqual([{ behaviour: 'lazy' }]);
		expect(shrunk.dropped).toEqual(['val-2 (lazy)']);
	});

	it.each([
		[{ sequencers: 0 }, 'sequencers', 'expected a whole number of sequencers from 1 to 100'],
		[{ sequencers: 101 }, 'sequencers', 'expected a whole number of sequencers from 1 to 100'],
		[{ validators: 501 }, 'validators', 'expected a whole number of validators from 0 to 500'],
		[{ users: 5001 }, 'users', 'expected a whole number of users from 0 to 5000'],
		[{ users: 2.5 }, 'users', 'expected a whole number of users from 0 to 5000'],
		[{ users: 3 }, 'users', 'seq-0 censors user-3: keep at least 4 users']
	])('refuses %j naming the %s', (shape, field, message) => {
		const r = reshapeScenario(censorship, shape);
		expect(r).toEqual({ ok: false, errors: [{ field, message }] });
	});

	it('reports a broken scenario by its field', () => {
		const r = reshapeScenario({ ...demo, users: -1 }, { users: 5 });
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors[0].field).toBe('users');
	});

	it.each([
		[{ type: 'sequencer.behaviour', sequencer: 'seq-4', behaviour: 'offline' }, 'seq-4'],
		[{ type: 'sequencer.behaviour', sequencer: 'seq-0', behaviour: 'censor', target: 'user-9' }, 'user-9'],
		[{ type: 'validator.behaviour', validator: 'val-2', behaviour: 'lazy' }, null],
		[{ type: 'stake.claim', owner: 'val-3' }, 'val-3'],
		[{ type: 'traffic.rate', txPerSecond: 3 }, null]
	] as const)('finds the missing actor in %j', (command, missing) => {
		expect(missingActor(command, { sequencers: 4, validators: 3, users: 9 })).toBe(missing);
	});
});
