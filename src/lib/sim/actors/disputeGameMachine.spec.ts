import { describe, expect, it } from 'vitest';
import type { Hex } from 'viem';
import { initialTransition, type EventObject } from 'xstate';
import { getSimplePaths } from 'xstate/graph';
import { Scheduler } from '../scheduler';
import { disputeGameMachine, type DisputeGameEvent, type DisputeGameInput } from './disputeGameMachine';
import { ActorHost } from './runtime';

const root = (digit: string): Hex => `0x${digit.repeat(64)}`;
const PREV = root('0');
const CLAIMED = root('f');

function input(change: Partial<DisputeGameInput> = {}): DisputeGameInput {
	const txCount = change.txCount ?? 4;
	return { id: 'game', batch: 7, prevStateRoot: PREV, claimedStateRoot: CLAIMED, txCount, stepCounts: Array(txCount).fill(4), clockMs: 1000, startedAt: 0, ...change };
}

/** A host on a virtual clock, recording every effect the game emits (runtime.spec.ts's harness). */
function harness(gameInput: DisputeGameInput) {
	let now = gameInput.startedAt;
	const scheduler = new Scheduler<{ actor: string; event: EventObject }>();
	const emitted: ({ t: number } & Record<string, unknown>)[] = [];
	const host = new ActorHost({
		now: () => now,
		scheduleDelayed: (at, actor, event, key) => scheduler.schedule(at, { actor, event }, key),
		cancelDelayed: (key) => scheduler.cancel(key),
		onEmit: (_actor, event) => emitted.push({ t: now, ...event })
	});
	host.spawn('game', disputeGameMachine, gameInput);
	const sendNow = (event: DisputeGameEvent) => host.send('game', event);
	const send = (event: DisputeGameEvent) => {
		runUntil(event.at);
		sendNow(event);
	};
	const runUntil = (t: number) => {
		while (scheduler.peekTime() <= t) {
			const e = scheduler.pop()!;
			now = e.at;
			host.send(e.task.actor, e.task.event);
		}
		now = Math.max(now, t);
	};
	const fireNextTimer = () => {
		const e = scheduler.pop()!;
		now = e.at;
		host.send(e.task.actor, e.task.event);
		return e.task.event.type;
	};
	const snapshot = () => host.snapshotOf('game');
	const of = (type: string) => emitted.filter((e) => e.type === type);
	return { send, sendNow, runUntil, fireNextTimer, snapshot, emitted, of };
}

const DEFENDER_MS = 7;
const CHALLENGER_MS = 11;
const AFTER = [
	'xstate.after.defenderClock.disputeGame.txs.awaitingReveal',
	'xstate.after.challengerClock.disputeGame.txs.awaitingResponse',
	'xstate.after.defenderClock.disputeGame.steps.awaitingReveal',
	'xstate.after.challengerClock.disputeGame.steps.awaitingResponse'
];

