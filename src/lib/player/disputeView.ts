/**
 * What the page knows about a dispute game, folded from the event log: the disputed interval as it
 * narrows, whose move it was, and the outcome. It mirrors the game's rule (disputeGameMachine.ts):
 * roots are numbered 0..n, root `lo` is agreed and root `hi` disputed, so the fault lies in
 * transactions (or steps) lo..hi-1; the defender reveals root floor((lo+hi)/2) and the challenger
 * agrees (lo = mid) or disagrees (hi = mid). It records what the events say; it decides nothing.
 */
import type { EventOf, SimEvent } from '$lib/sim';
import { m } from '$lib/paraglide/messages.js';

/** Which part of the game the dispute is in. */
export type DisputePhase = 'txs' | 'steps' | 'one-step' | 'proof' | 'over';

/** One narrowing of the interval, for the "0–30 → 15–30 → …" trail. */
export interface DisputeRange {
	/** 'txs' or 'steps'. */
	phase: 'txs' | 'steps';
	/** First index still in dispute. */
	lo: number;
	/** One past the last index in dispute. */
	hi: number;
}

/** A dispute as the stage draws it. */
export interface DisputeView {
	/** Disputed batch. */
	batch: number;
	/** The disputed proposal (its own id). */
	proposal: number;
	/** Which attempt at the batch's index it is. */
	attempt: number;
	/** Who challenged. */
	challenger: string;
	/** The batch's proposer. */
	defender: string;
	/** 'bisection' (optimistic) or 'zk-fraud-proof' (hybrid, or a refused header under zk). */
	kind: 'bisection' | 'zk-fraud-proof';
	/** Transactions in the batch (0 when unknown). */
	txCount: number;
	/** Where the game stands. */
	phase: DisputePhase;
	/** The disputed interval now: roots lo (agreed) to hi (disputed). */
	lo: number;
	/** See `lo`. */
	hi: number;
	/** The one disputed transaction once the transactions are bisected. */
	tx: number | null;
	/** Steps of that transaction, once known. */
	stepCount: number | null;
	/** Completed rounds (reveal plus answer). */
	rounds: number;
	/** Every interval so far, oldest first. */
	trail: DisputeRange[];
	/** The last move, in words. */
	lastMove: string;
	/** Who won, once over. */
	winner: 'challenger' | 'defender' | null;
	/** Why, in the world's words, once over. */
	reason: string | null;
	/** The step L1 executed, once it did. */
	oneStep: { tx: number; step: number; fraud: boolean } | null;
	/** Simulated time it opened. */
	openedAt: number;
	/** Simulated time it ended, or null. */
	resolvedAt: number | null;
}

/** Most rounds a bisection over `size` items can take: ceil(log2 size). */
export function maxRounds(size: number): number {
	return size > 1 ? Math.ceil(Math.log2(size)) : 0;
}

/** "15–30": a range of indices without its unit. */
const bareRange = (r: DisputeRange) => `${r.lo}–${r.hi - 1}`;

/** "txs 15–30", "tx 30", "steps 0–3", "step 3". */
export function rangeLabel(r: DisputeRange): string {
	if (r.hi - r.lo <= 1) return r.phase === 'txs' ? m.draw_dispute_last_tx({ n: r.lo }) : m.draw_dispute_last_step({ n: r.lo });
	return (r.phase === 'txs' ? m.draw_dispute_txs : m.draw_dispute_steps)({ range: bareRange(r) });
}

/** "Bisection: txs 0–30 → 15–30 → … → tx 30 → steps 0–3 → step 3", keeping the newest `keep` intervals. */
export function trailLabel(trail: DisputeRange[], keep = 6): string {
	const parts: string[] = [];
	trail.forEach((r, i) => {
		const prev = trail[i - 1];
		const label = rangeLabel(r);
		// After the first interval of a phase, "txs 15–30" reads as "15–30".
		parts.push(prev && prev.phase === r.phase && r.hi - r.lo > 1 ? bareRange(r) : label);
	});
	const shown = parts.length > keep ? ['…', ...parts.slice(-keep + 1)] : parts;
	return m.draw_dispute_bisection({ trail: shown.join(' → ') });
}

/** "round 3 of at most 7" (the steps' share is estimated until the defender says how many steps the transaction has). */
export function roundsLabel(d: DisputeView): string {
	const steps = d.stepCount;
	const most = maxRounds(d.txCount) + (steps === null ? 2 : maxRounds(steps));
	return m.draw_dispute_rounds({ round: d.rounds, most: Math.max(most, d.rounds) });
}

/** "batch 3" or "batch 3, attempt 2": how every view names a proposal. */
export function batchName({ batch, attempt }: { batch: number; attempt: number }): string {
	return attempt > 1 ? m.say_batch_attempt({ batch, attempt }) : m.say_batch({ batch });
}

/** Folds dispute events; one view per disputed proposal. */
export class DisputeBook {
	private txCounts = new Map<number, number>();
	private byProposal = new Map<number, DisputeView>();
	/** Proposal of the dispute opened or moved most recently. */
	latest: number | null = null;

	/** Forgets everything. */
	reset(): void {
		this.txCounts.clear();
		this.byProposal.clear();
		this.latest = null;
	}

