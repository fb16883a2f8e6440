/** The simulated clock in the reader's language: "day 0, 01:24:36", "第 0 天 01:24:36". */
import { m } from '$lib/paraglide/messages.js';
import { clockParts } from '$lib/sim/units';

/** Simulated ms as the clock the UI shows, in the page's language. */
export function clockText(ms: number): string {
	const { day, time } = clockParts(ms);
	return m.clock_at({ day: String(day), time });
}