describe('disputeGameMachine: model-based, every simple path of a small game', () => {
	const modelInput = input({ txCount: 3, stepCounts: [2, 3, 1] });
	type Snapshot = ReturnType<typeof initialTransition<typeof disputeGameMachine>>[0];
	const paths = getSimplePaths(disputeGameMachine, {
		input: modelInput,
		events: (s: Snapshot): DisputeGameEvent[] => {
			const { turnStartedAt: t, hiRoot } = s.context;
			return [
				{ type: 'defender.reveal', root: root('1'), at: t + DEFENDER_MS },
				{ type: 'challenger.respond', agree: true, at: t + CHALLENGER_MS },
				{ type: 'challenger.respond', agree: false, at: t + CHALLENGER_MS },
				{ type: 'oneStep.executed', postRoot: hiRoot, at: t + 1 },
				{ type: 'oneStep.executed', postRoot: hiRoot === root('e') ? root('d') : root('e'), at: t + 1 },
				...AFTER.map((type) => ({ type }) as unknown as DisputeGameEvent)
			];
		}
	});
	const finals = paths.filter((p) => p.state.status === 'done');

	it('reaches every state node, and all four ways to end, timeouts in both phases', () => {
		const visited = new Set(paths.flatMap((p) => p.steps.map((s) => JSON.stringify(s.state.value))));
		expect([...visited].sort()).toEqual(
			['"challengerWins"', '"defenderWins"', '"oneStep"', '{"steps":"awaitingResponse"}', '{"steps":"awaitingReveal"}', '{"txs":"awaitingResponse"}', '{"txs":"awaitingReveal"}'].sort()
		);
		const endings = new Set(finals.map((p) => `${p.state.context.winner} by ${p.state.context.reason} in ${p.state.context.phase}`));
		expect([...endings].sort()).toEqual([
			'challenger by defender-timeout in steps',
			'challenger by defender-timeout in txs',
			'challenger by one-step in steps',
			'defender by challenger-timeout in steps',
			'defender by challenger-timeout in txs',
			'defender by one-step in steps'
		]);
		expect(paths).toHaveLength(38);
		expect(finals).toHaveLength(22);
		expect(new Set(finals.map((p) => p.state.context.tx).filter((tx) => tx !== null))).toEqual(new Set([0, 1, 2]));
	});

	it('every path replays identically under ActorHost on the virtual clock, timeouts included', () => {
		for (const path of finals) {
			const game = harness(modelInput);
			for (const { event } of path.steps.slice(1)) {
				if (event.type.startsWith('xstate.after.')) expect(game.fireNextTimer()).toBe(event.type);
				else game.send(event);
			}
			expect(game.snapshot().value).toEqual(path.state.value);
			expect(game.snapshot().context).toEqual(path.state.context);
			const { winner, reason, endedAt, step, tx } = path.state.context;
			const resolved = game.of('dispute.resolved');
			expect(resolved).toHaveLength(1);
			expect(resolved[0]).toMatchObject({ winner, reason, at: endedAt, ...(tx === null ? {} : { tx }), ...(step === null ? {} : { step }) });
			expect(resolved[0].t).toBe(endedAt);
		}
	});

	it.each([
		['the challenger wins by one step when L1 disagrees with the claim', 'e', 'challengerWins'],
		['the defender wins by one step when L1 agrees with the claim', 'f', 'defenderWins']
	])('%s', (_name, l1Digit, final) => {
		const game = harness(input({ txCount: 1, stepCounts: [1] }));
		expect(game.of('dispute.executeStep')).toEqual([{ t: 0, type: 'dispute.executeStep', tx: 0, step: 0, txPreRoot: PREV, preRoot: PREV, claimedPostRoot: CLAIMED }]);
		game.send({ type: 'oneStep.executed', postRoot: root(l1Digit), at: 40 });
		expect(game.snapshot().value).toBe(final);
		expect(game.of('dispute.resolved')).toEqual([{ t: 40, type: 'dispute.resolved', winner: final === 'challengerWins' ? 'challenger' : 'defender', reason: 'one-step', at: 40, tx: 0, step: 0 }]);
	});
});

/** Plays a game where the challenger agrees with root j iff j <= agreedUpTo (per phase); every move takes its side's delay. */
function play(gameInput: DisputeGameInput, { agreedTx, agreedStep }: { agreedTx: number; agreedStep: number }) {
	const game = harness(gameInput);
	for (let guard = 0; game.snapshot().status === 'active' && guard < 200; guard++) {
		const { value, context } = game.snapshot();
		const at = context.turnStartedAt;
		const phaseLimit = context.phase === 'txs' ? agreedTx : agreedStep;
		const state = JSON.stringify(value);
		if (state.includes('awaitingReveal')) game.send({ type: 'defender.reveal', root: root('a'), at: at + DEFENDER_MS });
		else if (state.includes('awaitingResponse')) game.send({ type: 'challenger.respond', agree: Math.floor((context.lo + context.hi) / 2) <= phaseLimit, at: at + CHALLENGER_MS });
		else game.send({ type: 'oneStep.executed', postRoot: root('b'), at });
	}
	return game;
}

