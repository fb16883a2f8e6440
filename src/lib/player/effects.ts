/**
 * Turns new events into short-lived visual effects for the stage (a signature flying to the quorum
 * meter, a slash, a re-span…) plus two lasting states (the open dispute, a stalled quorum). Effects
 * run on the wall clock, so they read the same at any playback speed; bursts at fast-forward are
 * coalesced and the number running at once is capped. Pure: the caller passes the wall time.
 */
import type { SimEvent } from '$lib/sim';
import { DisputeBook, type DisputeView } from './disputeView';

/** What every effect has: an id and its wall-clock span (performance.now() ms). */
interface Span {
	/** Unique, increasing. */
	id: number;
	/** When it starts. */
	start: number;
	/** When it ends. */
	end: number;
}

/** One visual effect. */
export type Effect = Span &
	(
		| { kind: 'header'; batch: number; proposal: number; from: string; to: string[] }
		| { kind: 'signature'; batch: number; proposal: number; from: string; count: number; of: number }
		| { kind: 'aggregate'; batch: number; proposal: number; from: string; signers: number }
		| { kind: 'sample'; validator: string; batch: number; ok: boolean }
		| { kind: 'evidence'; from: string; accused: string; fault: string }
		| { kind: 'challenge'; batch: number; attempt: number; challenger: string }
		| { kind: 'no-quorum'; batch: number; proposal: number; signed: number; of: number; refused: number; silent: number }
		| { kind: 'slash'; sequencer: string; amount: string; challengerReward: string; challenger: string | null; burned: string }
		| { kind: 'reward'; challenger: string; amount: string; from: string[] }
		| { kind: 'respan'; from: string | null; to: string | null; why: RespanReason; count: number }
		| { kind: 'forced'; phase: 'enqueued' | 'included'; count: number; user: string; via: string }
	);

/** Why the proposer was replaced: it went silent, was slashed or ejected, or its peers refused its batch. */
export type RespanReason = 'silent' | 'slashed' | 'ejected' | 'refused' | 'replaced';

/** The kinds of effect. */
export type EffectKind = Effect['kind'];

/** A quorum that cannot be reached because too many sequencers are silent. */
export interface StallView {
	/** The batch that could not be signed. */
	batch: number;
	/** Its latest attempt that missed the quorum. */
	attempt: number;
	/** Signatures it got. */
	signed: number;
	/** Size of the active set. */
	of: number;
	/** Who never answered. */
	silent: string[];
	/** Simulated time of the first failed round. */
	since: number;
	/** Failed rounds in a row. */
	rounds: number;
}

/** Everything the effects layer draws. */
export interface EffectsView {
	/** Effects not yet over, oldest first. */
	effects: Effect[];
	/** The dispute to show (open, or the last one resolved), or null. */
	dispute: DisputeView | null;
	/** Wall time the dispute last changed (animates its bar), or -Infinity after a rebuild. */
	disputeChangedAt: number;
	/** Wall time the dispute was resolved (it lingers a while), or null while open. */
	disputeResolvedAt: number | null;
	/** A stalled quorum, or null. */
	stall: StallView | null;
}

/** Wall-clock duration of each kind, ms. */
export const DURATION: Record<EffectKind, number> = {
	header: 750,
	signature: 800,
	aggregate: 1600,
	sample: 1100,
	evidence: 1800,
	challenge: 2000,
	'no-quorum': 2600,
	slash: 5500,
	reward: 5500,
	respan: 4000,
	forced: 2600
};

/** Most effects running at once; the oldest low-priority ones give way. */
export const MAX_LIVE = 60;
/** Most validator samples started by one frame. */
export const MAX_SAMPLES = 8;
/** Kinds that give way first when too many run. */
const MINOR: ReadonlySet<EffectKind> = new Set(['header', 'signature', 'sample']);
/** Gap between effects of the same kind started by one frame, ms (a burst fans out a little). */
const STAGGER_MS = 70;
/** Longest fan-out of one burst, ms. */
const MAX_STAGGER_MS = 420;
/** How long a resolved dispute stays on screen, wall ms. */
export const DISPUTE_LINGER_MS = 15_000;
/** After a rebuild (seek, load), a dispute resolved this recently in simulated time is still shown. */
const REBUILT_LINGER_SIM_MS = 10 * 60_000;

