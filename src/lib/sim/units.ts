/** Units of the simulated world: METIS amounts in wei and durations in virtual milliseconds. */

/** One METIS in wei (18 decimals). */
export const METIS = 10n ** 18n;
/** One gwei in wei. */
export const GWEI = 10n ** 9n;

/** Milliseconds in a second, minute, hour and day of simulated time. */
export const SECOND = 1000;
/** One simulated minute in ms. */
export const MINUTE = 60 * SECOND;
/** One simulated hour in ms. */
export const HOUR = 60 * MINUTE;
/** One simulated day in ms. */
export const DAY = 24 * HOUR;

const UNIT_MS: Record<string, number> = { ms: 1, s: SECOND, m: MINUTE, h: HOUR, d: DAY };

/** Parses a duration such as "8d", "90m", "1h30m", "12s" or a bare number of ms; null if malformed. */
export function parseDuration(text: string): number | null {
	const trimmed = text.trim();
	if (/^\d+$/.test(trimmed)) return Number(trimmed);
	const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
	let total = 0;
	let matched = 0;
	for (let m = re.exec(trimmed); m; m = re.exec(trimmed)) {
		total += Number(m[1]) * UNIT_MS[m[2]];
		matched = re.lastIndex;
	}
	if (matched === 0 || matched !== trimmed.length) return null;
	return Math.round(total);
}

/** Splits simulated ms into its day and its "01:24:36" time of day (for a clock in any language). */
export function clockParts(ms: number): { day: number; time: string } {
	const day = Math.floor(ms / DAY);
	const rest = ms - day * DAY;
	const pad = (n: number) => String(n).padStart(2, '0');
	const h = Math.floor(rest / HOUR);
	const m = Math.floor((rest % HOUR) / MINUTE);
	const s = Math.floor((rest % MINUTE) / SECOND);
	return { day, time: `${pad(h)}:${pad(m)}:${pad(s)}` };
}

/** Formats simulated ms as "day 0, 01:24:36", in English (the UI says it in the reader's language with `clockText`). */
export function formatClock(ms: number): string {
	const { day, time } = clockParts(ms);
	return `day ${day}, ${time}`;
}

/** Formats a wei amount as METIS with up to `digits` decimals and thousands separators. */
export function formatMetis(wei: bigint, digits = 4): string {
	const negative = wei < 0n;
	const abs = negative ? -wei : wei;
	const whole = abs / METIS;
	const frac = abs % METIS;
	const fracText = frac.toString().padStart(18, '0').slice(0, digits).replace(/0+$/, '');
	const wholeText = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return `${negative ? '-' : ''}${wholeText}${fracText ? `.${fracText}` : ''} METIS`;
}

/** Parses a decimal METIS amount ("20000", "0.000761") into wei; null if malformed. */
export function parseMetis(text: string): bigint | null {
	const m = /^(\d+)(?:\.(\d{1,18}))?$/.exec(text.trim());
	if (!m) return null;
	return BigInt(m[1]) * METIS + BigInt((m[2] ?? '').padEnd(18, '0') || '0');
}

/** `0x1234…cdef`: enough of a hash to recognise it. */
export function shortHex(hex: string): string {
	return hex.length > 14 ? `${hex.slice(0, 6)}…${hex.slice(-4)}` : hex;
}