describe('disputeGameMachine: bisection tables', () => {
	it.each([
		// n, m, disputed tx, disputed step, rounds
		[1, 1, 0, 0, 0],
		[1, 4, 0, 3, 2],
		[2, 1, 1, 0, 1],
		[1000, 6, 999, 5, 10 + 3],
		[1000, 4, 999, 3, 10 + 2],
		[1000, 1, 999, 0, 10],
		[1000, 6, 0, 0, 9 + 2],
		[1000, 6, 500, 2, 9 + 3],
		[1024, 4, 777, 1, 10 + 2]
	])('n = %i, m = %i: narrows to tx %i step %i in %i rounds', (n, m, tx, step, rounds) => {
		const game = play(input({ txCount: n, stepCounts: Array(n).fill(m), clockMs: 1e9 }), { agreedTx: tx, agreedStep: step });
		const { context } = game.snapshot();
		expect(context).toMatchObject({ tx, step, rounds, winner: 'challenger', reason: 'one-step' });
		expect(context.rounds).toBeGreaterThanOrEqual(Math.floor(Math.log2(n)) + Math.floor(Math.log2(m)));
		expect(context.rounds).toBeLessThanOrEqual(Math.ceil(Math.log2(n)) + Math.ceil(Math.log2(m)));
		expect(game.of('dispute.executeStep')).toHaveLength(1);
	});

	it('the worst case for n = 1000 is ceil(log2 1000) + ceil(log2 m) rounds: the fraud in the last step of the last tx', () => {
		const m = 6;
		const game = play(input({ txCount: 1000, stepCounts: Array(1000).fill(m), clockMs: 1e9 }), { agreedTx: 999, agreedStep: m - 1 });
		expect(game.snapshot().context.rounds).toBe(Math.ceil(Math.log2(1000)) + Math.ceil(Math.log2(m)));
	});

	it.each([
		['n = 1 skips to the step phase', 1, [3], { steps: 'awaitingReveal' }, 'dispute.awaitReveal'],
		['n = 1 and a one-step tx go straight to L1', 1, [1], 'oneStep', 'dispute.executeStep'],
		['n = 2 asks for root 1 first', 2, [4, 4], { txs: 'awaitingReveal' }, 'dispute.awaitReveal']
	])('%s', (_name, txCount, stepCounts, value, first) => {
		const game = harness(input({ txCount, stepCounts }));
		expect(game.snapshot().value).toEqual(value);
		expect(game.emitted[0].type).toBe(first);
	});

	it('the step phase bisects between the agreed tx pre-root and the disputed post-root', () => {
		const game = harness(input({ txCount: 2, stepCounts: [4, 2] }));
		game.send({ type: 'defender.reveal', root: root('1'), at: 10 });
		game.send({ type: 'challenger.respond', agree: true, at: 20 });
		expect(game.of('dispute.awaitReveal').at(-1)).toMatchObject({ phase: 'steps', index: 1, tx: 1 });
		game.send({ type: 'defender.reveal', root: root('2'), at: 30 });
		expect(game.of('dispute.awaitResponse').at(-1)).toMatchObject({ phase: 'steps', index: 1, tx: 1, root: root('2') });
		game.send({ type: 'challenger.respond', agree: false, at: 40 });
		expect(game.of('dispute.executeStep')).toEqual([{ t: 40, type: 'dispute.executeStep', tx: 1, step: 0, txPreRoot: root('1'), preRoot: root('1'), claimedPostRoot: root('2') }]);
	});
});

describe('disputeGameMachine: chess clocks', () => {
	it.each([
		[3, 7, 11],
		[5, 100, 1],
		[9, 0, 0]
	])('after %i rounds at %i ms (defender) and %i ms (challenger) a move, each clock lost exactly its own time', (rounds, dMs, cMs) => {
		const game = harness(input({ txCount: 1024, stepCounts: Array(1024).fill(1), clockMs: { defender: 5000, challenger: 4000 }, startedAt: 1_000 }));
		let t = 1_000;
		for (let r = 0; r < rounds; r++) {
			game.send({ type: 'defender.reveal', root: root('1'), at: (t += dMs) });
			game.send({ type: 'challenger.respond', agree: true, at: (t += cMs) });
		}
		expect(game.snapshot().context.clocks).toEqual({ defender: 5000 - rounds * dMs, challenger: 4000 - rounds * cMs });
		expect(game.snapshot().context.turnStartedAt).toBe(t);
	});

	it.each([
		['the defender times out on its remaining clock', 'reveal', 'challengerWins', 'challenger', 'defender-timeout', 900 + 400],
		['the challenger times out on its remaining clock', 'respond', 'defenderWins', 'defender', 'challenger-timeout', 1200 + 700]
	])('%s', (_name, stall, final, winner, reason, endedAt) => {
		const game = harness(input({ clockMs: 1000 }));
		game.send({ type: 'defender.reveal', root: root('1'), at: 600 });
		game.send({ type: 'challenger.respond', agree: true, at: 900 });
		if (stall === 'respond') game.send({ type: 'defender.reveal', root: root('2'), at: 1200 });
		game.runUntil(endedAt - 1);
		expect(game.snapshot().status).toBe('active');
		game.runUntil(100_000);
		expect(game.snapshot().value).toBe(final);
		expect(game.of('dispute.resolved')).toEqual([{ t: endedAt, type: 'dispute.resolved', winner, reason, at: endedAt }]);
	});

	it('a move on the last millisecond is late: the clock ran out', () => {
		const game = harness(input({ clockMs: 1000 }));
		game.runUntil(999);
		game.send({ type: 'defender.reveal', root: root('1'), at: 999 });
		expect(game.snapshot().value).toEqual({ txs: 'awaitingResponse' });
		const late = harness(input({ clockMs: 1000 }));
		late.send({ type: 'defender.reveal', root: root('1'), at: 1000 });
		expect(late.snapshot().value).toBe('challengerWins');
	});
});