	/** The dispute over a proposal. */
	get(proposal: number): DisputeView | undefined {
		return this.byProposal.get(proposal);
	}

	/** The dispute to show: the latest one (open or just resolved). */
	current(): DisputeView | null {
		return this.latest === null ? null : (this.byProposal.get(this.latest) ?? null);
	}

	/** Applies one event; returns the dispute it changed, if any. */
	apply(e: SimEvent): DisputeView | null {
		switch (e.type) {
			case 'batch.proposed':
				this.txCounts.set(e.proposal, e.txs);
				return null;
			case 'challenge.opened':
				return this.open(e);
			case 'dispute.move':
				return this.change(e.proposal, (d) => move(d, e));
			case 'dispute.one-step':
				return this.change(e.proposal, (d) => oneStep(d, e));
			case 'proof.fraud-proof-verified':
				return this.change(e.proposal, (d) => ({ ...d, lastMove: e.fraud ? m.draw_dispute_zk_lied() : m.draw_dispute_zk_honest() }));
			case 'dispute.resolved':
				return this.change(e.proposal, (d) => ({ ...d, phase: 'over', winner: e.winner, reason: e.reason, resolvedAt: e.t }));
			default:
				return null;
		}
	}

	private open(e: EventOf<'challenge.opened'>): DisputeView {
		const txCount = this.txCounts.get(e.proposal) ?? 0;
		const bisection = e.kind === 'bisection';
		const view: DisputeView = {
			batch: e.batch,
			proposal: e.proposal,
			attempt: e.attempt,
			challenger: e.challenger,
			defender: e.defender,
			kind: e.kind,
			txCount,
			phase: bisection ? 'txs' : 'proof',
			lo: 0,
			hi: txCount,
			tx: null,
			stepCount: null,
			rounds: 0,
			trail: bisection && txCount > 0 ? [{ phase: 'txs', lo: 0, hi: txCount }] : [],
			lastMove: bisection ? m.draw_dispute_challenged({ challenger: e.challenger, batch: batchName(e) }) : m.draw_dispute_proving({ challenger: e.challenger }),
			winner: null,
			reason: null,
			oneStep: null,
			openedAt: e.t,
			resolvedAt: null
		};
		this.byProposal.set(e.proposal, view);
		this.latest = e.proposal;
		return view;
	}

	private change(proposal: number, update: (d: DisputeView) => DisputeView): DisputeView | null {
		const d = this.byProposal.get(proposal);
		if (!d) return null;
		const next = update(d);
		this.byProposal.set(proposal, next);
		this.latest = proposal;
		return next;
	}
}

function move(d: DisputeView, e: EventOf<'dispute.move'>): DisputeView {
	const mid = e.index;
	if (e.by === 'defender') {
		let next = d;
		if (e.phase === 'steps' && d.phase !== 'steps') {
			// The transactions are bisected down to one: zoom into its steps (the event says how many).
			const tx = e.tx ?? d.lo;
			next = { ...d, phase: 'steps', tx, stepCount: e.hi, lo: e.lo, hi: e.hi, trail: [...d.trail, { phase: 'steps', lo: e.lo, hi: e.hi }] };
		} else if (e.phase === 'txs' && d.hi <= d.lo) {
			// The batch's size was not seen (joined late): the move says the interval.
			next = { ...d, txCount: e.hi, lo: e.lo, hi: e.hi, trail: [{ phase: 'txs', lo: e.lo, hi: e.hi }] };
		}
		return { ...next, lastMove: (e.phase === 'txs' ? m.draw_dispute_reveals_tx : m.draw_dispute_reveals_step)({ defender: d.defender, n: mid }) };
	}
	const agree = e.agree === true;
	const lo = agree ? mid : e.lo;
	const hi = agree ? e.hi : mid;
	const range: DisputeRange = { phase: e.phase, lo, hi };
	const inputs = { challenger: d.challenger, n: mid, where: rangeLabel(range) };
	const txs = e.phase === 'txs';
	const said = agree ? (txs ? m.draw_dispute_agrees_tx : m.draw_dispute_agrees_step)(inputs) : (txs ? m.draw_dispute_disagrees_tx : m.draw_dispute_disagrees_step)(inputs);
	return { ...d, lo, hi, rounds: d.rounds + 1, trail: [...d.trail, range], lastMove: said, tx: e.phase === 'txs' && hi - lo <= 1 ? lo : d.tx };
}

function oneStep(d: DisputeView, e: EventOf<'dispute.one-step'>): DisputeView {
	const { tx, step } = e;
	const fraud = e.claimed.toLowerCase() !== e.computed.toLowerCase();
	// A one-step transaction has no step moves: the interval is that step alone.
	const zoom = d.phase !== 'steps' ? { tx, stepCount: 1, lo: 0, hi: 1, trail: [...d.trail, { phase: 'steps' as const, lo: 0, hi: 1 }] } : {};
	const said = (fraud ? m.draw_dispute_step_differs : m.draw_dispute_step_matches)({ step, tx });
	return { ...d, ...zoom, phase: 'one-step', oneStep: { tx, step, fraud }, lastMove: said };
}
