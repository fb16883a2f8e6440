import { describe, expect, it } from 'vitest';
import type { SimEvent } from '$lib/sim';
import { coalesce, DISPUTE_LINGER_MS, DURATION, EffectsReducer, MAX_LIVE, MAX_SAMPLES, type EffectsInput } from './effects';

const ev = (t: number, type: string, fields: Record<string, unknown> = {}) => ({ t, type, ...fields }) as SimEvent;
const frame = (events: SimEvent[], over: Partial<EffectsInput> = {}): EffectsInput => ({ events, reset: false, animate: true, now: 1000, t: events.at(-1)?.t ?? 0, ...over });
const kinds = (r: { effects: { kind: string }[] }) => r.effects.map((e) => e.kind);

const proposed = (t: number, index: number, proposer = 'seq-0') => ev(t, 'batch.proposed', { batch: index, proposal: index, attempt: 1, proposer, txs: 5, activeSet: ['seq-0', 'seq-1', 'seq-2'] });
const signature = (t: number, index: number, sequencer: string, count: number) => ev(t, 'batch.signature', { batch: index, proposal: index, attempt: 1, sequencer, count, of: 3 });
const M = (metis: number) => (BigInt(metis) * 10n ** 18n).toString();
const slash = (t: number, sequencer: string) =>
	ev(t, 'slash', { sequencer, reason: 'fraud', batch: 0, proposal: 0, attempt: 1, byVote: false, challenger: 'val-0', amount: M(40000), challengerReward: M(20000), burned: M(20000) });