/** Nothing to draw (before the first frame). */
export const NO_EFFECTS: EffectsView = { effects: [], dispute: null, disputeChangedAt: -Infinity, disputeResolvedAt: null, stall: null };

/** A frame's worth of input. */
export interface EffectsInput {
	/** New events, oldest first (after a reset: the whole log). */
	events: SimEvent[];
	/** The log was rebuilt (load or seek back): fold the lasting state, animate nothing. */
	reset: boolean;
	/** Animate these events (false for a seek forward: its events are skipped over, not watched). */
	animate: boolean;
	/** Wall time now, ms. */
	now: number;
	/** Simulated time now. */
	t: number;
}


/** An effect before it is scheduled. */
type Unscheduled<T> = T extends unknown ? Omit<T, 'id' | 'start' | 'end'> : never;
type Draft = Unscheduled<Effect>;

/** Folds frames into effects and the lasting dispute and stall states. */
export class EffectsReducer {
	private live: Effect[] = [];
	private nextId = 1;
	private book = new DisputeBook();
	private stall: StallView | null = null;
	private disputeChangedAt = -Infinity;
	private disputeResolvedAt: number | null = null;
	private last: EffectsView = NO_EFFECTS;
	/** Why each sequencer last lost the proposer role (for the re-span label). */
	private lastTrouble = new Map<string, RespanReason>();

	/** Applies one frame and returns what to draw. */
	apply(input: EffectsInput): EffectsView {
		const { now } = input;
		if (input.reset) {
			this.live = [];
			this.book.reset();
			this.stall = null;
			this.lastTrouble.clear();
		}
		const animate = input.animate && !input.reset;
		const drafts: Draft[] = [];
		let disputeTouched = false;
		for (const e of input.events) {
			if (this.book.apply(e)) disputeTouched = true;
			this.fold(e, animate ? drafts : null);
		}
		if (disputeTouched) {
			const d = this.book.current();
			if (input.reset) {
				this.disputeChangedAt = -Infinity;
				this.disputeResolvedAt = d && d.resolvedAt !== null ? (input.t - d.resolvedAt < REBUILT_LINGER_SIM_MS ? now : -Infinity) : null;
			} else {
				this.disputeChangedAt = now;
				this.disputeResolvedAt = d && d.resolvedAt !== null ? (this.disputeResolvedAt ?? now) : null;
			}
		} else if (input.reset) {
			this.disputeChangedAt = -Infinity;
			this.disputeResolvedAt = null;
		}
		this.live = this.live.filter((x) => x.end > now);
		if (animate) this.start(coalesce(drafts), now);
		return this.view(now);
	}

	/** What to draw at wall time `now` (effects over by then are dropped). */
	view(now: number): EffectsView {
		const d = this.book.current();
		const shown = d && (d.resolvedAt === null || (this.disputeResolvedAt !== null && now - this.disputeResolvedAt < DISPUTE_LINGER_MS)) ? d : null;
		const next: EffectsView = {
			effects: this.live.filter((x) => x.end > now),
			dispute: shown,
			disputeChangedAt: this.disputeChangedAt,
			disputeResolvedAt: shown ? this.disputeResolvedAt : null,
			stall: this.stall
		};
		// The same object when nothing changed, so the layer is not redrawn fifteen times a second for nothing.
		if (sameView(this.last, next)) return this.last;
		this.last = next;
		return next;
	}

