import { describe, expect, it } from 'vitest';
import type { BatchVerification, TxCall, TxPlace } from '$lib/sim';
import { callText, eventText, placeText, stageOfStatus, targetTitle, verificationText } from './inspectText';

const HASH = `0x${'12'.repeat(31)}ab`;
const amount = (text: string, wei = '1') => ({ text, wei });

describe('placeText', () => {
	it.each<[TxPlace, RegExp]>([
		[{ kind: 'in-flight' }, /on its way to the sequencers/],
		[{ kind: 'mempool', arrivedAt: 61_000, position: 2, waiting: 9, censoredBy: [] }, /^Waiting in the mempool since day 0, 00:01:01: number 2 of 9 in arrival order\.$/],
		[{ kind: 'mempool', arrivedAt: 0, position: 1, waiting: 1, censoredBy: ['seq-0'] }, /Skipped by seq-0 \(censorship\)/],
		[{ kind: 'forced-queue', queueIndex: 3, overdue: true, inMempool: false }, /queue position 3\), past its deadline/],
		[{ kind: 'block', block: 12, blockTime: 24_000, proposer: 'seq-1' }, /^In L2 block 12, built by seq-1 at day 0, 00:00:24; no batch holds it yet\.$/],
		[{ kind: 'batch', block: 12, batch: 1, batchStatus: 'submitted' }, /^In L2 block 12, in batch 1 \(signed, on its way to L1\)\.$/],
		[{ kind: 'batch', block: null, batch: 0, batchStatus: 'no-quorum' }, /^Only in batch 0 \(no quorum\): no L2 block holds it/],
		[{ kind: 'dropped', reason: 'nonce too low' }, /^Dropped when a block was built: nonce too low\.$/]
	])('%j', (place, says) => {
		expect(placeText(place)).toMatch(says);
	});
});

describe('callText', () => {
	it.each<[TxCall, string]>([
		[{ kind: 'transfer', to: HASH as `0x${string}`, toActor: 'user-3', amount: amount('1.5 METIS') }, 'Transfer of 1.5 METIS to user-3'],
		[{ kind: 'swap', dex: '0x00', metisIn: true, amountIn: amount('2 METIS', '2000'), minOut: amount('9 USD', '9000') }, 'Swap on the DEX: 2 METIS in, at least 9 USD out — swap(true, 2000, 9000)'],
		[{ kind: 'unknown', to: null }, 'A contract creation']
	])('%j', (call, text) => {
		expect(callText(call)).toBe(text);
	});
});

describe('verificationText', () => {
	const result = (ok: boolean, message: string): BatchVerification => ({ ok, message, signingRootMatches: ok, txRootMatches: true, signingRoot: null, signers: [] });

	it('says a valid aggregate was verified here, with the check and its time', () => {
		expect(verificationText(result(true, 'The aggregate of 5 BLS signatures over signingRoot 0x1212…12ab is valid.'), 41)).toBe(
			'Verified here in your browser: the aggregate of 5 BLS signatures over signingRoot 0x1212…12ab is valid (fast-aggregate-verify, 41 ms).'
		);
	});

	it('says a failure plainly', () => {
		expect(verificationText(result(false, 'The aggregate of 5 BLS signatures over signingRoot 0x1212…12ab is NOT valid for the signers’ public keys.'), 1234)).toBe(
			'Checked here in your browser (fast-aggregate-verify, 1,234 ms): the aggregate of 5 BLS signatures over signingRoot 0x1212…12ab is NOT valid for the signers’ public keys.'
		);
	});
});

describe('small words', () => {
	it('names targets and maps statuses to stage icons', () => {
		expect(targetTitle({ kind: 'tx', hash: HASH })).toBe('Transaction 0x1212…12ab');
		expect(targetTitle({ kind: 'batch', index: 4 })).toBe('Batch 4');
		expect(targetTitle({ kind: 'actor', id: 'seq-2' })).toBe('seq-2');
		expect([stageOfStatus('submitted', null), stageOfStatus('posted', null), stageOfStatus('posted', 5), stageOfStatus('reverted', null)]).toEqual(['signed', 'posted', 'l1-final', 'reverted']);
	});

	it('uses the narration where it has a sentence, and the fields where it has none', () => {
		expect(eventText({ t: 0, type: 'finality.posted', batch: 2, proposal: 2, attempt: 1, posting: 2, l1Block: 7, txs: 3, epoch: 0 })).toBe('Batch 2 posted to L1 in block 7');
		expect(eventText({ t: 0, type: 'stake.locked', sequencer: 'seq-0', amount: '5' })).toBe('stake.locked: sequencer seq-0 · amount 5');
		expect(eventText({ t: 0, type: 'sequencer.whitelisted', sequencer: 'seq-1', blsPublicKey: HASH })).toBe('sequencer.whitelisted: sequencer seq-1 · blsPublicKey 0x1212…12ab');
	});
});