describe('EffectsReducer', () => {
	it('animates a signing round: the header, each signature, then the aggregate', () => {
		const r = new EffectsReducer();
		const view = r.apply(frame([proposed(1, 0), signature(1, 0, 'seq-0', 1), signature(2, 0, 'seq-1', 2), signature(2, 0, 'seq-2', 3), ev(3, 'finality.signed', { batch: 0, proposal: 0, attempt: 1, signers: ['seq-0', 'seq-1', 'seq-2'] })]));
		expect(kinds(view)).toEqual(['header', 'signature', 'signature', 'signature', 'aggregate']);
		expect(view.effects[0]).toMatchObject({ kind: 'header', from: 'seq-0', to: ['seq-1', 'seq-2'], start: 1000, end: 1000 + DURATION.header });
		// A burst fans out: the second and third signature start a little later, on the wall clock.
		expect(view.effects.filter((e) => e.kind === 'signature').map((e) => e.start)).toEqual([1000, 1070, 1140]);
	});

	it('drops effects once they are over', () => {
		const r = new EffectsReducer();
		r.apply(frame([proposed(1, 0)]));
		expect(kinds(r.view(1000 + DURATION.header - 1))).toEqual(['header']);
		expect(kinds(r.view(1000 + DURATION.header))).toEqual([]);
	});

	it('at fast-forward shows only the newest round of a frame', () => {
		const r = new EffectsReducer();
		const events = [proposed(1, 0), signature(1, 0, 'seq-0', 1), ev(2, 'finality.signed', { batch: 0, proposal: 0, attempt: 1, signers: [] }), proposed(30, 1, 'seq-1'), signature(30, 1, 'seq-1', 1), ev(31, 'finality.signed', { batch: 1, proposal: 1, attempt: 1, signers: [] })];
		const view = r.apply(frame(events));
		expect(view.effects.map((e) => `${e.kind}:${'batch' in e ? e.batch : ''}`)).toEqual(['header:1', 'signature:1', 'aggregate:1']);
	});

	it('a new round replaces the signatures of the last one still in flight', () => {
		const r = new EffectsReducer();
		r.apply(frame([proposed(1, 0), signature(1, 0, 'seq-0', 1)], { now: 1000 }));
		const view = r.apply(frame([proposed(30, 1, 'seq-1')], { now: 1100 }));
		expect(view.effects.map((e) => `${e.kind}:${'batch' in e ? e.batch : ''}`)).toEqual(['header:1']);
	});

	it('animates nothing on a reset or a seek, yet keeps the lasting state', () => {
		const r = new EffectsReducer();
		const events = [ev(0, 'batch.proposed', { batch: 0, proposal: 0, attempt: 1, proposer: 'seq-0', txs: 31, activeSet: [] }), ev(5, 'challenge.opened', { batch: 0, proposal: 0, attempt: 1, challenger: 'val-0', defender: 'seq-0', kind: 'bisection' }), slash(6, 'seq-3')];
		const rebuilt = r.apply(frame(events, { reset: true }));
		expect(rebuilt.effects).toEqual([]);
		expect(rebuilt.dispute).toMatchObject({ batch: 0, proposal: 0, attempt: 1, phase: 'txs', lo: 0, hi: 31 });
		expect(rebuilt.disputeChangedAt).toBe(-Infinity);
		const skipped = r.apply(frame([slash(9, 'seq-1')], { animate: false }));
		expect(skipped.effects).toEqual([]);
	});

	it('a reset clears what was running', () => {
		const r = new EffectsReducer();
		r.apply(frame([proposed(1, 0)]));
		expect(r.apply(frame([], { reset: true })).effects).toEqual([]);
	});

	it('slashes each signer and pays each challenger once, with the total', () => {
		const r = new EffectsReducer();
		const view = r.apply(frame([slash(9, 'seq-0'), slash(9, 'seq-1')]));
		expect(kinds(view)).toEqual(['slash', 'slash', 'reward']);
		expect(view.effects[2]).toMatchObject({ kind: 'reward', challenger: 'val-0', amount: M(40000), from: ['seq-0', 'seq-1'] });
		expect(view.effects[0]).toMatchObject({ sequencer: 'seq-0', burned: M(20000), challengerReward: M(20000) });
	});

	it.each([
		['silent', [ev(1, 'proposer.stalled', { proposer: 'seq-0', waitingTxs: 9, sinceMs: 180000 }), ev(1, 'epoch.respan', { proposer: 'seq-1', previous: 'seq-0', reason: 'stalled' })], { from: 'seq-0', to: 'seq-1', why: 'silent', count: 1 }],
		[
			'refused',
			[proposed(0, 0), ev(1, 'batch.no-quorum', { batch: 0, proposal: 0, attempt: 1, proposer: 'seq-0', signed: 1, of: 5, refused: ['seq-1', 'seq-2'], silent: [] }), ev(1, 'epoch.respan', { proposer: 'seq-1', previous: 'seq-0', reason: 'stalled' })],
			{ from: 'seq-0', to: 'seq-1', why: 'refused', count: 1 }
		],
		[
			'slashed, in a chain',
			[slash(1, 'seq-0'), ev(1, 'epoch.respan', { proposer: 'seq-1', previous: 'seq-0', reason: 'stalled' }), slash(1, 'seq-1'), ev(1, 'epoch.respan', { proposer: 'seq-2', previous: 'seq-1', reason: 'stalled' })],
			{ from: 'seq-0', to: 'seq-2', why: 'slashed', count: 2 }
		],
		['replaced', [ev(1, 'epoch.respan', { proposer: 'seq-4', previous: 'seq-2', reason: 'stalled' })], { from: 'seq-2', to: 'seq-4', why: 'replaced', count: 1 }]
	])('a re-span says why the proposer went: %s', (_, events, expected) => {
		const view = new EffectsReducer().apply(frame(events));
		expect(view.effects.find((e) => e.kind === 'respan')).toMatchObject(expected);
	});

	it('a quorum stalls while too many are silent, and recovers when a batch is signed', () => {
		const r = new EffectsReducer();
		const noQuorum = (t: number) => ev(t, 'batch.no-quorum', { batch: 1, proposal: 1, attempt: 1, signed: 3, of: 6, refused: [], silent: ['seq-3', 'seq-4', 'seq-5'] });
		expect(r.apply(frame([noQuorum(67)])).stall).toEqual({ batch: 1, attempt: 1, signed: 3, of: 6, silent: ['seq-3', 'seq-4', 'seq-5'], since: 67, rounds: 1 });
		expect(r.apply(frame([noQuorum(76)])).stall).toMatchObject({ since: 67, rounds: 2 });
		expect(r.apply(frame([ev(400, 'finality.signed', { batch: 1, proposal: 1, attempt: 1, signers: [] })])).stall).toBeNull();
	});

	it('refusals are not a stall', () => {
		const view = new EffectsReducer().apply(frame([ev(1, 'batch.no-quorum', { batch: 0, proposal: 0, attempt: 1, signed: 1, of: 5, refused: ['seq-1'], silent: [] })]));
		expect(view.stall).toBeNull();
		expect(view.effects[0]).toMatchObject({ kind: 'no-quorum', refused: 1, silent: 0 });
	});

	it('coalesces a burst of forced transactions into one effect per direction', () => {
		const events = [
			...Array.from({ length: 14 }, (_, i) => ev(1, 'forced.enqueued', { hash: `0x${i}`, user: `user-${i}` })),
			ev(2, 'forced.included', { hash: '0x1', user: 'user-3', via: 'l1-deadline' }),
			ev(2, 'forced.included', { hash: '0x2', user: 'user-3', via: 'l1-deadline' })
		];
		const view = new EffectsReducer().apply(frame(events));
		expect(view.effects).toMatchObject([
			{ kind: 'forced', phase: 'enqueued', count: 14, user: '' },
			{ kind: 'forced', phase: 'included', count: 2, user: 'user-3', via: 'l1-deadline' }
		]);
	});

	it('a new effect replaces one still running in the same place', () => {
		const r = new EffectsReducer();
		const forced = (t: number) => ev(t, 'forced.included', { hash: `0x${t}`, user: 'user-3', via: 'l1-deadline' });
		r.apply(frame([forced(1)], { now: 1000 }));
		const view = r.apply(frame([forced(50)], { now: 1500 }));
		expect(view.effects).toMatchObject([{ kind: 'forced', start: 1500 }]);
	});

	it('caps validator samples per frame and effects overall', () => {
		const r = new EffectsReducer();
		const samples = Array.from({ length: 50 }, (_, i) => ev(1, 'validator.checked', { validator: `val-${i}`, batch: 0, ok: true }));
		const view = r.apply(frame(samples));
		expect(view.effects).toHaveLength(MAX_SAMPLES);
		expect(view.effects.at(-1)).toMatchObject({ validator: 'val-49' });
		let now = 1000;
		for (let i = 0; i < MAX_LIVE; i++) r.apply(frame([slash(i, `seq-${i}`)], { now: (now += 1) }));
		expect(r.view(now).effects.length).toBeLessThanOrEqual(MAX_LIVE);
		// The samples gave way first.
		expect(r.view(now).effects.some((e) => e.kind === 'sample')).toBe(false);
	});

	it('keeps a resolved dispute on screen for a while, then hides it', () => {
		const r = new EffectsReducer();
		r.apply(frame([ev(0, 'batch.proposed', { batch: 0, proposal: 0, attempt: 1, proposer: 'seq-0', txs: 3, activeSet: [] }), ev(1, 'challenge.opened', { batch: 0, proposal: 0, attempt: 1, challenger: 'val-0', defender: 'seq-0', kind: 'bisection' })], { now: 0 }));
		const over = r.apply(frame([ev(9, 'dispute.resolved', { batch: 0, proposal: 0, attempt: 1, winner: 'challenger', reason: 'r' })], { now: 5000 }));
		expect(over.dispute).toMatchObject({ phase: 'over' });
		expect(over.disputeResolvedAt).toBe(5000);
		expect(r.view(5000 + DISPUTE_LINGER_MS - 1).dispute).not.toBeNull();
		expect(r.view(5000 + DISPUTE_LINGER_MS).dispute).toBeNull();
	});

	it('after a rebuild shows a dispute resolved moments ago in simulated time, not one from long ago', () => {
		const log = [ev(0, 'batch.proposed', { batch: 0, proposal: 0, attempt: 1, proposer: 'seq-0', txs: 3, activeSet: [] }), ev(1, 'challenge.opened', { batch: 0, proposal: 0, attempt: 1, challenger: 'val-0', defender: 'seq-0', kind: 'bisection' }), ev(1000, 'dispute.resolved', { batch: 0, proposal: 0, attempt: 1, winner: 'defender', reason: 'r' })];
		expect(new EffectsReducer().apply(frame(log, { reset: true, t: 2000 })).dispute).not.toBeNull();
		expect(new EffectsReducer().apply(frame(log, { reset: true, t: 86_400_000 })).dispute).toBeNull();
	});
});

describe('coalesce', () => {
	it('keeps slashes, evidence and challenges as they come', () => {
		const drafts = [
			{ kind: 'evidence', from: 'seq-1', accused: 'seq-0', fault: 'equivocation' },
			{ kind: 'challenge', batch: 0, proposal: 0, attempt: 1, challenger: 'val-0' }
		] as const;
		expect(coalesce([...drafts])).toEqual(drafts);
	});
});

describe('EffectsReducer views', () => {
	it('hands back the same view while nothing changes (the layer is not redrawn for nothing)', () => {
		const r = new EffectsReducer();
		const quiet = r.apply(frame([ev(1, 'tx.submitted', { user: 'user-1' })]));
		expect(r.apply(frame([ev(2, 'block.produced', { number: 1 })], { now: 1100 }))).toBe(quiet);
		const busy = r.apply(frame([ev(3, 'slash', { sequencer: 'seq-0', amount: '1', challengerReward: '0', burned: '1', challenger: null })], { now: 1200 }));
		expect(busy).not.toBe(quiet);
		expect(r.view(1300)).toBe(busy);
		expect(r.view(1200 + DURATION.slash)).toEqual({ ...busy, effects: [] });
	});
});
