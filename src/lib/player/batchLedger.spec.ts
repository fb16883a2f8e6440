import { describe, expect, it } from 'vitest';
import type { EventOf, SimEvent } from '$lib/sim';
import { BatchLedger } from './batchLedger';
import type { QuorumRule } from './quorumWords';

const atLeast: QuorumRule = { by: 'count', numerator: 2, denominator: 3, strict: false };
const strict: QuorumRule = { ...atLeast, strict: true };
const set = ['seq-0', 'seq-1', 'seq-2', 'seq-3', 'seq-4', 'seq-5'];

const proposed = (t: number, batch: number, proposal: number, attempt: number, proposer = 'seq-2'): EventOf<'batch.proposed'> => ({
	t,
	type: 'batch.proposed',
	batch,
	proposal,
	attempt,
	proposer,
	epoch: 0,
	firstBlock: 1,
	lastBlock: 10,
	txs: 5,
	signingRoot: '0x00',
	activeSet: set
});
const signed = (t: number, batch: number, proposal: number, attempt: number, quorum = atLeast): EventOf<'finality.signed'> => ({ t, type: 'finality.signed', batch, proposal, attempt, signers: set.slice(0, 4), quorum, txs: 5 });
const noQuorum = (t: number, batch: number, proposal: number, attempt: number, quorum = strict): EventOf<'batch.no-quorum'> => ({
	t,
	type: 'batch.no-quorum',
	batch,
	proposal,
	attempt,
	proposer: 'seq-2',
	signed: 4,
	of: 6,
	refused: [],
	silent: ['seq-4', 'seq-5'],
	reorderReports: [],
	reorderAccused: null,
	ended: 'timeout',
	quorum
});

function fold(events: SimEvent[]): BatchLedger {
	const ledger = new BatchLedger();
	for (const e of events) ledger.apply(e);
	return ledger;
}

describe('the batch ledger', () => {
	it('keeps the latest attempt of an index, and events of older attempts change nothing', () => {
		const ledger = fold([proposed(1, 8, 8, 1), noQuorum(2, 8, 8, 1), proposed(3, 8, 9, 2, 'seq-5'), noQuorum(4, 8, 8, 1), signed(5, 8, 9, 2)]);
		expect(ledger.get(8)).toMatchObject({ index: 8, proposal: 9, attempt: 2, attempts: 2, proposer: 'seq-5', noQuorumAt: null, signedAt: 5 });
		expect(ledger.list().map((b) => b.proposal)).toEqual([9]);
	});

	it('records the rule each round was judged by, as its event says, even after the rule changes', () => {
		const ledger = fold([proposed(1, 7, 7, 1), signed(2, 7, 7, 1, atLeast), proposed(4, 8, 8, 1), noQuorum(5, 8, 8, 1, strict), proposed(6, 9, 9, 1), signed(7, 9, 9, 1, strict)]);
		expect(ledger.get(7)?.judgedBy).toEqual(atLeast);
		expect(ledger.get(8)?.judgedBy).toEqual({ ...atLeast, strict: true });
		expect(ledger.get(9)?.judgedBy).toEqual({ ...atLeast, strict: true });
	});

	it('has no rule for a round still being signed', () => {
		const ledger = fold([proposed(1, 7, 7, 1), signed(2, 7, 7, 1), proposed(3, 8, 8, 1)]);
		expect(ledger.get(7)?.judgedBy).toEqual(atLeast);
		expect(ledger.get(8)?.judgedBy).toBeNull();
	});
});
