import { describe, expect, it } from 'vitest';
import { nextCard, NO_CARD, type CardEvent, type CardState } from './scenarioCard';

const run = (events: CardEvent[], from: CardState = NO_CARD) => events.reduce(nextCard, from);
const opened: CardEvent = { type: 'opened' };
const at = (t: number, playing = false): CardEvent => ({ type: 'clock', t, playing });

describe('nextCard', () => {
	it.each<[string, CardEvent[], string]>([
		['a world opens: the introduction', [opened, at(0)], 'intro'],
		['Play hides it', [opened, at(0), at(0, true)], 'hidden'],
		['a step (the clock moves) hides it', [opened, at(0), at(2000)], 'hidden'],
		["the old world's later time, then the new world's genesis, keeps it", [opened, at(90_000), at(0)], 'intro'],
		['Hide or Esc hides it', [opened, at(0), { type: 'dismissed' }], 'hidden'],
		['the world ends: the outcome', [opened, at(0, true), { type: 'ended', outcome: ['Done.'] }], 'outcome'],
		['it ends after the intro was hidden: the outcome still comes back', [opened, { type: 'dismissed' }, { type: 'ended', outcome: ['Done.'] }], 'outcome'],
		['a seek back after the end hides the outcome', [opened, { type: 'ended', outcome: ['Done.'] }, { type: 'resumed' }], 'hidden'],
		['a new world after the end: its introduction', [opened, { type: 'ended', outcome: ['Done.'] }, opened, at(0)], 'intro']
	])('%s', (_, events, phase) => expect(run(events).phase).toBe(phase));

	it('keeps the outcome sentences while they show, and drops them when the world moves on', () => {
		const ended = run([opened, { type: 'ended', outcome: ['seq-0 was slashed.'] }]);
		expect(ended.outcome).toEqual(['seq-0 was slashed.']);
		expect(nextCard(ended, { type: 'resumed' }).outcome).toBeNull();
	});
});