describe('disputeGameMachine: refused moves change nothing', () => {
	it.each<[string, DisputeGameEvent[], string, string]>([
		['the challenger answering before the reveal', [{ type: 'challenger.respond', agree: false, at: 5 }], 'challenger', 'out-of-turn'],
		['the defender revealing twice', [{ type: 'defender.reveal', root: root('1'), at: 5 }, { type: 'defender.reveal', root: root('2'), at: 6 }], 'defender', 'out-of-turn'],
		['a root that is not 32 bytes', [{ type: 'defender.reveal', root: '0x1234', at: 5 }], 'defender', 'malformed'],
		['a move dated before its turn began', [{ type: 'defender.reveal', root: root('1'), at: 5 }, { type: 'challenger.respond', agree: true, at: 4 }], 'challenger', 'malformed'],
		['an answer that is not a boolean', [{ type: 'defender.reveal', root: root('1'), at: 5 }, { type: 'challenger.respond', agree: 'yes' as unknown as boolean, at: 6 }], 'challenger', 'malformed'],
		['a move after its clock ran out, delivered directly', [{ type: 'defender.reveal', root: root('1'), at: 5 }, { type: 'challenger.respond', agree: true, at: 5000 }], 'challenger', 'late']
	])('%s', (_name, events, by, reason) => {
		// Delivered without advancing the clock, so even the late move arrives before any timer fires.
		const game = harness(input());
		events.slice(0, -1).forEach(game.sendNow);
		const before = game.snapshot();
		game.sendNow(events[events.length - 1]);
		expect(game.snapshot().value).toEqual(before.value);
		expect(game.snapshot().context).toEqual(before.context);
		expect(game.of('dispute.invalidMove')).toMatchObject([{ by, reason }]);
	});

	it('an out-of-turn move does not restart the clock of the side to move', () => {
		const game = harness(input({ clockMs: 1000 }));
		game.send({ type: 'challenger.respond', agree: true, at: 500 });
		game.runUntil(1000);
		expect(game.snapshot().context).toMatchObject({ winner: 'challenger', reason: 'defender-timeout', endedAt: 1000 });
	});

	it('a malformed L1 answer is refused and the game waits for a real one', () => {
		const game = harness(input({ txCount: 1, stepCounts: [1] }));
		game.send({ type: 'oneStep.executed', postRoot: '0xbad' as Hex, at: 1 });
		expect(game.snapshot().value).toBe('oneStep');
		expect(game.of('dispute.invalidMove')).toMatchObject([{ by: 'l1', reason: 'malformed' }]);
	});

	it.each([
		['no transactions', { txCount: 0, stepCounts: [] }],
		['a step count per tx missing', { txCount: 2, stepCounts: [1] }],
		['a zero step count', { txCount: 1, stepCounts: [0] }],
		['a zero clock', { clockMs: 0 }]
	])('a game with %s does not start', (_name, change) => {
		const [snapshot] = initialTransition(disputeGameMachine, input(change));
		expect(snapshot.status).toBe('error');
		expect(String(snapshot.error)).toMatch(/RangeError: disputeGame/);
	});
});
