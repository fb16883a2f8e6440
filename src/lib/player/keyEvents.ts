/** The events that make a moment worth jumping to or marking on the timeline: faults, evidence, votes, disputes, slashes, re-derivations, re-spans, settlements; the story rule (story.ts) keeps the first of each per actor. */
import type { SimEvent } from '$lib/sim';
import { m } from '$lib/paraglide/messages.js';
import { makeStory, opensChapter, StoryTracker, type Story, type StoryMoment } from './story';

/** Event types that mark a key moment, with the short label the timeline shows for each (in the catalogue's words). */
export const KEY_EVENTS: Readonly<Record<string, () => string>> = {
	'behaviour.changed': m.ui_moment_behaviour_changed,
	'fault.injected': m.ui_moment_fault,
	'batch.no-quorum': m.ui_moment_no_quorum,
	'batch.rejected': m.ui_moment_rejected_by_l1,
	'epoch.respan': m.ui_moment_re_span,
	'proposer.stalled': m.ui_moment_proposer_stalled,
	'pool.empty': m.ui_moment_pool_empty,
	'validator.mismatch': m.ui_moment_mismatch_found,
	'challenge.opened': m.ui_moment_challenge,
	'dispute.resolved': m.ui_moment_dispute_resolved,
	'proof.missing': m.ui_moment_proof_missing,
	'proof.fraud-proof-verified': m.ui_moment_fraud_proof,
	slash: m.ui_moment_slash,
	'batch.reverted': m.ui_moment_reverted,
	'chain.rederive': m.ui_moment_re_derived,
	'sequencer.ejected': m.ui_moment_ejected,
	'sequencer.force-unlocked': m.ui_moment_force_unlocked,
	'forced.enqueued': m.ui_moment_forced_inclusion,
	'forced.included': m.ui_moment_forced_tx_included,
	'mev.sandwich': m.ui_moment_sandwich,
	'vote.passed': m.ui_moment_vote_passed,
	'evidence.sent': m.ui_moment_evidence,
	'evidence.accepted': m.ui_moment_evidence_accepted,
	'finality.settled': m.ui_moment_settled
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
	out.forEach((moment, i) => lastOf.set(moment.type, i));
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
