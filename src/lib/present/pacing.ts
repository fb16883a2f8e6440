/** The speaker's clocks: time in the talk and in the scene, against the scenes' planned paces. */

/** A wall duration as m:ss (h:mm:ss from an hour). */
export function clockText(ms: number): string {
	const s = Math.max(0, Math.floor(ms / 1000));
	const h = Math.floor(s / 3600);
	const mm = Math.floor((s % 3600) / 60);
	const ss = String(s % 60).padStart(2, '0');
	return h ? `${h}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/** How the scene is going against its pace: on time, in its last fifth, or over. */
export type PaceState = 'on' | 'soon' | 'over';

/** The scene's pace state after `inScene` ms of a planned `pace`. */
export function paceState(inScene: number, pace: number): PaceState {
	if (inScene > pace) return 'over';
	return inScene >= pace * 0.8 ? 'soon' : 'on';
}

/** Planned wall ms from the talk's start to the start of scene `index`. */
export function plannedStart(paces: readonly number[], index: number): number {
	return paces.slice(0, index).reduce((a, b) => a + b, 0);
}

/** How far ahead (negative) or behind (positive) the talk runs: elapsed against the plan for where it is, in ms (within a scene, only its overrun counts). */
export function drift(paces: readonly number[], index: number, elapsed: number, inScene: number): number {
	const planned = plannedStart(paces, index) + Math.min(inScene, paces[index] ?? 0);
	return elapsed - planned;
}
