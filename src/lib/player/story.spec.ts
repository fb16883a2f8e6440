import { describe, expect, it } from 'vitest';
import type { SimEvent } from '$lib/sim';
import { scenarioEventsOf, subjectOf } from './story';

/** An event with only the fields the story reads. */
const ev = (fields: Record<string, unknown>) => ({ t: 0, ...fields }) as unknown as SimEvent;

describe('the story of a world', () => {
	it.each([
		{ e: ev({ type: 'evidence.sent', reporter: 'seq-1', accused: 'seq-0' }), about: 'seq-0' },
		{ e: ev({ type: 'slash', sequencer: 'seq-3', challenger: 'val-0' }), about: 'seq-3' },
		{ e: ev({ type: 'behaviour.changed', actor: 'val-2' }), about: 'val-2' },
		{ e: ev({ type: 'challenge.opened', challenger: 'val-0', defender: 'seq-2' }), about: 'seq-2' },
		{ e: ev({ type: 'batch.no-quorum', proposer: 'seq-4' }), about: 'seq-4' },
		{ e: ev({ type: 'fault.injected', actor: 'seq-2', behaviour: 'wrong-state-root' }), about: 'wrong-state-root' },
		{ e: ev({ type: 'batch.reverted', batch: 3 }), about: '' },
		{ e: ev({ type: 'forced.enqueued', user: 'user-1' }), about: '' }
	])('$e.type is about "$about"', ({ e, about }) => {
		expect(subjectOf(e)).toBe(about);
	});

	it.each([
		{ json: { expect: { events: ['slash', 'batch.no-quorum'] } }, kinds: ['slash', 'batch.no-quorum'] },
		{ json: { expect: { events: ['slash', 3] } }, kinds: ['slash'] },
		{ json: { expect: {} }, kinds: [] },
		{ json: null, kinds: [] },
		{ json: 'lone-cheater', kinds: [] }
	])("reads the kinds a scenario's story is about from $json", ({ json, kinds }) => {
		expect(scenarioEventsOf(json)).toEqual(kinds);
	});
});
