import { describe, expect, it } from 'vitest';
import type { SimEvent, SimEventType } from '$lib/sim';
import { collectMoments, isKeyEvent, KEY_EVENTS, storyFor } from './keyEvents';

/** An event with only what the story reads: time, type and who it is about. */
const at = (t: number, type: SimEventType, about: Record<string, string> = {}) => ({ t, type, ...about }) as unknown as SimEvent;

describe('key moments', () => {
	it('knows a slash from a routine signature', () => {
		expect(isKeyEvent(at(1, 'slash'))).toBe(true);
		expect(isKeyEvent(at(1, 'batch.signature'))).toBe(false);
	});

	it('marks the first of each kind per actor, not every batch a cheater cheats in', () => {
		const events = [
			at(10, 'batch.signature'),
			at(20, 'fault.injected', { actor: 'seq-0', behaviour: 'invalid-tx' }),
			at(44, 'fault.injected', { actor: 'seq-0', behaviour: 'invalid-tx' }),
			at(50, 'slash', { sequencer: 'seq-0' }),
			at(900, 'slash', { sequencer: 'seq-1' }),
			at(5000, 'fault.injected', { actor: 'seq-0', behaviour: 'invalid-tx' })
		];
		expect(collectMoments([], events, 100).map((m) => [m.t, m.label, m.subjects])).toEqual([
			[20, 'fault', ['invalid-tx']],
			[50, 'slash', ['seq-0']],
			[900, 'slash', ['seq-1']]
		]);
	});

	it('joins moments of one kind close together into one mark, and still knows who was in it', () => {
		const slashes = [at(50, 'slash', { sequencer: 'seq-0' }), at(50, 'slash', { sequencer: 'seq-1' }), at(80, 'slash', { sequencer: 'seq-2' })];
		const moments = collectMoments([], slashes, 100);
		expect(moments).toEqual([{ t: 50, label: 'slash', type: 'slash', subjects: ['seq-0', 'seq-1', 'seq-2'] }]);
		// Fed again later (after a seek), the same actors are not marked twice.
		expect(collectMoments(moments, [at(400, 'slash', { sequencer: 'seq-1' })], 100)).toHaveLength(1);
	});

	it("starts a new chapter at an intervention, so a learner's fault and its consequences are marked again", () => {
		const first = collectMoments([], [at(20, 'validator.mismatch'), at(30, 'batch.reverted')], 10);
		const after = collectMoments(first, [at(500, 'validator.mismatch'), at(600, 'behaviour.changed', { actor: 'seq-3' }), at(700, 'validator.mismatch'), at(800, 'batch.reverted')], 10);
		expect(after.map((m) => `${m.type}@${m.t}`)).toEqual(['validator.mismatch@20', 'batch.reverted@30', 'behaviour.changed@600', 'validator.mismatch@700', 'batch.reverted@800']);
	});

	it('tours the finality ladder once, only until the story has something else to tell', () => {
		const ladder = [at(30, 'finality.signed'), at(40, 'finality.posted'), at(60, 'finality.signed')];
		expect(collectMoments([], ladder, 1).map((m) => m.label)).toEqual(['first quorum', 'first on L1']);
		expect(collectMoments([], [at(10, 'fault.injected', { actor: 'seq-0', behaviour: 'equivocate' }), ...ladder], 1).map((m) => m.type)).toEqual(['fault.injected']);
	});

	it("adds the kinds a scenario's story is about", () => {
		const story = storyFor(['rewards.forfeited', 'finality.settled']);
		const events = [at(7, 'rewards.forfeited', { sequencer: 'seq-2' }), at(8, 'rewards.forfeited', { sequencer: 'seq-2' })];
		expect(collectMoments([], events, 0, story)).toEqual([{ t: 7, label: 'rewards forfeited', type: 'rewards.forfeited', subjects: ['seq-2'] }]);
		expect(collectMoments([], events, 0)).toEqual([]);
	});

	it.each([
		['chain.rederive', 're-derived'],
		['vote.passed', 'vote passed'],
		['evidence.accepted', 'evidence accepted'],
		['proof.missing', 'proof missing']
	] as const)('marks %s as "%s"', (type, label) => {
		expect(collectMoments([], [at(7, type)], 100)).toEqual([{ t: 7, label, type, subjects: [''] }]);
	});

	it('keeps every label short enough for a timeline mark', () => {
		for (const [type, label] of Object.entries(KEY_EVENTS)) expect(label().length, type).toBeLessThanOrEqual(18);
	});
});
