/**
 * What the page knows about a dispute game, folded from the event log: the disputed interval as it
 * narrows, whose move it was, and the outcome. It mirrors the game's rule (disputeGameMachine.ts):
 * roots are numbered 0..n, root `lo` is agreed and root `hi` disputed, so the fault lies in
 * transactions (or steps) lo..hi-1; the defender reveals root floor((lo+hi)/2) and the challenger
 * agrees (lo = mid) or disagrees (hi = mid). It records what the events say; it decides nothing.
 */
import type { SimEvent } from '$lib/sim';

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
	/** Who challenged. */
	challenger: string;
	/** The batch's proposer. */
	defender: string;
	/** 'bisection' (optimistic), 'zk-fraud-proof' (hybrid) or 'zk-deadline' (zk). */
	kind: string;
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

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
const str = (v: unknown): string => (typeof v === 'string' ? v : String(v ?? ''));

/**
 * Steps of a transaction from the first step the defender reveals (lo = 0, mid = floor(m / 2)).
 * Transactions here take 1, 2, 4 or 6 micro-steps (src/lib/chain/trace.ts), so m = 2 × mid.
 */
export function stepCountFromMidpoint(mid: number): number {
	return Math.max(2, 2 * mid);
}

/** Most rounds a bisection over `size` items can take: ceil(log2 size). */
export function maxRounds(size: number): number {
	return size > 1 ? Math.ceil(Math.log2(size)) : 0;
}

/** "txs 15–30", "tx 30", "steps 0–3", "step 3". */
export function rangeLabel(r: DisputeRange): string {
	const one = r.phase === 'txs' ? 'tx' : 'step';
	return r.hi - r.lo <= 1 ? `${one} ${r.lo}` : `${one}s ${r.lo}–${r.hi - 1}`;
}

/** "Bisection: txs 0–30 → 15–30 → … → tx 30 → steps 0–3 → step 3", keeping the newest `keep` intervals. */
export function trailLabel(trail: DisputeRange[], keep = 6): string {
	const parts: string[] = [];
	trail.forEach((r, i) => {
		const prev = trail[i - 1];
		const label = rangeLabel(r);
		// After the first interval of a phase, "txs 15–30" reads as "15–30".
		parts.push(prev && prev.phase === r.phase && r.hi - r.lo > 1 ? label.replace(/^\w+ /, '') : label);
	});
	const shown = parts.length > keep ? ['…', ...parts.slice(-keep + 1)] : parts;
	return `Bisection: ${shown.join(' → ')}`;
}

/** "round 3 of at most 7" (the steps' share is estimated until the transaction is found). */
export function roundsLabel(d: DisputeView): string {
	const steps = d.stepCount ?? (d.tx === null ? null : 0);
	const most = maxRounds(d.txCount) + (steps === null ? 2 : maxRounds(steps));
	return `round ${d.rounds} of at most ${Math.max(most, d.rounds)}`;
}

/** Folds dispute events; one view per batch, the latest game per batch wins. */
export class DisputeBook {
	private txCounts = new Map<number, number>();
	private byBatch = new Map<number, DisputeView>();
	/** Batch of the dispute opened or moved most recently. */
	latest: number | null = null;

	/** Forgets everything. */
	reset(): void {
		this.txCounts.clear();
		this.byBatch.clear();
		this.latest = null;
	}

	/** The dispute over a batch. */
	get(batch: number): DisputeView | undefined {
		return this.byBatch.get(batch);
	}

	/** The dispute to show: the latest one (open or just resolved). */
	current(): DisputeView | null {
		return this.latest === null ? null : (this.byBatch.get(this.latest) ?? null);
	}

	/** Applies one event; returns the dispute it changed, if any. */
	apply(e: SimEvent): DisputeView | null {
		switch (e.type) {
			case 'batch.proposed':
				this.txCounts.set(num(e.index), num(e.txs));
				return null;
			case 'challenge.opened':
				return this.open(e);
			case 'dispute.move':
				return this.change(num(e.batch), (d) => move(d, e));
			case 'dispute.one-step':
				return this.change(num(e.batch), (d) => oneStep(d, e));
			case 'proof.fraud-proof-verified':
				return this.change(num(e.batch), (d) => ({ ...d, lastMove: `L1 verified a ZK proof of the true root: ${e.fraud ? 'the batch lied' : 'the batch was honest'}` }));
			case 'dispute.resolved':
				return this.change(num(e.batch), (d) => ({
					...d,
					phase: 'over',
					winner: e.winner === 'defender' ? 'defender' : 'challenger',
					reason: str(e.reason),
					resolvedAt: e.t
				}));
			default:
				return null;
		}
	}

