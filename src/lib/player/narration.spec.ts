import { describe, expect, it } from 'vitest';
import type { SimEvent } from '$lib/sim';
import { BatchLedger, stageOf } from './batchLedger';
import type { NewEvent } from '$lib/sim/events';
import { Announcer, describe as say, OpeningNarrator } from './narration';

const ref = { batch: 3, proposal: 5, attempt: 1 };
const events: SimEvent[] = [
	{ t: 1000, type: 'block.produced', number: 10, proposer: 'seq-0', txs: 3, stateRoot: '0x' },
	{ t: 1200, type: 'batch.proposed', ...ref, proposer: 'seq-0', epoch: 0, firstBlock: 1, lastBlock: 10, txs: 30, signingRoot: '0x', activeSet: ['seq-0', 'seq-1', 'seq-2'] },
	{ t: 1200, type: 'batch.signature', ...ref, sequencer: 'seq-0', count: 1, of: 3 },
	{ t: 1500, type: 'batch.signature', ...ref, sequencer: 'seq-1', count: 2, of: 3 },
	{ t: 1500, type: 'finality.signed', ...ref, signers: ['seq-0', 'seq-1'], quorum: { by: 'count', numerator: 2, denominator: 3, strict: false }, txs: 30 },
	{ t: 12000, type: 'finality.posted', ...ref, posting: 4, l1Block: 41, txs: 30, epoch: 0 },
	{ t: 800000, type: 'finality.l1-final', ...ref, l1Block: 41 },
	{ t: 900000, type: 'finality.settled', ...ref, txs: 30, postedAt: 12000, honest: true }
];

describe('narration', () => {
	it.each([
		[4, 'Batch 3 signed by 2 of 3 sequencers: quorum reached'],
		[5, 'Batch 3 posted to L1 in block 41'],
		[7, 'Batch 3 settled']
	])('event %i reads "%s"', (i, text) => {
		const ledger = new BatchLedger();
		for (const e of events.slice(0, i + 1)) ledger.apply(e);
		expect(say(events[i], ledger)?.text).toBe(text);
	});

	it('follows a batch up the ladder', () => {
		const ledger = new BatchLedger();
		const stages = events.map((e) => (ledger.apply(e), ledger.get(3) ? stageOf(ledger.get(3)!) : null));
		expect(stages).toEqual([null, 'signing', 'signing', 'signing', 'signed', 'posted', 'l1-final', 'settled']);
		expect(ledger.get(3)?.softAt).toBe(1000);
		expect(ledger.get(3)?.signers).toEqual(['seq-0', 'seq-1']);
	});

	it('names a later attempt apart, and an older attempt no longer moves the batch', () => {
		const ledger = new BatchLedger();
		for (const e of events.slice(0, 6)) ledger.apply(e);
		const again = { batch: 3, proposal: 9, attempt: 2 };
		const redo: SimEvent = { t: 5000, type: 'batch.proposed', ...again, proposer: 'seq-1', epoch: 1, firstBlock: 1, lastBlock: 10, txs: 30, signingRoot: '0x', activeSet: ['seq-1', 'seq-2'] };
		ledger.apply(redo);
		expect(say(redo, ledger)?.text).toBe('seq-1 proposed batch 3, attempt 2: 30 transactions from L2 blocks 1–10');
		// The first attempt's L1 finality arrives later: it is not this attempt's.
		expect(ledger.apply({ t: 800000, type: 'finality.l1-final', ...ref, l1Block: 41 })).toBe(false);
		expect(ledger.get(3)).toMatchObject({ proposal: 9, attempt: 2, attempts: 2, l1FinalAt: null, proposer: 'seq-1' });
		expect(say({ t: 9000, type: 'finality.settled', ...again, txs: 30, postedAt: 6000, honest: true }, ledger)?.text).toBe('Batch 3, attempt 2 settled');
	});

	it('announces at most once per gap, the weightiest line with a count of the rest', () => {
		const a = new Announcer(1000);
		a.push({ id: 1, t: 0, text: 'minor', weight: 1 });
		expect(a.take(0)).toBe('minor');
		a.push({ id: 2, t: 0, text: 'big', weight: 3 });
		a.push({ id: 3, t: 0, text: 'small', weight: 1 });
		expect(a.take(500)).toBeNull();
		expect(a.delay(500)).toBe(500);
		expect(a.take(1000)).toBe('big (and 1 more event)');
		expect(a.waiting).toBe(false);
	});

	it('says the quorum rule a parameter change puts in force, and only that it changed for other changes', () => {
		const ledger = new BatchLedger();
		const rule = { by: 'count' as const, numerator: 2, denominator: 3, strict: false };
		const changed = (names: string[], strict: boolean): SimEvent => ({ t: 240000, type: 'params.changed', by: 'admin', changed: names, staking: 'ok', quorum: 'ok', quorumRule: { ...rule, strict } });
		expect(say(changed(['quorumThreshold'], true), ledger)?.text).toBe('The administrator changed the quorum threshold: a batch now needs more than 2/3 by count to sign, so exactly 2/3 no longer makes a quorum');
		expect(say(changed(['rewardPerBlock'], false), ledger)?.text).toBe('The administrator changed the reward per block');
		expect(say(changed(['quorumThreshold'], false), ledger)?.text).toBe('The administrator changed the quorum threshold: a batch now needs at least 2/3 by count to sign, so exactly 2/3 is enough');
		// The command itself says nothing: the administrator's change is the line.
		expect(say({ t: 240000, type: 'command.applied', command: 'params.set', detail: '{}' }, ledger)).toBeNull();
	});

	const at = { batch: 12, proposal: 14, attempt: 1 };
	const wei = (metis: string) => (BigInt(metis.split('.')[0]) * 10n ** 18n + BigInt((metis.split('.')[1] ?? '').padEnd(18, '0'))).toString();
	const slash = { type: 'slash', ...at, sequencer: 'seq-2', challenger: 'seq-1', amount: wei('3000'), fromUnbonding: '0', challengerReward: wei('1500'), burned: wei('1500'), offenceAt: 0 } as const;
	it.each<[NewEvent, string]>([
		[{ ...slash, reason: 'signed two different headers for one batch (equivocation)', offence: 'equivocation', byVote: false }, 'seq-2 is slashed 3,000 METIS for signing two different headers for batch 12; seq-1 earns 1,500 METIS, 1,500 METIS burned'],
		[
			{ ...slash, reason: 'reordered transactions for profit (sandwiching)', offence: 'reorder', byVote: true, amount: wei('3000.0042'), challengerReward: wei('1500.0021'), burned: wei('1500.0021') },
			'seq-2 is slashed 3,000 METIS for reordering transactions for profit (sandwiching) in batch 12, by a vote of the pool’s stake; seq-1 earns 1,500 METIS, 1,500 METIS burned'
		],
		[{ ...slash, reason: 'signed a batch that never got a validity proof', offence: 'missing-proof', byVote: false, challenger: null }, 'seq-2 is slashed 3,000 METIS for signing batch 12, which never got a validity proof; 1,500 METIS burned, nobody is paid'],
		[{ type: 'sequencer.force-unlocked', ...at, sequencer: 'seq-2', reason: 'signed a header whose state root is provably wrong', offence: 'wrong-state-root', by: 'admin' }, 'The administrator force-unlocked seq-2 for signing a provably wrong state root in batch 12; as deployed, nothing is slashed'],
		[{ type: 'punish.refused', ...at, sequencer: 'seq-2', offence: 'invalid-tx', reason: 'nothing left to slash: its stake is already gone' }, 'seq-2 could not be punished for signing a header with a forged transaction in batch 12: nothing left to slash: its stake is already gone'],
		[{ type: 'fault.injected', ...at, actor: 'seq-2', behaviour: 'wrong-state-root' }, 'seq-2 cheats in batch 12: it claims a state root its transactions do not produce'],
		[{ type: 'evidence.sent', ...at, reporter: 'seq-1', accused: 'seq-2', fault: 'equivocation' }, 'seq-1 sent L1 evidence that seq-2 signed two different headers for batch 12'],
		[{ type: 'window.closed', ...at, postedAt: 1000 }, 'Challenge window of batch 12 closed with no challenge, 1 day after its own posting'],
		[{ type: 'rewards.paid', ...at, sequencer: 'seq-0', blocks: 10, amount: wei('0.0076123') }, 'seq-0 earned 0.00761 METIS for 10 blocks of batch 12'],
		[{ type: 'params.changed', by: 'admin', changed: ['challengeWindowMs', 'exitDelayMs'], staking: 'ok', quorum: 'ok', quorumRule: { by: 'count', numerator: 2, denominator: 3, strict: false } }, 'The administrator changed the challenge window and the exit delay'],
		[{ type: 'command.refused', command: 'traffic.rate', reason: 'txPerSecond: at most 1000 tx/s' }, 'Your change (the traffic rate) was refused: the traffic rate: at most 1000 tx/s']
	])('says %j as "%s"', (event, text) => {
		const t = event.type === 'window.closed' ? 1000 + 86_400_000 : 0;
		expect(say({ t, ...event } as SimEvent, new BatchLedger())?.text).toBe(text);
	});
});

