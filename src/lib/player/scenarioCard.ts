/**
 * When the sandbox's scenario card shows: its introduction when a world opens (until the clock first
 * moves or the card is hidden), and the world's outcome when nothing more will happen (until the
 * world moves again or the card is hidden). Pure: the card component feeds it what happened.
 */

/** What the card shows. */
export type CardPhase = 'intro' | 'outcome' | 'hidden';

/** The card's state. */
export interface CardState {
	/** What it shows. */
	phase: CardPhase;
	/** The outcome sentences, once the world has ended. */
	outcome: string[] | null;
	/** The earliest simulated time seen since the world opened (the clock has moved once it is past this). */
	startT: number | null;
}

/** Something that changes what the card shows. */
export type CardEvent =
	| { type: 'opened' }
	| { type: 'clock'; t: number; playing: boolean }
	| { type: 'ended'; outcome: string[] }
	| { type: 'resumed' }
	| { type: 'dismissed' };

/** The card before any world opened. */
export const NO_CARD: CardState = { phase: 'hidden', outcome: null, startT: null };

/** The card after `event`. */
export function nextCard(state: CardState, event: CardEvent): CardState {
	switch (event.type) {
		case 'opened':
			return { phase: 'intro', outcome: null, startT: null };
		case 'clock': {
			if (state.phase !== 'intro') return state;
			// The first frames of a new world can still carry the old world's later time: keep the earliest.
			const startT = state.startT === null ? event.t : Math.min(state.startT, event.t);
			if (event.playing || event.t > startT) return { ...state, phase: 'hidden', startT };
			return startT === state.startT ? state : { ...state, startT };
		}
		case 'ended':
			return { ...state, phase: 'outcome', outcome: event.outcome };
		case 'resumed':
			return state.phase === 'outcome' ? { ...state, phase: 'hidden', outcome: null } : { ...state, outcome: null };
		case 'dismissed':
			return state.phase === 'hidden' ? state : { ...state, phase: 'hidden' };
	}
}
