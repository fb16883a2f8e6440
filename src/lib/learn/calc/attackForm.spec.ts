import { describe, expect, it } from 'vitest';
import { METIS } from '$lib/sim/units';
import { ATTACK_DEFAULTS, readAttackForm, startingAttack } from './attackForm';

describe('readAttackForm', () => {
	it('makes its defaults into seven of ten sequencers at the minimum lock, in wei, basis points and micro-dollars', () => {
		const form = readAttackForm(ATTACK_DEFAULTS);
		expect(form.result?.plan).toMatchObject({ stakePerSequencer: 20_000n * METIS, controlled: 7, poolSize: 10, commissionBps: 1000n, slashBps: 10_000n, metisPriceMicroUsd: 10_000_000n, gainMicroUsd: 1_000_000_000_000n });
		expect(form.result?.outcome.verdict).toBe('loses');
		expect(form.problems).toEqual({});
		expect(startingAttack()).toEqual(form.result);
	});

	it.each([
		['stake', '5000', { kind: 'below', min: '20,000' }],
		['stake', '1e300', { kind: 'above', max: '100,000' }],
		['controlled', '11', { kind: 'above', max: '10' }],
		['slash', '101', { kind: 'above', max: '100' }],
		['price', '0', { kind: 'below', min: '0.000001' }],
		['gain', '-1', { kind: 'negative' }],
		['gain', '', { kind: 'empty' }],
		['exitDelay', 'three weeks', { kind: 'not-a-number' }]
	] as const)('refuses %s = %j and weighs nothing', (field, text, problem) => {
		expect(readAttackForm({ ...ATTACK_DEFAULTS, [field]: text })).toEqual({ result: null, problems: { [field]: problem } });
	});
});
