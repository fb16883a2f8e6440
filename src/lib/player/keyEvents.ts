/** The events that make a moment worth jumping to or marking on the timeline: faults, evidence, votes, disputes, slashes, re-derivations, re-spans, settlements. */
import type { SimEvent } from '$lib/sim';

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

/** A key moment on the timeline. */
export interface KeyMoment {
	/** Simulated time. */
	t: number;
	/** What happened, in two or three words. */
	label: string;
	/** The event type. */
	type: string;
}

/** Most marks the timeline keeps (the earliest of each type survive thinning). */
const MAX_MOMENTS = 400;

/** Adds the key moments among `events` to `moments` (same-type moments closer than `minGapMs` merge). */
export function collectMoments(moments: KeyMoment[], events: readonly SimEvent[], minGapMs: number): KeyMoment[] {
	const out = moments.slice();
	const lastOf = new Map<string, number>();
	for (const m of out) lastOf.set(m.type, m.t);
	for (const e of events) {
		if (!isKeyEvent(e)) continue;
		const last = lastOf.get(e.type);
		if (last !== undefined && e.t - last < minGapMs) continue;
		lastOf.set(e.type, e.t);
		out.push({ t: e.t, label: KEY_EVENTS[e.type], type: e.type });
	}
	return out.length > MAX_MOMENTS ? out.slice(0, MAX_MOMENTS) : out;
}
