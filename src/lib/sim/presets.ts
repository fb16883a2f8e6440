/** Checks a preset's written expectation (`expect` in its scenario file) against a world export. */
import { fromHex, keccakHex } from '../chain/hex';
import { parseMetis, parseDuration } from './units';
import type { Expectation } from './scenario';
import type { WorldExport } from './world/export';

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

/** One expectation without its variants. */
export type Outcome = Omit<Expectation, 'variants'>;

/** Hashes of the user transactions that never settled (and were not dropped before any block held them). */
export function unsettledTxs(ex: WorldExport): string[] {
	const settled = new Set<string>();
	for (const b of ex.batches) if (b.status === 'finalized') for (const raw of b.txs) settled.add(keccakHex(fromHex(raw as `0x${string}`)));
	const included = new Set<string>();
	const dropped = new Set<string>();
	for (const e of ex.events) {
		if (e.type === 'finality.soft') included.add(e.hash);
		else if (e.type === 'tx.dropped') dropped.add(e.hash);
	}
	const out: string[] = [];
	for (const e of ex.events) if (e.type === 'tx.submitted' && !settled.has(e.hash) && (included.has(e.hash) || !dropped.has(e.hash))) out.push(e.hash);
	return out;
}

/** The longest a user's transactions waited from signing to their first L2 block (ms); Infinity if one never got in. */
export function worstWait(ex: WorldExport, user: string): number {
	const sent = new Map<string, number>();
	const soft = new Map<string, number>();
	for (const e of ex.events) {
		if (e.type === 'tx.submitted' && e.user === user) sent.set(e.hash, e.t);
		else if (e.type === 'finality.soft' && !soft.has(e.hash)) soft.set(e.hash, e.t);
	}
	let worst = 0;
	for (const [hash, t] of sent) worst = Math.max(worst, (soft.get(hash) ?? Infinity) - t);
	return worst;
}

/** Accepted batches signed by exactly the quorum fraction, neither more nor less (e.g. 4 of 6 for 2/3). */
export function edgeBatches(ex: WorldExport): number[] {
	const out: number[] = [];
	for (const b of ex.batches) {
		if (!b.quorum || b.status === 'rejected') continue;
		const { by, numerator, denominator } = b.quorum;
		const signed = by === 'stake' ? b.signers.reduce((a, s) => a + BigInt(b.activeStakes[s] ?? '0'), 0n) : BigInt(b.signers.length);
		const all = by === 'stake' ? b.activeSet.reduce((a, s) => a + BigInt(b.activeStakes[s] ?? '0'), 0n) : BigInt(b.activeSet.length);
		if (signed * BigInt(denominator) === BigInt(numerator) * all) out.push(b.index);
	}
	return out;
}

/** What differs from the expectation; empty when the outcome is as written. */
export function checkOutcome(expect: Outcome, ex: WorldExport): string[] {
	const problems: string[] = [];
	const types = new Set<string>(ex.events.map((e) => e.type));
	const same = (a: string[], b: string[]) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
	if (expect.slashed) {
		const slashed = ex.slashings.map((s) => s.sequencer);
		if (!same(slashed, expect.slashed)) problems.push(`slashed ${JSON.stringify(sorted(slashed))}, expected ${JSON.stringify(sorted(expect.slashed))}`);
	}
	if (expect.forceUnlocked) {
		const unlocked = ex.events.flatMap((e) => (e.type === 'sequencer.force-unlocked' ? [e.sequencer] : []));
		if (!same(unlocked, expect.forceUnlocked)) problems.push(`force-unlocked ${JSON.stringify(sorted(unlocked))}, expected ${JSON.stringify(sorted(expect.forceUnlocked))}`);
	}
	for (const t of expect.events ?? []) if (!types.has(t)) problems.push(`no "${t}" event`);
	for (const t of expect.absentEvents ?? []) if (types.has(t)) problems.push(`unexpected "${t}" event`);
	const live = ex.batches.filter((b) => b.status !== 'reverted' && b.status !== 'rejected');
	if (expect.allSettled && (live.length === 0 || live.some((b) => b.status !== 'finalized'))) {
		problems.push(`not every batch settled: ${live.map((b) => `${b.index}:${b.status}`).join(', ') || 'no batches'}`);
	}
	if (expect.everyTxSettled) {
		const left = unsettledTxs(ex);
		if (left.length > 0) problems.push(`${left.length} user transactions never settled`);
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
	if (expect.unbackedMetis !== undefined) {
		const want = parseMetis(expect.unbackedMetis);
		if (want === null || BigInt(ex.supply.acceptedOnL1.unbackedMetis) !== want) problems.push(`L1 settled ${ex.supply.acceptedOnL1.unbackedMetis} wei that no transaction created, expected ${expect.unbackedMetis} METIS`);
	}
	if (expect.txWait) {
		const wait = worstWait(ex, expect.txWait.user);
		const atLeast = expect.txWait.atLeast ? parseDuration(expect.txWait.atLeast)! : 0;
		const atMost = expect.txWait.atMost ? parseDuration(expect.txWait.atMost)! : Infinity;
		if (wait < atLeast || wait > atMost) problems.push(`${expect.txWait.user} waited up to ${Math.round(wait / 1000)} s, expected ${expect.txWait.atLeast ?? '0'}–${expect.txWait.atMost ?? '∞'}`);
	}
	if (!expect.quorumEdge) {
		const edge = edgeBatches(ex);
		if (edge.length > 0) problems.push(`batches ${edge.join(', ')} passed with exactly the quorum fraction: the preset depends on "at least" versus "more than"`);
	}
	if (ex.supply.initial.total !== ex.supply.final.total) problems.push('the total supply changed');
	return problems;
}
