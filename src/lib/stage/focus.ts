/**
 * What a moment of the stage is about: one part (the users, the pool, the quorum meter, the
 * validators, L1, the dispute) or one actor. The rest of the stage dims, and the narration says
 * what the focused part shows now.
 */
import type { WorldSnapshot } from '$lib/sim';
import type { BatchTrack } from '$lib/player/batchLedger';
import type { Region, StageLayout } from './layout';
import { counted } from '$lib/player/count';
import { m } from '$lib/paraglide/messages.js';
import { standingWords } from '$lib/player/codeWords';
import { ruleText } from '$lib/player/quorumWords';

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

/** Reads a focus as written in a lesson or a link: a part name, or an actor id (`seq-2`, `val-0`). */
export function parseFocus(text: string | null | undefined): StageFocus | null {
	const word = text?.trim();
	if (!word) return null;
	if ((FOCUS_PARTS as readonly string[]).includes(word)) return { part: word as FocusPart };
	if (/^(seq|val)-\d+$/.test(word)) return { actor: word };
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

/** The words for each part, as a picker names it. */
export function focusPartName(part: FocusPart): string {
	return { users: m.focus_part_users, pool: m.focus_part_pool, quorum: m.focus_part_quorum, validators: m.focus_part_validators, l1: m.focus_part_l1, dispute: m.focus_part_dispute }[part]();
}

/** One sentence on what the focused part shows now, for the narration. */
export function focusSentence(focus: StageFocus, snapshot: WorldSnapshot, batches: readonly BatchTrack[]): string {
	if ('actor' in focus) {
		const seq = snapshot.sequencers.find((s) => s.id === focus.actor);
		if (seq) {
			const role = seq.id === snapshot.proposer ? m.focus_seq_proposer() : seq.active ? m.focus_seq_active() : m.focus_seq_inactive();
			return m.focus_seq({ id: seq.id, role, honesty: seq.behaviour === 'honest' ? m.focus_honest() : m.focus_misbehaving(), status: standingWords(seq.status) });
		}
		const val = snapshot.validators.find((v) => v.id === focus.actor);
		if (val) return m.focus_validator({ id: val.id, batches: counted(val.checked, 'batch') });
		return m.focus_missing({ id: focus.actor });
	}
	const last = snapshot.batches[snapshot.batches.length - 1];
	switch (focus.part) {
		case 'users':
			return m.focus_users({ sent: counted(snapshot.users.sent, 'transaction'), waiting: counted(snapshot.mempool, 'transaction') });
		case 'pool':
			return m.focus_pool({ active: counted(snapshot.sequencers.filter((s) => s.active).length, 'sequencer'), proposer: snapshot.proposer ?? m.focus_nobody(), epoch: snapshot.epoch });
		case 'quorum':
			return last ? m.focus_quorum_batch({ batch: last.index, signers: last.signers, of: last.activeSet, rule: ruleText(snapshot.quorum) }) : m.focus_quorum_none({ rule: ruleText(snapshot.quorum) });
		case 'validators':
			return m.focus_validators();
		case 'l1':
			return m.focus_l1({ posted: counted(batches.filter((b) => b.l1Block !== null).length, 'batch') });
		case 'dispute':
			return m.focus_dispute();
	}
}

/** Margin kept round a cropped region, in viewBox units. */
const CROP_MARGIN = 6;

/** Whether a compact stage draws the L1 lane narrow for this focus (L1 or the dispute), so it can show the lane alone. */
export function narrowsL1(focus: StageFocus | null | undefined): boolean {
	return !!focus && 'part' in focus && (focus.part === 'l1' || focus.part === 'dispute');
}

/**
 * The part of the stage a compact stage shows for a focus, so its words stay legible in a narrow
 * column: the pool for the pool, the quorum meter or a sequencer; the users' or validators' column;
 * the L1 lane (with its dispute row) for L1 and the dispute once the lane is drawn narrow. Null:
 * the whole stage.
 */
export function focusCrop(focus: StageFocus | null | undefined, layout: Pick<StageLayout, 'users' | 'pool' | 'validators' | 'l1'>): Region | null {
	if (!focus) return null;
	const l1 = layout.l1.narrow ? layout.l1 : null;
	const region = 'actor' in focus ? (focus.actor.startsWith('seq-') ? layout.pool : layout.validators) : { users: layout.users, pool: layout.pool, quorum: layout.pool, validators: layout.validators, l1, dispute: l1 }[focus.part];
	if (!region) return null;
	return { x: region.x - CROP_MARGIN, y: Math.max(0, region.y - CROP_MARGIN), width: region.width + 2 * CROP_MARGIN, height: region.height + CROP_MARGIN + Math.min(region.y, CROP_MARGIN) };
}
