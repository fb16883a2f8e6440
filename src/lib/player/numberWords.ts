/**
 * Numbers as a learner reads them in narration and labels: METIS rounded to what matters
 * (10,000,000.0042 → 10,000,000; 12.3456 → 12.35; 0.018912 → 0.0189) and durations in plain
 * units. Exact amounts are the inspector's job.
 */
import { METIS } from '$lib/sim/units';
import { m } from '$lib/paraglide/messages.js';

/** Significant figures kept below 1 METIS. */
const SMALL_FIGURES = 3;

/** Decimals shown for an amount in wei: none from 1,000 METIS, two from 1, else three significant figures. */
function decimalsFor(abs: bigint): number {
	if (abs === 0n || abs >= 1000n * METIS) return 0;
	if (abs >= METIS) return 2;
	return 18 - abs.toString().length + SMALL_FIGURES;
}

/** A METIS amount (wei) rounded for reading, without the unit: "10,000,000", "12.35", "0.0189". */
export function metisAmount(wei: bigint | string): string {
	const value = typeof wei === 'bigint' ? wei : BigInt(wei);
	const negative = value < 0n;
	const abs = negative ? -value : value;
	let decimals = decimalsFor(abs);
	let unit = 10n ** BigInt(18 - decimals);
	let rounded = (abs + unit / 2n) / unit;
	// Rounding up can cross a threshold (999.996 → 1,000): show it as the bigger amount reads.
	const next = decimalsFor(rounded * unit);
	if (next < decimals) {
		decimals = next;
		unit = 10n ** BigInt(18 - decimals);
		rounded = (abs + unit / 2n) / unit;
	}
	const scale = 10n ** BigInt(decimals);
	const whole = (rounded / scale).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	const frac = decimals > 0 ? (rounded % scale).toString().padStart(decimals, '0').replace(/0+$/, '') : '';
	return `${negative && rounded > 0n ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** A METIS amount (wei) rounded for reading, with the unit: "3,000 METIS". */
export function metisText(wei: bigint | string): string {
	return m.say_metis({ amount: metisAmount(wei) });
}

/** A duration in plain words: "7 days", "4 h", "55 min", "12.8 min", "24 s". */
export function formatDuration(ms: number): string {
	const day = 86_400_000;
	if (ms >= day && ms % day === 0) return (ms === day ? m.say_days_one : m.say_days_other)({ count: ms / day });
	if (ms >= day) return m.say_days_other({ count: +(ms / day).toFixed(1) });
	if (ms >= 3_600_000) return m.say_hours({ n: +(ms / 3_600_000).toFixed(1) });
	if (ms >= 60_000) return m.say_minutes({ n: +(ms / 60_000).toFixed(1) });
	return m.say_seconds({ n: +(ms / 1000).toFixed(1) });
}