	/** Updates the lasting state from one event and, when animating, drafts its effect. */
	private fold(e: SimEvent, out: Draft[] | null): void {
		switch (e.type) {
			case 'batch.proposed':
				out?.push({ kind: 'header', batch: e.batch, proposal: e.proposal, from: e.proposer, to: e.activeSet.filter((id) => id !== e.proposer) });
				return;
			case 'batch.signature':
				out?.push({ kind: 'signature', batch: e.batch, proposal: e.proposal, from: e.sequencer, count: e.count, of: e.of });
				return;
			case 'finality.signed':
				this.stall = null;
				out?.push({ kind: 'aggregate', batch: e.batch, proposal: e.proposal, from: '', signers: e.signers.length });
				return;
			case 'batch.no-quorum': {
				const { silent, refused } = e;
				if (refused.length > 0) this.lastTrouble.set(e.proposer, 'refused');
				// A round the epoch cut short is not a stalled quorum.
				if (silent.length > 0 && e.ended !== 'epoch-ended') {
					const same = this.stall && this.stall.batch === e.batch;
					this.stall = { batch: e.batch, attempt: e.attempt, signed: e.signed, of: e.of, silent, since: same ? this.stall!.since : e.t, rounds: same ? this.stall!.rounds + 1 : 1 };
				}
				out?.push({ kind: 'no-quorum', batch: e.batch, proposal: e.proposal, signed: e.signed, of: e.of, refused: refused.length, silent: silent.length });
				return;
			}
			case 'validator.checked':
				out?.push({ kind: 'sample', validator: e.validator, batch: e.batch, ok: e.ok });
				return;
			case 'evidence.sent':
				out?.push({ kind: 'evidence', from: e.reporter, accused: e.accused, fault: e.fault });
				return;
			case 'challenge.opened':
				out?.push({ kind: 'challenge', batch: e.batch, attempt: e.attempt, challenger: e.challenger });
				return;
			case 'slash':
				this.lastTrouble.set(e.sequencer, 'slashed');
				out?.push({ kind: 'slash', sequencer: e.sequencer, amount: e.amount, challengerReward: e.challengerReward, challenger: e.challenger, burned: e.burned });
				return;
			case 'sequencer.force-unlocked':
				this.lastTrouble.set(e.sequencer, 'ejected');
				return;
			case 'proposer.stalled':
				if (e.proposer) this.lastTrouble.set(e.proposer, 'silent');
				return;
			case 'sequencer.ejected':
				this.lastTrouble.set(e.sequencer, 'ejected');
				return;
			case 'epoch.respan':
			case 'epoch.started': {
				// A new epoch because the set changed replaces a slashed or ejected proposer: drawn as a re-span too.
				if (e.type === 'epoch.started' && e.reason !== 'set-changed') return;
				const from = e.previous;
				const why = (from ? this.lastTrouble.get(from) : undefined) ?? (e.type === 'epoch.respan' && e.reason === 'refused' ? 'refused' : 'replaced');
				if (from) this.lastTrouble.delete(from);
				if (from !== e.proposer) out?.push({ kind: 'respan', from, to: e.proposer, why, count: 1 });
				return;
			}
			case 'forced.enqueued':
				out?.push({ kind: 'forced', phase: 'enqueued', count: 1, user: e.user, via: 'l1' });
				return;
			case 'forced.included':
				out?.push({ kind: 'forced', phase: 'included', count: 1, user: e.user, via: e.via });
				return;
		}
	}

	private start(drafts: Draft[], now: number): void {
		const perKind = new Map<EffectKind, number>();
		// A new effect replaces one still running in the same place (at speed they would pile up).
		const fresh = new Set(drafts.map(slotOf).filter((s) => s !== null));
		this.live = this.live.filter((x) => {
			const slot = slotOf(x);
			return slot === null || !fresh.has(slot);
		});
		for (const d of drafts) {
			const k = perKind.get(d.kind) ?? 0;
			perKind.set(d.kind, k + 1);
			const start = now + Math.min(k * STAGGER_MS, MAX_STAGGER_MS);
			this.live.push({ ...d, id: this.nextId++, start, end: start + DURATION[d.kind] } as Effect);
		}
		// A new proposal's header or signatures replace an older proposal's still in flight.
		const newest = Math.max(-1, ...drafts.flatMap((d) => (d.kind === 'header' || d.kind === 'signature' ? [d.proposal] : [])));
		if (newest >= 0) this.live = this.live.filter((x) => (x.kind !== 'header' && x.kind !== 'signature') || x.proposal >= newest);
		while (this.live.length > MAX_LIVE) {
			const i = this.live.findIndex((x) => MINOR.has(x.kind));
			this.live.splice(i >= 0 ? i : 0, 1);
		}
	}
}

