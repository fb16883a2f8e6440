/** Where the finality race draws things: a log-scale time axis from a fifth of a second to nine days, and each row's marks, nudged apart where two rungs come close. */
import { scaleLog } from 'd3';
import type { RungTime } from '$lib/learn/calc/finalityRace';

/** The axis' span in seconds: it holds every time in the race, from 250 ms to a week and an hour. */
export const RACE_DOMAIN: [number, number] = [0.2, 9 * 86_400];

/** The labelled ticks: a second, a minute, an hour, a day, a week. */
export const RACE_TICKS = [
	{ seconds: 1, key: 'second' },
	{ seconds: 60, key: 'minute' },
	{ seconds: 3600, key: 'hour' },
	{ seconds: 86_400, key: 'day' },
	{ seconds: 604_800, key: 'week' }
] as const;

/** A mark placed on its row. */
export interface PlacedMark {
	/** The rung and its time. */
	time: RungTime;
	/** Its centre. */
	x: number;
	/** How far below the row's line it sits (0, or nudged when it would cover the mark before). */
	dy: number;
	/** Its spread, in pixels, when it has one. */
	span: { x0: number; x1: number } | null;
}

/** The time axis over `[x0, x1]` pixels. */
export function raceScale(x0: number, x1: number) {
	return scaleLog().domain(RACE_DOMAIN).range([x0, x1]).clamp(true);
}

/** Places a row's marks; one closer than `gap` pixels to the mark before drops below the line, so neither hides the other. */
export function placeMarks(rungs: readonly RungTime[], x: (seconds: number) => number, gap = 15, drop = 11): PlacedMark[] {
	const placed: PlacedMark[] = [];
	for (const time of rungs) {
		const at = x(time.seconds);
		const before = placed.at(-1);
		const dy = before && at - before.x < gap && before.dy === 0 ? drop : 0;
		placed.push({ time, x: at, dy, span: time.range ? { x0: x(time.range.low), x1: x(time.range.high) } : null });
	}
	return placed;
}
