import type { Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { signingRoot, type BatchHeader } from '../../chain/batch';
import { blsAggregate, blsKeygen, blsSignMany } from '../../chain/bls';
import { fromHex, toHex } from '../../chain/hex';
import { deriveSecret } from '../../chain/keys';
import { hasQuorum, quorumRuleError, RollupInbox, type BatchSubmission, type InboxMember, type QuorumRule } from './rollupInbox';

const CHAIN_ID = 59902;
const GENESIS = root(0);
const TWO_THIRDS_COUNT: QuorumRule = { by: 'count', numerator: 2, denominator: 3, strict: false };
const TWO_THIRDS_STAKE: QuorumRule = { by: 'stake', numerator: 2, denominator: 3, strict: false };
const MORE_THAN_TWO_THIRDS: QuorumRule = { by: 'count', numerator: 2, denominator: 3, strict: true };
const MORE_THAN_TWO_THIRDS_STAKE: QuorumRule = { by: 'stake', numerator: 2, denominator: 3, strict: true };

function root(n: number): Hex {
	return `0x${n.toString(16).padStart(64, '0')}` as Hex;
}

const keys = Array.from({ length: 21 }, (_, index) => blsKeygen(deriveSecret({ seed: 'l1-inbox-spec', label: 'sequencer-bls', index })));
const ids = keys.map((_, i) => `seq-${String(i).padStart(2, '0')}`);

function members(n: number, stakes?: bigint[]): InboxMember[] {
	return keys.slice(0, n).map((k, i) => ({ id: ids[i], stake: stakes?.[i] ?? 20_000n, blsPublicKey: toHex(k.publicKey) }));
}

function header(batchIndex: number, prevStateRoot: Hex, stateRoot: Hex): BatchHeader {
	return { chainId: CHAIN_ID, batchIndex, prevStateRoot, stateRoot, txRoot: root(0xabc) };
}

/** Aggregate signature over signingRoot(h) by the sequencers at `who`. */
function sign(h: BatchHeader, who: number[]): Hex {
	return toHex(blsAggregate(blsSignMany(who.map((i) => keys[i].secretKey), fromHex(signingRoot(h)))));
}

function range(n: number): number[] {
	return Array.from({ length: n }, (_, i) => i);
}

function submission(h: BatchHeader, who: number[], activeN = 7, now = 1_000): BatchSubmission {
	return { header: h, signers: who.map((i) => ids[i]), aggregateSignature: sign(h, who), epoch: 0, activeSet: members(activeN), currentEpoch: 0, now, l1Block: 100 };
}

function inbox(quorum: QuorumRule = TWO_THIRDS_COUNT): RollupInbox {
	return new RollupInbox({ chainId: CHAIN_ID, quorum, genesisStateRoot: GENESIS });
}

describe('hasQuorum', () => {
	it.each([
		{ rule: TWO_THIRDS_COUNT, active: 3, signed: 2, stakes: undefined, quorum: true },
		{ rule: TWO_THIRDS_COUNT, active: 3, signed: 1, stakes: undefined, quorum: false },
		{ rule: TWO_THIRDS_COUNT, active: 4, signed: 3, stakes: undefined, quorum: true },
		{ rule: TWO_THIRDS_COUNT, active: 4, signed: 2, stakes: undefined, quorum: false },
		{ rule: TWO_THIRDS_COUNT, active: 7, signed: 5, stakes: undefined, quorum: true },
		{ rule: TWO_THIRDS_COUNT, active: 7, signed: 4, stakes: undefined, quorum: false },
		{ rule: TWO_THIRDS_COUNT, active: 21, signed: 14, stakes: undefined, quorum: true },
		{ rule: TWO_THIRDS_COUNT, active: 21, signed: 13, stakes: undefined, quorum: false },
		{ rule: TWO_THIRDS_COUNT, active: 0, signed: 0, stakes: undefined, quorum: false },
		{ rule: { by: 'count', numerator: 1, denominator: 2, strict: false } as QuorumRule, active: 4, signed: 2, stakes: undefined, quorum: true },
		// Exactly two thirds: "at least" (the seed article) passes, "more than" (Themis) does not.
		{ rule: TWO_THIRDS_COUNT, active: 6, signed: 4, stakes: undefined, quorum: true },
		{ rule: MORE_THAN_TWO_THIRDS, active: 6, signed: 4, stakes: undefined, quorum: false },
		{ rule: MORE_THAN_TWO_THIRDS, active: 6, signed: 5, stakes: undefined, quorum: true },
		{ rule: TWO_THIRDS_COUNT, active: 9, signed: 6, stakes: undefined, quorum: true },
		{ rule: MORE_THAN_TWO_THIRDS, active: 9, signed: 6, stakes: undefined, quorum: false },
		{ rule: MORE_THAN_TWO_THIRDS, active: 9, signed: 7, stakes: undefined, quorum: true },
		{ rule: TWO_THIRDS_COUNT, active: 21, signed: 14, stakes: undefined, quorum: true },
		{ rule: MORE_THAN_TWO_THIRDS, active: 21, signed: 14, stakes: undefined, quorum: false },
		{ rule: MORE_THAN_TWO_THIRDS, active: 21, signed: 15, stakes: undefined, quorum: true },
		{ rule: MORE_THAN_TWO_THIRDS_STAKE, active: 3, signed: 2, stakes: [300n, 100n, 200n], quorum: false },
		{ rule: MORE_THAN_TWO_THIRDS_STAKE, active: 3, signed: 2, stakes: [301n, 100n, 199n], quorum: true },
		{ rule: TWO_THIRDS_STAKE, active: 3, signed: 2, stakes: [300n, 100n, 200n], quorum: true },
		{ rule: TWO_THIRDS_STAKE, active: 3, signed: 2, stakes: [300n, 99n, 201n], quorum: false },
		{ rule: TWO_THIRDS_STAKE, active: 3, signed: 1, stakes: [400n, 100n, 100n], quorum: true },
		{ rule: TWO_THIRDS_STAKE, active: 3, signed: 1, stakes: [399n, 100n, 101n], quorum: false },
		{ rule: TWO_THIRDS_STAKE, active: 3, signed: 2, stakes: [1n, 1n, 10n ** 30n], quorum: false },
		{ rule: TWO_THIRDS_STAKE, active: 2, signed: 2, stakes: [0n, 0n], quorum: false }
	])('$rule.by $rule.numerator/$rule.denominator: $signed of $active (stakes $stakes) → $quorum', ({ rule, active, signed, stakes, quorum }) => {
		expect(hasQuorum({ rule, activeSet: members(active, stakes), signers: ids.slice(0, signed) })).toBe(quorum);
	});

	it.each([
		{ name: 'duplicates count once', signers: [ids[0], ids[0], ids[0], ids[0], ids[1]], quorum: false },
		{ name: 'non-members do not count', signers: [ids[0], ids[1], ids[2], ids[3], 'outsider'], quorum: false },
		{ name: 'five distinct members do', signers: ids.slice(0, 5), quorum: true }
	])('$name', ({ signers, quorum }) => {
		expect(hasQuorum({ rule: TWO_THIRDS_COUNT, activeSet: members(7), signers })).toBe(quorum);
	});

	it.each([
		{ rule: TWO_THIRDS_COUNT, error: null },
		{ rule: MORE_THAN_TWO_THIRDS, error: null },
		{ rule: { by: 'stake', numerator: 3, denominator: 3, strict: false }, error: null },
		{ rule: { by: 'stake', numerator: 3, denominator: 3, strict: true }, error: /more than 100%/ },
		{ rule: { by: 'count', numerator: 2, denominator: 3 }, error: /strictness/ },
		{ rule: { by: 'votes', numerator: 2, denominator: 3 }, error: /'count' or 'stake'/ },
		{ rule: { by: 'count', numerator: 0, denominator: 3 }, error: /0 < numerator <= denominator/ },
		{ rule: { by: 'count', numerator: 4, denominator: 3 }, error: /0 < numerator <= denominator/ },
		{ rule: { by: 'count', numerator: 2, denominator: 0 }, error: /0 < numerator <= denominator/ },
		{ rule: { by: 'count', numerator: 0.5, denominator: 1 }, error: /integers/ }
	])('quorumRuleError($rule) ', ({ rule, error }) => {
		const result = quorumRuleError(rule as QuorumRule);
		if (error === null) expect(result).toBeNull();
		else expect(result).toMatch(error);
	});
});

describe('RollupInbox.submitBatch', () => {
	const h0 = header(0, GENESIS, root(1));
	const cases: { name: string; make: () => BatchSubmission; error: RegExp | null }[] = [
		{ name: 'accepted with 5 of 7 real BLS signatures', make: () => submission(h0, [0, 1, 2, 3, 4]), error: null },
		{ name: 'accepted with all 7', make: () => submission(h0, range(7)), error: null },
		{ name: 'accepted with signers listed in any order', make: () => submission(h0, [6, 2, 4, 0, 5]), error: null },
		{ name: 'wrong chain id', make: () => submission({ ...h0, chainId: 1088 }, range(5)), error: /wrong chain id: header is for 1088, this inbox is for 59902/ },
		{ name: 'wrong batch index', make: () => submission({ ...h0, batchIndex: 1 }, range(5)), error: /wrong batch index: expected 0, got 1/ },
		{ name: 'wrong prevStateRoot', make: () => submission({ ...h0, prevStateRoot: root(9) }, range(5)), error: /wrong prevStateRoot/ },
		{ name: 'no signers', make: () => ({ ...submission(h0, [0]), signers: [] }), error: /no signers/ },
		{ name: 'a non-member signer', make: () => ({ ...submission(h0, range(5)), activeSet: members(7).filter((m) => m.id !== ids[2]) }), error: /signer seq-02 is not in the set of epoch 0/ },
		{ name: 'a signer beyond the active set', make: () => submission(h0, [0, 1, 2, 3, 7]), error: /signer seq-07 is not in the set of epoch 0/ },
		{ name: 'a duplicate signer', make: () => ({ ...submission(h0, range(5)), signers: [...ids.slice(0, 5), ids[0]] }), error: /duplicate signer seq-00/ },
		{ name: '4 of 7: no quorum', make: () => submission(h0, range(4)), error: /no quorum: 4 of 7 sequencers signed, at least 2\/3 by count/ },
		{
			name: 'an aggregate missing one listed signer',
			make: () => ({ ...submission(h0, range(5)), signers: ids.slice(0, 6), aggregateSignature: sign(h0, range(5)) }),
			error: /bad aggregate signature/
		},
		{ name: 'an aggregate over another header', make: () => ({ ...submission(h0, range(5)), aggregateSignature: sign({ ...h0, stateRoot: root(2) }, range(5)) }), error: /bad aggregate signature/ },
		{ name: 'a malformed signature', make: () => ({ ...submission(h0, range(5)), aggregateSignature: '0x1234' }), error: /bad aggregate signature/ },
		{ name: 'a non-hex signature', make: () => ({ ...submission(h0, range(5)), aggregateSignature: '0xzz' as Hex }), error: /malformed submission/ },
		{ name: 'signed in an epoch not yet begun', make: () => ({ ...submission(h0, range(5)), epoch: 3, currentEpoch: 2 }), error: /signed in epoch 3: only the current epoch 2 or the one before/ },
		{ name: 'signed two epochs ago', make: () => ({ ...submission(h0, range(5)), epoch: 1, currentEpoch: 3 }), error: /signed in epoch 1: only the current epoch 3 or the one before/ }
	];
	it.each(cases)('$name', ({ make, error }) => {
		const box = inbox();
		const sub = make();
		const result = box.submitBatch(sub);
		if (error === null) {
			expect(result.ok).toBe(true);
			expect(box.batch(0)).toMatchObject({ index: 0, status: 'pending', signingRoot: signingRoot(h0), signers: sub.signers, submittedAt: 1_000, l1Block: 100, finalizedAt: null, activeSet: ids.slice(0, 7) });
			expect(box.nextBatchIndex).toBe(1);
			expect(box.tipStateRoot()).toBe(root(1));
			expect(box.rejected()).toEqual([]);
		} else {
			expect(result).toEqual({ ok: false, error: expect.stringMatching(error) });
			expect(box.batches()).toEqual([]);
			expect(box.nextBatchIndex).toBe(0);
			expect(box.rejected()).toEqual([{ index: sub.header.batchIndex, reason: expect.stringMatching(error), at: 1_000, l1Block: 100, header: sub.header, signers: sub.signers, aggregateSignature: sub.aggregateSignature }]);
		}
	});

	it.each([
		{ signed: 14, ok: true },
		{ signed: 13, ok: false }
	])('21 active, real BLS: $signed signers → accepted $ok', ({ signed, ok }) => {
		const result = inbox().submitBatch(submission(h0, range(signed), 21));
		expect(result.ok).toBe(ok);
		if (!result.ok) expect(result.error).toMatch(/no quorum: 13 of 21/);
	});

	it.each([
		{ name: 'stake quorum met by two big signers', stakes: [40n, 30n, 10n, 10n, 10n], who: [0, 1], ok: true },
		{ name: 'stake quorum missed by four of five', stakes: [40n, 10n, 10n, 10n, 30n], who: [1, 2, 3, 4], ok: false }
	])('by stake: $name', ({ stakes, who, ok }) => {
		const sub = { ...submission(h0, who), activeSet: members(5, stakes) };
		const result = inbox(TWO_THIRDS_STAKE).submitBatch(sub);
		expect(result.ok).toBe(ok);
		if (!result.ok) expect(result.error).toMatch(/signers hold 60 of 100 wei of the set's stake/);
	});

	it('an injected verifyAggregate receives the signers’ keys and the signing root bytes', () => {
		const seen: { keys: Hex[]; message: Hex }[] = [];
		const box = new RollupInbox({
			chainId: CHAIN_ID,
			quorum: TWO_THIRDS_COUNT,
			genesisStateRoot: GENESIS,
			verifyAggregate: (pks, message) => (seen.push({ keys: pks.map(toHex), message: toHex(message) }), true)
		});
		expect(box.submitBatch({ ...submission(h0, [0]), signers: ids.slice(0, 5) }).ok).toBe(true);
		expect(seen).toEqual([{ keys: members(5).map((m) => m.blsPublicKey), message: signingRoot(h0) }]);
	});
});

describe('RollupInbox lifecycle', () => {
	/** An inbox holding batches 0..n-1, batch i moving the state root from root(i) to root(i+1). */
	function chain(n: number): RollupInbox {
		const box = inbox();
		for (let i = 0; i < n; i++) {
			const result = box.submitBatch(submission(header(i, i === 0 ? GENESIS : root(i), root(i + 1)), range(5), 7, 1_000 * (i + 1)));
			if (!result.ok) throw new Error(result.error);
		}
		return box;
	}

	it.each([
		{ name: 'batch 0 finalizes', steps: [0], statuses: ['finalized', 'pending', 'pending'], error: null },
		{ name: 'batch 1 cannot finalize before batch 0', steps: [1], statuses: ['pending', 'pending', 'pending'], error: /batch 1 cannot finalize before batch 0/ },
		{ name: 'in order, all finalize', steps: [0, 1, 2], statuses: ['finalized', 'finalized', 'finalized'], error: null },
		{ name: 'not twice', steps: [0, 0], statuses: ['finalized', 'pending', 'pending'], error: /posting 0 \(batch 0\) is finalized: only a pending batch can finalize/ },
		{ name: 'unknown posting', steps: [5], statuses: ['pending', 'pending', 'pending'], error: /no posting 5/ }
	])('finalize: $name', ({ steps, statuses, error }) => {
		const box = chain(3);
		const results = steps.map((posting) => box.finalize({ posting, now: 9_000 }));
		const last = results.at(-1)!;
		if (error === null) expect(last).toMatchObject({ ok: true, value: { finalizedAt: 9_000 } });
		else expect(last).toEqual({ ok: false, error: expect.stringMatching(error) });
		expect(box.batches().map((b) => b.status)).toEqual(statuses);
	});

	it('a challenged batch cannot finalize until the challenge is dismissed', () => {
		const box = chain(2);
		expect(box.markChallenged({ posting: 0 }).ok).toBe(true);
		expect(box.markChallenged({ posting: 0 })).toEqual({ ok: false, error: expect.stringMatching(/posting 0 \(batch 0\) is challenged: only a pending batch can be challenged/) });
		expect(box.finalize({ posting: 0, now: 1 })).toEqual({ ok: false, error: expect.stringMatching(/batch 0\) is challenged/) });
		expect(box.finalize({ posting: 1, now: 1 })).toEqual({ ok: false, error: expect.stringMatching(/before batch 0/) });
		expect(box.dismissChallenge({ posting: 0 }).ok).toBe(true);
		expect(box.finalize({ posting: 0, now: 2 }).ok).toBe(true);
		expect(box.dismissChallenge({ posting: 1 }).ok).toBe(false);
	});

	it.each([
		{ name: 'from 1: batches 1 and 2 revert, 1 is next', from: 1, finalizeFirst: 0, reverted: [1, 2], next: 1, tip: root(1), error: null },
		{ name: 'from 0: everything reverts back to genesis', from: 0, finalizeFirst: -1, reverted: [0, 1, 2], next: 0, tip: GENESIS, error: null },
		{ name: 'a finalized batch cannot revert', from: 0, finalizeFirst: 0, reverted: [], next: 3, tip: root(3), error: /batch 0 is finalized and cannot be reverted/ },
		{ name: 'a posting not yet made', from: 3, finalizeFirst: -1, reverted: [], next: 3, tip: root(3), error: /no live posting 3/ }
	])('revertFrom $name', ({ from, finalizeFirst, reverted, next, tip, error }) => {
		const box = chain(3);
		if (finalizeFirst >= 0) box.finalize({ posting: finalizeFirst, now: 5_000 });
		const result = box.revertFrom({ posting: from, now: 6_000 });
		if (error === null) expect(result).toEqual({ ok: true, value: reverted });
		else expect(result).toEqual({ ok: false, error: expect.stringMatching(error) });
		expect(box.nextBatchIndex).toBe(next);
		expect(box.tipStateRoot()).toBe(tip);
		expect(box.batches().filter((b) => b.status === 'reverted').map((b) => [b.index, b.revertedAt])).toEqual(reverted.map((i) => [i, 6_000]));
	});

	it('after a revert the batch is re-derived from the last good root and batch(i) is the new one', () => {
		const box = chain(3);
		box.revertFrom({ posting: 1, now: 6_000 });
		const stale = submission(header(2, root(2), root(3)), range(5));
		expect(box.submitBatch(stale)).toEqual({ ok: false, error: expect.stringMatching(/wrong batch index: expected 1, got 2/) });
		const redo = header(1, root(1), root(77));
		expect(box.submitBatch(submission(redo, range(5), 7, 7_000)).ok).toBe(true);
		expect(box.batch(1)).toMatchObject({ status: 'pending', header: redo, submittedAt: 7_000 });
		expect(box.batch(2)).toMatchObject({ status: 'reverted' });
		expect(box.batches().map((b) => [b.index, b.status])).toEqual([
			[0, 'pending'],
			[1, 'reverted'],
			[2, 'reverted'],
			[1, 'pending']
		]);
		expect(box.tipStateRoot()).toBe(root(77));
		// The stale posting 1 can no longer act; the new posting 3 of batch 1 can.
		expect(box.finalize({ posting: 1, now: 8_000 }).ok).toBe(false);
		expect(box.finalize({ posting: 0, now: 8_000 }).ok).toBe(true);
		expect(box.finalize({ posting: 3, now: 8_000 }).ok).toBe(true);
		expect(box.posting(3)).toMatchObject({ index: 1, posting: 3, status: 'finalized' });
	});

	it('accepts a batch signed in the epoch just ended (in flight across the change), and no older one than the last accepted', () => {
		const box = inbox();
		expect(box.submitBatch({ ...submission(header(0, GENESIS, root(1)), range(5)), epoch: 4, currentEpoch: 5 }).ok).toBe(true);
		const older = box.submitBatch({ ...submission(header(1, root(1), root(2)), range(5)), epoch: 3, currentEpoch: 4 });
		expect(older).toEqual({ ok: false, error: expect.stringMatching(/none older than the last accepted batch's \(4\)/) });
		expect(box.batch(0)).toMatchObject({ epoch: 4, quorum: TWO_THIRDS_COUNT });
	});

	it.each([
		{ rule: { by: 'count', numerator: 3, denominator: 4, strict: false } as QuorumRule, ok: true, accepted: false },
		{ rule: { by: 'count', numerator: 1, denominator: 2, strict: false } as QuorumRule, ok: true, accepted: true },
		{ rule: { by: 'count', numerator: 5, denominator: 4, strict: false } as QuorumRule, ok: false, accepted: true }
	])('setQuorum $rule.numerator/$rule.denominator applies to later submissions (5 of 7 signed)', ({ rule, ok, accepted }) => {
		const box = inbox();
		expect(box.setQuorum(rule).ok).toBe(ok);
		expect(box.submitBatch(submission(header(0, GENESIS, root(1)), range(5))).ok).toBe(accepted);
	});

	it('clone is independent', () => {
		const box = chain(2);
		const copy = box.clone();
		box.finalize({ posting: 0, now: 1 });
		box.revertFrom({ posting: 1, now: 2 });
		box.submitBatch(submission(header(1, root(0), root(5)), range(5)));
		expect(copy.batches().map((b) => b.status)).toEqual(['pending', 'pending']);
		expect(copy.nextBatchIndex).toBe(2);
		expect(copy.rejected()).toEqual([]);
		expect(box.rejected().length).toBe(1);
		expect(copy.submitBatch(submission(header(2, root(2), root(3)), range(5))).ok).toBe(true);
	});
});