describe('refusals in words', () => {
	it('names a refused parameter in words, each line of a several-field refusal too', () => {
		const refused = (reason: string): SimEvent => ({ t: 0, type: 'command.refused', command: 'params.set', reason });
		expect(say(refused('params.challengeWindowMs: expected a duration\nparams.minStake: expected METIS'), new BatchLedger())?.text).toBe(
			'Your change (new parameters) was refused: the challenge window: expected a duration\nthe minimum stake: expected METIS'
		);
		expect(say(refused('target: no user user-99'), new BatchLedger())?.text).toBe('Your change (new parameters) was refused: target: no user user-99');
	});
});

describe('the opening', () => {
	const tx = (t: number, user: string): SimEvent => ({ t, type: 'tx.submitted', hash: '0x1', user, kind: 'transfer', nonce: 0 });
	const block = (t: number, number: number): SimEvent => ({ t, type: 'block.produced', number, proposer: 'seq-0', txs: 2, stateRoot: '0x' });

	it('tells the first transaction and how the first batch fills, then falls silent', () => {
		const opening = new OpeningNarrator(3);
		const log = [tx(2, 'user-14'), tx(3, 'user-13'), block(4, 1), block(8, 2), block(12, 3), events[1], block(14, 4)];
		expect(log.map((e) => opening.line(e)?.text ?? null)).toEqual([
			"user-14 signed the first transaction (a transfer) and sent it to the sequencers: this epoch's proposer puts it in its next L2 block",
			null,
			'seq-0 built L2 block 1 with 2 transactions. Batch 0 is filling: 1 of 3 blocks, then it goes to the pool for signatures',
			'seq-0 built L2 block 2 with 2 transactions. Batch 0 is filling: 2 of 3 blocks, then it goes to the pool for signatures',
			'seq-0 built L2 block 3 with 2 transactions. Batch 0 is full (3 blocks): seq-0 proposes it and every peer re-executes it before signing',
			null,
			null
		]);
	});

	it('tells lines that show while playing', () => {
		expect(new OpeningNarrator(10).line(block(4, 1))?.weight).toBe(1);
	});
});
