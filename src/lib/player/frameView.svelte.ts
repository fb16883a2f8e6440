/**
 * What the frames say about the world beyond its snapshot: batches and validator checks from the
 * event log, who just sent a transaction, the short-lived stage effects, and the timeline's key
 * moments. Reactive ($state) so components just read it.
 */
import type { SimEvent } from '$lib/sim';
import { BatchLedger, type BatchTrack, type ValidatorCheck } from './batchLedger';
import { EffectsReducer, NO_EFFECTS, type EffectsView } from './effects';
import { collectMoments, storyFor, type KeyMoment } from './keyEvents';
import type { Story } from './story';
import type { Frame } from './protocol';

/** Most tx senders remembered from one frame (for the users' dots and particles). */
const MAX_SENDERS = 80;

/** The drawn state of a world that is not in its snapshot. */
export class FrameView {
	/** Batches so far, by index. */
	batches = $state.raw<BatchTrack[]>([]);
	/** Each validator's latest re-execution. */
	checks = $state.raw<Record<string, ValidatorCheck>>({});
	/** Validator re-executions so far, and how many found a mismatch. */
	checkTotals = $state({ checked: 0, mismatches: 0 });
	/** Users who sent a transaction since the previous frame. */
	senders = $state.raw<string[]>([]);
	/** Increases with every frame (drives animations). */
	frameCount = $state(0);
	/** Short-lived stage effects (a signature flying, a slash…) and the open dispute, from new events. */
	effects = $state.raw<EffectsView>(NO_EFFECTS);
	/** Total supply at genesis (wei, decimal string). */
	genesisTotal = $state<string | null>(null);
	/** Furthest simulated time this branch has reached (the timeline's end). */
	horizon = $state(0);
	/** Key moments of this branch, for the timeline's marks. */
	moments = $state.raw<KeyMoment[]>([]);

	/** What the event log says about each batch (read by the narrator as events arrive). */
	readonly ledger = new BatchLedger();
	private effectsReducer = new EffectsReducer();
	private momentsCovered = -1;
	private story: Story = storyFor();
	private pendingSenders: string[] = [];

	/** Tells the view the story of the world about to load (its scenario's own key events count as moments). */
	tell(story: Story): void {
		this.story = story;
	}

	/** Starts a frame: a reset frame (a new world or a seek back) starts the ledger afresh. */
	begin(frame: Frame): void {
		if (frame.reset) {
			this.ledger.reset();
			if (frame.reason === 'load') this.genesisTotal = frame.snapshot.supply.total;
		}
		this.pendingSenders = [];
	}

	/** Takes one of the frame's events into the ledger. */
	event(e: SimEvent): void {
		this.ledger.apply(e);
		if (e.type === 'tx.submitted' && this.pendingSenders.length < MAX_SENDERS) this.pendingSenders.push(String(e.user));
	}

	/** Ends a frame at wall time `now`: publishes the ledger, effects and moments. */
	end(frame: Frame, now: number): void {
		this.batches = this.ledger.list();
		this.checks = Object.fromEntries(this.ledger.checks);
		this.checkTotals = { checked: this.ledger.checked, mismatches: this.ledger.mismatches };
		this.senders = this.pendingSenders;
		// A seek forward skips over its events: they set the lasting state but are not animated.
		this.effects = this.effectsReducer.apply({ events: frame.events, reset: frame.reset, animate: frame.reason !== 'seek', now, t: frame.snapshot.t });
		this.trackMoments(frame);
		this.frameCount++;
	}

	/** Keeps the timeline's key moments: a seek back keeps the branch's future marks; a fork drops those after it. */
	private trackMoments(frame: Frame): void {
		if (frame.reason === 'load') {
			this.momentsCovered = -1;
			this.moments = [];
		} else if (frame.horizon < this.horizon) {
			this.moments = this.moments.filter((m) => m.t < frame.horizon);
			this.momentsCovered = Math.min(this.momentsCovered, frame.horizon - 0.5);
		}
		this.horizon = frame.horizon;
		const fresh = frame.events.filter((e) => e.t > this.momentsCovered);
		if (!fresh.length) return;
		this.moments = collectMoments(this.moments, fresh, Math.max(60_000, frame.horizon / 200), this.story);
		this.momentsCovered = fresh[fresh.length - 1].t;
	}
}
