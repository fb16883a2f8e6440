/**
 * A scenario's story: which logged events are moments worth a press of "Next key moment" and a
 * mark on the timeline. A cheater misbehaves in every batch it proposes and a cascade reverts twenty
 * batches at once, so the story keeps the first time each kind of thing happens to each actor, not
 * every repeat. An intervention (a behaviour change, a rule change, an ejection: the scenario's own or
 * the learner's) opens a new chapter, so what it causes is told again even by actors seen before.
 */
import type { SimEvent } from '$lib/sim';
import { m } from '$lib/paraglide/messages.js';

/** Kinds that open a chapter: after one, every kind of moment may be told again. */
const CHAPTER_OPENERS: ReadonlySet<string> = new Set(['behaviour.changed', 'params.changed', 'sequencer.ejected']);

/** Whether a kind opens a chapter. */
export function opensChapter(type: string): boolean {
	return CHAPTER_OPENERS.has(type);
}

/** Steps of the finality ladder, each told once per world and only until anything else is: a world with no fault still has a story, and a fault's story is not held up by routine. */
export const LADDER_EVENTS: Readonly<Record<string, () => string>> = {
	'finality.signed': m.ui_moment_first_quorum,
	'finality.posted': m.ui_moment_first_on_l1,
	'finality.l1-final': m.ui_moment_first_l1_final,
	'proof.verified': m.ui_moment_first_zk_proof
};

/** Labels of kinds a scenario's `expect.events` may add to its story. */
export const STORY_LABELS: Readonly<Record<string, () => string>> = {
	'tx.censored': m.ui_moment_censored,
	'forced.overdue': m.ui_moment_forced_tx_overdue,
	'dispute.one-step': m.ui_moment_one_step_proof,
	'rewards.forfeited': m.ui_moment_rewards_forfeited,
	'rewards.paid': m.ui_moment_rewards_paid,
	'validator.attested': m.ui_moment_unchecked_attest,
	'mev.reported': m.ui_moment_reorder_reported,
	'l2.reorg': m.ui_moment_l2_reorg,
	'params.changed': m.ui_moment_rule_changed,
	'vote.failed': m.ui_moment_vote_failed
};

/** What makes a world's story: the kinds told per chapter and actor, and the ladder kinds told once. */
export interface Story {
	/** Kinds told once per chapter and actor, with their labels. */
	kinds: ReadonlyMap<string, string>;
	/** Kinds told once per world, with their labels. */
	ladder: ReadonlyMap<string, string>;
}

/** A story moment. */
export interface StoryMoment {
	/** Simulated time. */
	t: number;
	/** What happened, in two or three words. */
	label: string;
	/** The event type. */
	type: string;
	/** The actors it happened to ('' for a moment about no one actor), so a repeat by the same actor is not told again. */
	subjects: string[];
}

/** The story of a world with these key kinds, plus the kinds its scenario is about (`expect.events`). */
export function makeStory(keyEvents: Readonly<Record<string, () => string>>, scenarioEvents: readonly string[] = []): Story {
	const said = (labels: Readonly<Record<string, () => string>>) => new Map(Object.entries(labels).map(([type, label]) => [type, label()]));
	const kinds = said(keyEvents);
	for (const type of scenarioEvents) if (!kinds.has(type) && !Object.hasOwn(LADDER_EVENTS, type)) kinds.set(type, STORY_LABELS[type]?.() ?? type.replace(/[.-]/g, ' '));
	return { kinds, ladder: said(LADDER_EVENTS) };
}

/** The kinds a scenario's JSON says its story is about (`expect.events`); none when it says nothing. */
export function scenarioEventsOf(scenario: unknown): string[] {
	if (!scenario || typeof scenario !== 'object' || !('expect' in scenario)) return [];
	const expected = scenario.expect;
	if (!expected || typeof expected !== 'object' || !('events' in expected) || !Array.isArray(expected.events)) return [];
	return expected.events.filter((e): e is string => typeof e === 'string');
}

/** Who an event is about: the accused, the sequencer, the actor, the defender or the proposer; '' for none. A fault is about its kind, so colluders taking turns at one cheat are one story. */
export function subjectOf(e: SimEvent): string {
	if (e.type === 'fault.injected') return e.behaviour;
	if ('accused' in e && typeof e.accused === 'string') return e.accused;
	if ('sequencer' in e && typeof e.sequencer === 'string') return e.sequencer;
	if ('actor' in e && typeof e.actor === 'string') return e.actor;
	if ('defender' in e && typeof e.defender === 'string') return e.defender;
	if ('proposer' in e && typeof e.proposer === 'string') return e.proposer;
	return '';
}

/** Follows a log and says which events are story moments; its whole state can be rebuilt from the moments told so far. */
export class StoryTracker {
	private chapterFrom = 0;
	private readonly told = new Set<string>();
	private readonly ladderTold = new Set<string>();
	/** Something other than a ladder step has been told: the ladder is over. */
	private beyondLadder = false;

	constructor(
		private readonly story: Story,
		moments: readonly StoryMoment[] = []
	) {
		for (const moment of moments) if (CHAPTER_OPENERS.has(moment.type)) this.chapterFrom = Math.max(this.chapterFrom, moment.t);
		for (const moment of moments) {
			if (story.ladder.has(moment.type)) {
				this.ladderTold.add(moment.type);
				continue;
			}
			this.beyondLadder = true;
			if (moment.t >= this.chapterFrom) for (const s of moment.subjects) this.told.add(`${moment.type}|${s}`);
		}
	}

	/** Start of the chapter in force. */
	get chapterStart(): number {
		return this.chapterFrom;
	}

	/** The moment `e` is, or null when it is routine or a repeat already told in this chapter. */
	see(e: SimEvent): StoryMoment | null {
		const ladder = this.story.ladder.get(e.type);
		if (ladder !== undefined) {
			if (this.beyondLadder || this.ladderTold.has(e.type)) return null;
			this.ladderTold.add(e.type);
			return { t: e.t, label: ladder, type: e.type, subjects: [''] };
		}
		const label = this.story.kinds.get(e.type);
		if (label === undefined) return null;
		if (CHAPTER_OPENERS.has(e.type) && e.t > this.chapterFrom) {
			this.chapterFrom = e.t;
			this.told.clear();
		}
		const subject = subjectOf(e);
		const key = `${e.type}|${subject}`;
		if (this.told.has(key)) return null;
		this.told.add(key);
		this.beyondLadder = true;
		return { t: e.t, label, type: e.type, subjects: [subject] };
	}
}
