/** The events that make a moment worth jumping to or marking on the timeline: faults, evidence, votes, disputes, slashes, re-derivations, re-spans, settlements; the story rule (story.ts) keeps the first of each per actor. */
import type { SimEvent } from '$lib/sim';
import { makeStory, opensChapter, StoryTracker, type Story, type StoryMoment } from './story';

/** Event types that mark a key moment, with the short label the timeline shows for each. */
export const KEY_EVENTS: Readonly<Record<string, string>> = {
	'behaviour.changed': 'behaviour changed',
	'fault.injected': 'fault',
	'batch.no-quorum': 'no quorum',
	'batch.rejected': 'rejected by L1',
	'epoch.respan': 're-span',
	'proposer.stalled': 'proposer stalled',
	'pool.empty': 'pool empty',
	'validator.mismatch': 'mismatch found',
	'challenge.opened': 'challenge',
	'dispute.resolved': 'dispute resolved',
	'proof.missing': 'proof missing',
	'proof.fraud-proof-verified': 'fraud proof',
	slash: 'slash',
	'batch.reverted': 'reverted',
	'chain.rederive': 're-derived',
	'sequencer.ejected': 'ejected',
	'sequencer.force-unlocked': 'force-unlocked',
	'forced.enqueued': 'forced inclusion',
	'forced.included': 'forced tx included',
	'mev.sandwich': 'sandwich',
	'vote.passed': 'vote passed',
	'evidence.sent': 'evidence',
	'evidence.accepted': 'evidence accepted',
	'finality.settled': 'settled'
};

/** Whether an event marks a key moment. */
export function isKeyEvent(e: SimEvent): boolean {
	return Object.hasOwn(KEY_EVENTS, e.type);
}

/** A key moment on the timeline: a story moment (several at one time, or close together, share one mark). */
export type KeyMoment = StoryMoment;

/** The story of a world whose scenario is about `scenarioEvents` (its `expect.events`): the key events, the finality ladder's firsts, and those kinds. */
export function storyFor(scenarioEvents: readonly string[] = []): Story {
	return makeStory(KEY_EVENTS, scenarioEvents);
}

/** The story of a world whose scenario says nothing about itself. */
const PLAIN_STORY = storyFor();

/** Most marks the timeline keeps (the earliest survive). */
const MAX_MOMENTS = 400;

/**
 * Adds the story moments among `events` to `moments`: the first of each kind for each actor in a
 * chapter (see story.ts). A moment of the same kind as the last one, within `minGapMs` of it in the
 * same chapter, joins its mark instead of making another.
 */
export function collectMoments(moments: KeyMoment[], events: readonly SimEvent[], minGapMs: number, story: Story = PLAIN_STORY): KeyMoment[] {
	const out = moments.slice();
	const tracker = new StoryTracker(story, out);
	const lastOf = new Map<string, number>();
	out.forEach((m, i) => lastOf.set(m.type, i));
	for (const e of events) {
		const moment = tracker.see(e);
		if (!moment) continue;
		const i = lastOf.get(moment.type);
		const last = i === undefined ? undefined : out[i];
		const near = last && last.t >= tracker.chapterStart && (moment.t === last.t || (moment.t - last.t < minGapMs && !opensChapter(moment.type)));
		if (last && i !== undefined && near) {
			out[i] = { ...last, subjects: [...last.subjects, ...moment.subjects] };
			continue;
		}
		lastOf.set(moment.type, out.length);
		out.push(moment);
	}
	return out.length > MAX_MOMENTS ? out.slice(0, MAX_MOMENTS) : out;
}
