/**
 * What a moment of the stage is about: one part (the users, the pool, the quorum meter, the
 * validators, L1, the dispute) or one actor. The rest of the stage dims, and the narration says
 * what the focused part shows now.
 */
import type { WorldSnapshot } from '$lib/sim';
import type { BatchTrack } from '$lib/player/batchLedger';

/** The parts of the stage a focus can name. */
export const FOCUS_PARTS = ['users', 'pool', 'quorum', 'validators', 'l1', 'dispute'] as const;

/** A part of the stage. */
export type FocusPart = (typeof FOCUS_PARTS)[number];

/** What the stage is focused on. */
export type StageFocus = { part: FocusPart } | { actor: string };

/** The stage regions drawn as groups, each of which a focus keeps lit or dims. */
export type StageRegion = 'users' | 'pool' | 'validators' | 'l1' | 'effects';

/** Which regions stay lit for each part. */
const LIT: Record<FocusPart, readonly StageRegion[]> = {
	users: ['users', 'effects'],
	pool: ['pool', 'effects'],
	quorum: ['pool', 'effects'],
	validators: ['validators', 'effects'],
	l1: ['l1', 'effects'],
	dispute: ['validators', 'l1', 'effects']
};

/** Reads a focus as written in a lesson or a link: a part name, or an actor id (`seq-2`, `validator-0`). */
export function parseFocus(text: string | null | undefined): StageFocus | null {
	const word = text?.trim();
	if (!word) return null;
	if ((FOCUS_PARTS as readonly string[]).includes(word)) return { part: word as FocusPart };
	if (/^(seq|validator)-\d+$/.test(word)) return { actor: word };
	return null;
}

/** Whether a region stays lit under a focus (everything is lit without one). */
export function regionLit(focus: StageFocus | null | undefined, region: StageRegion): boolean {
	if (!focus) return true;
	if ('part' in focus) return LIT[focus.part].includes(region);
	const home: StageRegion = focus.actor.startsWith('seq-') ? 'pool' : 'validators';
	return region === home || region === 'effects';
}

/** The actor a focus singles out, if it names one. */
export function focusActor(focus: StageFocus | null | undefined): string | null {
	return focus && 'actor' in focus ? focus.actor : null;
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** One sentence on what the focused part shows now, for the narration. */
export function focusSentence(focus: StageFocus, snapshot: WorldSnapshot, batches: readonly BatchTrack[]): string {
	if ('actor' in focus) {
		const seq = snapshot.sequencers.find((s) => s.id === focus.actor);
		if (seq) return `In focus: ${seq.id}, ${seq.id === snapshot.proposer ? 'the proposer' : seq.active ? 'in the active set' : 'not in the active set'}, ${seq.behaviour === 'honest' ? 'honest' : 'misbehaving'}, ${seq.status.replace(/-/g, ' ')}.`;
		const val = snapshot.validators.find((v) => v.id === focus.actor);
		if (val) return `In focus: ${val.id}, a validator that has re-executed ${count(val.checked, 'batch', 'batches')} so far.`;
		return `In focus: ${focus.actor}, which is not in this world.`;
	}
	const last = snapshot.batches[snapshot.batches.length - 1];
	switch (focus.part) {
		case 'users':
			return `In focus: the users. ${count(snapshot.users.sent, 'transaction')} sent so far, ${count(snapshot.mempool, 'transaction')} waiting for a sequencer.`;
		case 'pool':
			return `In focus: the sequencer pool. ${count(snapshot.sequencers.filter((s) => s.active).length, 'sequencer')} in the active set; ${snapshot.proposer ?? 'nobody'} proposing in epoch ${snapshot.epoch}.`;
		case 'quorum':
			return last
				? `In focus: the quorum meter. Batch ${last.index} has ${last.signers} of ${last.activeSet} signatures; it needs ${snapshot.quorum.text}.`
				: `In focus: the quorum meter. No batch yet; each one needs ${snapshot.quorum.text} of the active set to sign.`;
		case 'validators':
			return `In focus: the validators. They re-execute sampled batches and challenge a wrong state root on L1.`;
		case 'l1':
			return `In focus: Ethereum L1. ${count(batches.filter((b) => b.l1Block !== null).length, 'batch', 'batches')} posted so far.`;
		case 'dispute':
			return `In focus: the dispute. A challenger and the batch's defender narrow their disagreement on L1 until one step decides it.`;
	}
}
