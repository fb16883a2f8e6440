/** Checks a preset's written expectation (`expect` in its scenario file) against a world export. */
import type { Expectation } from './scenario';
import type { WorldExport } from './world/export';

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

/** What differs from the expectation; empty when the outcome is as written. */
export function checkOutcome(expect: Expectation, ex: WorldExport): string[] {
	const problems: string[] = [];
	const types = new Set(ex.events.map((e) => e.type));
	const same = (a: string[], b: string[]) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
	if (expect.slashed) {
		const slashed = ex.slashings.map((s) => s.sequencer);
		if (!same(slashed, expect.slashed)) problems.push(`slashed ${JSON.stringify(sorted(slashed))}, expected ${JSON.stringify(sorted(expect.slashed))}`);
	}
	if (expect.forceUnlocked) {
		const unlocked = ex.events.filter((e) => e.type === 'sequencer.force-unlocked').map((e) => String(e.sequencer));
		if (!same(unlocked, expect.forceUnlocked)) problems.push(`force-unlocked ${JSON.stringify(sorted(unlocked))}, expected ${JSON.stringify(sorted(expect.forceUnlocked))}`);
	}
	for (const t of expect.events ?? []) if (!types.has(t)) problems.push(`no "${t}" event`);
	for (const t of expect.absentEvents ?? []) if (types.has(t)) problems.push(`unexpected "${t}" event`);
	const live = ex.batches.filter((b) => b.status !== 'reverted' && b.status !== 'rejected');
	if (expect.allSettled && (live.length === 0 || live.some((b) => b.status !== 'finalized'))) {
		problems.push(`not every batch settled: ${live.map((b) => `${b.index}:${b.status}`).join(', ') || 'no batches'}`);
	}
	if (expect.fraudulentSettled !== undefined) {
		const n = ex.batches.filter((b) => b.fraudulent && b.status === 'finalized').length;
		if (n !== expect.fraudulentSettled) problems.push(`${n} fraudulent batches settled, expected ${expect.fraudulentSettled}`);
	}
	if (expect.revertedAtLeast !== undefined) {
		const n = ex.batches.filter((b) => b.status === 'reverted').length;
		if (n < expect.revertedAtLeast) problems.push(`${n} batches reverted, expected at least ${expect.revertedAtLeast}`);
	}
	if (expect.challengerRewarded !== undefined) {
		const rewarded = ex.slashings.some((s) => BigInt(s.challengerReward) > 0n);
		if (rewarded !== expect.challengerRewarded) problems.push(rewarded ? 'a challenger was rewarded' : 'no challenger was rewarded');
	}
	if (ex.supply.initial.total !== ex.supply.final.total) problems.push('the total supply changed');
	return problems;
}
