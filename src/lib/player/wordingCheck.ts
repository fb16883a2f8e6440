/**
 * What a learner must never read in narration or a label: raw ids (`wrong-state-root`,
 * `traffic.rate`, `stateRoot`), leaked placeholders (`undefined`, `NaN`, `[object Object]`), a phrase
 * said twice in one line ("by vote … by vote"), or a METIS amount with more digits than matter.
 * The narration scan of every preset runs each line through it.
 */
import { SEQUENCER_BEHAVIOURS, VALIDATOR_BEHAVIOURS } from '$lib/sim/behaviours';

/** Two-part codes the simulation uses that read like English only to a programmer. */
const TWO_PART_CODES = ['invalid-tx', 'missing-proof', 'set-changed', 'epoch-ended', 'l1-deadline', 'as-deployed', 'more-than', 'at-least', 'zk-fraud'];

/** Every hyphenated behaviour id, and the two-part codes. */
const CODES = new Set<string>([...[...SEQUENCER_BEHAVIOURS, ...VALIDATOR_BEHAVIOURS].filter((b) => b.includes('-')), ...TWO_PART_CODES]);

/** Words too common for a repeat of two of them to mean a phrase was said twice. */
const COMMON = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'and', 'or', 'it', 'its', 'is', 'from', 'with', 'as', 'that', 'no', 'not']);

/** Most significant figures an amount below 1 METIS shows, and most decimals above it. */
const SMALL_FIGURES = 3;
const DECIMALS = 2;

/** The problems in one line of learner-facing text; empty when it reads well. */
export function wordingProblems(line: string): string[] {
	const problems: string[] = [];
	for (const leak of ['undefined', 'NaN', '[object', 'null']) if (new RegExp(`(^|[^a-z])${leak.replace('[', '\\[')}([^a-z]|$)`, 'i').test(line)) problems.push(`leaks "${leak}"`);
	for (const m of line.matchAll(/\b[a-z0-9]+(?:-[a-z0-9]+)+\b/gi)) {
		const word = m[0].toLowerCase();
		if (CODES.has(word) || [...CODES].some((c) => word.startsWith(`${c}-`)) || word.split('-').length > 2) problems.push(`raw id "${m[0]}"`);
	}
	for (const m of line.matchAll(/\b[a-z][a-z0-9]*\.[a-z][a-z0-9-]*\b/g)) problems.push(`raw event or command id "${m[0]}"`);
	for (const m of line.matchAll(/\b[a-z]+[A-Z][A-Za-z]*\b/g)) problems.push(`raw field name "${m[0]}"`);
	const words = line.toLowerCase().match(/[a-z’']+|[^\sa-z’']+/g) ?? [];
	const seen = new Set<string>();
	for (let i = 0; i + 1 < words.length; i++) {
		const [a, b] = [words[i], words[i + 1]];
		if (!/^[a-z]/.test(a) || !/^[a-z]/.test(b) || (COMMON.has(a) && COMMON.has(b))) continue;
		const pair = `${a} ${b}`;
		if (seen.has(pair)) problems.push(`says "${pair}" twice`);
		seen.add(pair);
	}
	for (const m of line.matchAll(/(\d[\d,]*)(?:\.(\d+))? METIS/g)) {
		const whole = m[1].replace(/,/g, '');
		const frac = m[2] ?? '';
		if (Number(whole) > 0 ? frac.length > DECIMALS : frac.replace(/^0+/, '').length > SMALL_FIGURES) problems.push(`amount "${m[0]}" shows more digits than matter`);
	}
	return problems;
}