/** Where an effect draws its label: two effects in one place cannot run at once (null: no such limit). */
export function slotOf(d: Draft | Effect): string | null {
	switch (d.kind) {
		case 'header':
		case 'signature':
			return null;
		case 'aggregate':
		case 'no-quorum':
		case 'respan':
			return d.kind;
		case 'forced':
			return `forced:${d.phase}`;
		case 'sample':
			return `sample:${d.validator}`;
		case 'evidence':
			return 'l1-contract';
		case 'challenge':
			return `challenge:${d.challenger}`;
		case 'slash':
			return `slash:${d.sequencer}`;
		case 'reward':
			return `reward:${d.challenger}`;
	}
}

function sameView(a: EffectsView, b: EffectsView): boolean {
	return (
		a.dispute === b.dispute &&
		a.stall === b.stall &&
		a.disputeChangedAt === b.disputeChangedAt &&
		a.disputeResolvedAt === b.disputeResolvedAt &&
		a.effects.length === b.effects.length &&
		a.effects.every((e, i) => e === b.effects[i])
	);
}

/**
 * One frame's drafts, coalesced: only the newest proposal's header and signatures, only its aggregate,
 * a capped number of samples, one re-span for a chain of them, one reward per challenger, one
 * forced-inclusion effect per direction.
 */
export function coalesce(drafts: Draft[]): Draft[] {
	const rounds = drafts.flatMap((d) => (d.kind === 'header' || d.kind === 'signature' || d.kind === 'aggregate' || d.kind === 'no-quorum' ? [d] : []));
	const newest = rounds.length ? Math.max(...rounds.map((d) => d.proposal)) : -1;
	let lastHeader = -1;
	drafts.forEach((d, i) => d.kind === 'header' && (lastHeader = i));
	const out: Draft[] = [];
	let samples = 0;
	const sampleTotal = drafts.filter((d) => d.kind === 'sample').length;
	const rewards = new Map<string, { amount: bigint; from: string[] }>();
	const forced = new Map<string, Extract<Draft, { kind: 'forced' }>>();
	let respan: Extract<Draft, { kind: 'respan' }> | null = null;
	drafts.forEach((d, i) => {
		switch (d.kind) {
			case 'header':
				if (i === lastHeader) out.push(d);
				return;
			case 'signature':
				// Signatures from before the newest header belong to an older round.
				if (d.proposal === newest && i > lastHeader) out.push(d);
				return;
			case 'aggregate':
			case 'no-quorum':
				if (d.proposal === newest || !rounds.some((r) => r.kind === d.kind && r.proposal > d.proposal)) out.push(d);
				return;
			case 'sample':
				// Keep the newest few: the ones at the end of the frame.
				if (sampleTotal - samples++ <= MAX_SAMPLES) out.push(d);
				return;
			case 'slash': {
				out.push(d);
				if (d.challenger && BigInt(d.challengerReward) > 0n) {
					const r = rewards.get(d.challenger) ?? { amount: 0n, from: [] };
					r.amount += BigInt(d.challengerReward);
					r.from.push(d.sequencer);
					rewards.set(d.challenger, r);
				}
				return;
			}
			case 'respan':
				respan = respan ? { ...respan, to: d.to, count: respan.count + 1 } : d;
				return;
			case 'forced': {
				const had = forced.get(d.phase);
				forced.set(d.phase, had ? { ...had, count: had.count + 1, user: had.user === d.user ? d.user : '' } : d);
				return;
			}
			case 'reward':
				return;
			default:
				out.push(d);
		}
	});
	for (const [challenger, r] of rewards) out.push({ kind: 'reward', challenger, amount: r.amount.toString(), from: r.from });
	if (respan) out.push(respan);
	out.push(...forced.values());
	return out;
}
