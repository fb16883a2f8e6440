/**
 * What a learner typed into a calculator's field, read as an exact fixed-point amount (a bigint
 * scaled by the field's decimals), or the reason it cannot be: empty, not a number, negative, too
 * precise, or out of range. Nothing here turns text into a float, so 1e300 is "far too large",
 * never Infinity.
 */

/** How a field is read: its decimals and its range, both in the field's scaled units. */
export interface FieldSpec {
	/** Decimals kept: 0 for a count, 2 for a percentage to the basis point, 9 for gwei in wei. */
	decimals: number;
	/** Smallest allowed value, scaled (20,000 METIS with 0 decimals is `20000n`). */
	min: bigint;
	/** Largest allowed value, scaled. */
	max: bigint;
}

/** Why a field's text is not a usable value. */
export type FieldProblem =
	| { kind: 'empty' }
	| { kind: 'not-a-number' }
	| { kind: 'negative' }
	| { kind: 'too-precise'; decimals: number }
	| { kind: 'below'; min: string }
	| { kind: 'above'; max: string };

/** A field read: its scaled value, or its problem. */
export type FieldRead = { ok: true; value: bigint } | { ok: false; problem: FieldProblem };

/** Exponents beyond this are absurd for every field here; refusing them keeps `10n ** e` small. */
const MAX_EXPONENT = 60;

/** Digits, with commas only between groups of three ("20,000"), an optional fraction and exponent. */
const NUMBER = /^(?:(\d{1,3}(?:,\d{3})+)|(\d*))(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Reads `text` under `spec`: "20,000", "0.5", "2e4" and " 7 " are numbers; "1,5", "abc", "-3" and "1e300" are problems. */
export function readField(text: string, spec: FieldSpec): FieldRead {
	const trimmed = text.trim();
	if (!trimmed) return problem({ kind: 'empty' });
	const negative = trimmed.startsWith('-');
	const match = NUMBER.exec(negative ? trimmed.slice(1).trim() : trimmed);
	const whole = match ? (match[1] ?? match[2] ?? '').replaceAll(',', '') : '';
	const fraction = match?.[3] ?? '';
	if (!match || (!whole && !fraction)) return problem({ kind: 'not-a-number' });
	const digits = BigInt(whole + fraction || '0');
	if (negative && digits > 0n) return problem({ kind: 'negative' });
	const shift = Number(match[4] ?? '0') - fraction.length + spec.decimals;
	const range = (value: bigint): FieldRead => (value < spec.min ? problem({ kind: 'below', min: plainDecimal(spec.min, spec.decimals) }) : value > spec.max ? problem({ kind: 'above', max: plainDecimal(spec.max, spec.decimals) }) : { ok: true, value });
	if (digits === 0n) return range(0n);
	if (shift > MAX_EXPONENT) return problem({ kind: 'above', max: plainDecimal(spec.max, spec.decimals) });
	if (shift >= 0) return range(digits * 10n ** BigInt(shift));
	if (-shift > MAX_EXPONENT) return problem({ kind: 'too-precise', decimals: spec.decimals });
	const unit = 10n ** BigInt(-shift);
	return digits % unit === 0n ? range(digits / unit) : problem({ kind: 'too-precise', decimals: spec.decimals });
}

const problem = (p: FieldProblem): FieldRead => ({ ok: false, problem: p });

/** A scaled value written out exactly, with thousands separators: `plainDecimal(2000050n, 2)` is "20,000.5". */
export function plainDecimal(value: bigint, decimals: number): string {
	const negative = value < 0n;
	const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0');
	const whole = digits.slice(0, digits.length - decimals).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
	return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Every field of a form read at once: the values when all are good, else each bad field's problem. */
export function readFields<K extends string>(texts: Record<K, string>, specs: Record<K, FieldSpec>): { values: Record<K, bigint> | null; problems: Partial<Record<K, FieldProblem>> } {
	const values = {} as Record<K, bigint>;
	const problems: Partial<Record<K, FieldProblem>> = {};
	for (const key of Object.keys(specs) as K[]) {
		const read = readField(texts[key], specs[key]);
		if (read.ok) values[key] = read.value;
		else problems[key] = read.problem;
	}
	return { values: Object.keys(problems).length ? null : values, problems };
}