	private open(e: SimEvent): DisputeView {
		const batch = num(e.batch);
		const txCount = this.txCounts.get(batch) ?? 0;
		const kind = str(e.kind);
		const bisection = kind === 'bisection';
		const view: DisputeView = {
			batch,
			challenger: str(e.challenger),
			defender: str(e.defender),
			kind,
			txCount,
			phase: bisection ? 'txs' : 'proof',
			lo: 0,
			hi: txCount,
			tx: null,
			stepCount: null,
			rounds: 0,
			trail: bisection && txCount > 0 ? [{ phase: 'txs', lo: 0, hi: txCount }] : [],
			lastMove: bisection ? `${str(e.challenger)} challenged batch ${batch} on L1` : kind === 'zk-deadline' ? 'waiting for a validity proof' : `${str(e.challenger)} is proving the true root (ZK, simulated)`,
			winner: null,
			reason: null,
			oneStep: null,
			openedAt: e.t,
			resolvedAt: null
		};
		this.byBatch.set(batch, view);
		this.latest = batch;
		return view;
	}

	private change(batch: number, update: (d: DisputeView) => DisputeView): DisputeView | null {
		const d = this.byBatch.get(batch);
		if (!d) return null;
		const next = update(d);
		this.byBatch.set(batch, next);
		this.latest = batch;
		return next;
	}
}

function move(d: DisputeView, e: SimEvent): DisputeView {
	const phase = e.phase === 'steps' ? 'steps' : 'txs';
	const mid = num(e.index);
	const unit = phase === 'txs' ? 'tx' : 'step';
	if (e.by === 'defender') {
		let next = d;
		if (phase === 'steps' && d.phase !== 'steps') {
			// The transactions are bisected down to one: zoom into its steps.
			const tx = e.tx === null || e.tx === undefined ? d.lo : num(e.tx);
			const stepCount = stepCountFromMidpoint(mid);
			next = { ...d, phase: 'steps', tx, stepCount, lo: 0, hi: stepCount, trail: [...d.trail, { phase: 'steps', lo: 0, hi: stepCount }] };
		} else if (phase === 'txs' && d.hi <= d.lo) {
			// The batch's size was not seen (joined late): the first midpoint bounds it.
			const hi = 2 * mid + 1;
			next = { ...d, txCount: hi, hi, trail: [{ phase: 'txs', lo: 0, hi }] };
		}
		return { ...next, lastMove: `${d.defender} reveals its state root before ${unit} ${mid}` };
	}
	const agree = e.agree === true;
	const lo = agree ? mid : d.lo;
	const hi = agree ? d.hi : mid;
	const range: DisputeRange = { phase, lo, hi };
	const where = hi - lo <= 1 ? `${unit} ${lo}` : `${unit}s ${lo}–${hi - 1}`;
	const said = agree ? `${d.challenger} agrees up to ${unit} ${mid}: the fault is in ${where}` : `${d.challenger} disagrees at ${unit} ${mid}: the fault is in ${where}`;
	return { ...d, lo, hi, rounds: d.rounds + 1, trail: [...d.trail, range], lastMove: said, tx: phase === 'txs' && hi - lo <= 1 ? lo : d.tx };
}

function oneStep(d: DisputeView, e: SimEvent): DisputeView {
	const tx = num(e.tx);
	const step = num(e.step);
	const fraud = str(e.claimed).toLowerCase() !== str(e.computed).toLowerCase();
	// A one-step transaction has no step moves: the interval is that step alone.
	const zoom = d.phase !== 'steps' ? { tx, stepCount: 1, lo: 0, hi: 1, trail: [...d.trail, { phase: 'steps' as const, lo: 0, hi: 1 }] } : {};
	const said = `L1 executes step ${step} of tx ${tx}: ${fraud ? 'its root differs from the claim' : 'it matches the claim'}`;
	return { ...d, ...zoom, phase: 'one-step', oneStep: { tx, step, fraud }, lastMove: said };
}
