/** Playback speeds on a log scale, from a tenth of real time to fast-forward. */
import type { Speed } from './protocol';
import { m } from '$lib/paraglide/messages.js';

/** The steps of the Speed slider: 0.1× … 3600× (an hour a second), then fast-forward. */
export const SPEED_STEPS: readonly Speed[] = [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 100, 300, 1000, 3600, 'max'];

/** Slider index of 1×. */
export const DEFAULT_SPEED_INDEX = SPEED_STEPS.indexOf(1);

/** How a speed reads: "0.25×", "1×", "3,600×" or "fast-forward". */
export function speedLabel(speed: Speed): string {
	if (speed === 'max') return m.ui_speed_max();
	return m.ui_speed_times({ speed: speed.toLocaleString('en-US') });
}

/** The slider index nearest to a speed. */
export function speedIndex(speed: Speed): number {
	if (speed === 'max') return SPEED_STEPS.length - 1;
	let best = 0;
	SPEED_STEPS.forEach((s, i) => {
		if (s !== 'max' && Math.abs(Math.log(s / speed)) < Math.abs(Math.log((SPEED_STEPS[best] as number) / speed))) best = i;
	});
	return best;
}

/** An achieved rate in words: "24× real time". */
export function rateLabel(rate: number): string {
	const shown = rate >= 1000 ? Math.round(rate).toLocaleString('en-US') : rate >= 10 ? String(Math.round(rate)) : rate.toFixed(1);
	return m.ui_speed_rate({ rate: shown });
}
