/**
 * The optimistic dispute game (Optimism's FaultDisputeGame, in miniature): the defender (the
 * batch's proposer) and a challenger bisect the batch's per-transaction roots, then the steps of the
 * one disputed transaction, down to a single step that L1 executes. Each side has a chess clock that
 * runs only on its turn; the side to move loses when its clock runs out.
 *
 * Roots are indexed 0..n: root 0 is the agreed previous root, root n the disputed claim. Each round
 * the defender reveals its root at mid = floor((lo + hi) / 2) and the challenger agrees (lo = mid)
 * or disagrees (hi = mid); so root lo is always agreed and root hi always disputed. Events carry
 * `at`, the simulated time of the move; the world must deliver each event at that time.
 */
import type { Hex } from 'viem';
import { assign, emit, setup } from 'xstate';

/** The two sides of a dispute. */
export type DisputeParty = 'defender' | 'challenger';

/** 'txs': bisecting the per-transaction roots; 'steps': the steps of the disputed transaction. */
export type DisputePhase = 'txs' | 'steps';

/** How the game ended. */
export type DisputeReason = 'one-step' | 'defender-timeout' | 'challenger-timeout';

/** Remaining time on each side's chess clock, in ms. */
export interface DisputeClocks {
	/** The defender's remaining time. */
	defender: number;
	/** The challenger's remaining time. */
	challenger: number;
}

/** What starts a game. */
export interface DisputeGameInput {
	/** Game id. */
	id: string;
	/** Index of the disputed batch. */
	batch: number;
	/** The batch's previous state root: root 0, agreed by both. */
	prevStateRoot: Hex;
	/** The batch's claimed state root: root n, disputed. */
	claimedStateRoot: Hex;
	/** Number of transactions n in the batch (at least 1). */
	txCount: number;
	/** Micro-steps of each transaction (each at least 1), as both derive them from the agreed pre-state. */
	stepCounts: number[];
	/** Chess clock of each side in ms; one number gives both sides the same. */
	clockMs: number | DisputeClocks;
	/** Simulated time the game starts, which must be the host's time at spawn: the defender's clock runs from here. */
	startedAt: number;
}

/** Moves and L1's answer. */
export type DisputeGameEvent =
	| { type: 'defender.reveal'; root: Hex; at: number }
	| { type: 'challenger.respond'; agree: boolean; at: number }
	| { type: 'oneStep.executed'; postRoot: Hex; at: number };

/** Effects the game asks the world to carry out. */
export type DisputeGameEmitted =
	| { type: 'dispute.awaitReveal'; phase: DisputePhase; index: number; lo: number; hi: number; tx?: number }
	| { type: 'dispute.awaitResponse'; phase: DisputePhase; index: number; lo: number; hi: number; root: Hex; tx?: number }
	| { type: 'dispute.executeStep'; tx: number; step: number; txPreRoot: Hex; preRoot: Hex; claimedPostRoot: Hex }
	| { type: 'dispute.invalidMove'; by: DisputeParty | 'l1'; reason: 'out-of-turn' | 'malformed' | 'late' }
	| { type: 'dispute.resolved'; winner: DisputeParty; reason: DisputeReason; at: number; tx?: number; step?: number };

/** Context of a dispute game. */
export interface DisputeGameContext {
	/** Game id. */
	id: string;
	/** Index of the disputed batch. */
	batch: number;
	/** Number of transactions in the batch. */
	txCount: number;
	/** Micro-steps of each transaction. */
	stepCounts: number[];
	/** Which roots are being bisected. */
	phase: DisputePhase;
	/** Disputed transaction once the tx phase has narrowed to one, else null. */
	tx: number | null;
	/** Lower bound: root lo is agreed. */
	lo: number;
	/** Upper bound: root hi is disputed. */
	hi: number;
	/** The agreed root at lo. */
	loRoot: Hex;
	/** The defender's disputed root at hi. */
	hiRoot: Hex;
	/** Root before the disputed transaction (step root 0), once known. */
	txPreRoot: Hex | null;
	/** The root the defender revealed this round, awaiting the challenger's answer. */
	midRoot: Hex | null;
	/** Time left on each chess clock. */
	clocks: DisputeClocks;
	/** Simulated time the current turn started. */
	turnStartedAt: number;
	/** Completed rounds (reveal plus response). */
	rounds: number;
	/** Who won, once over. */
	winner: DisputeParty | null;
	/** Why, once over. */
	reason: DisputeReason | null;
	/** The step L1 executed, once over by one step. */
	step: number | null;
	/** Simulated time the game ended, once over. */
	endedAt: number | null;
}

const ROOT = /^0x[0-9a-fA-F]{64}$/;

/** The index the defender must reveal next. */
export function midpoint({ lo, hi }: { lo: number; hi: number }): number {
	return Math.floor((lo + hi) / 2);
}

/** Why a move by `by` is refused now (null: accepted); the caller has checked it is `by`'s turn. */
export function whyRefused(context: DisputeGameContext, by: DisputeParty, event: { at?: unknown; root?: unknown; agree?: unknown }): 'malformed' | 'late' | null {
	const { at } = event;
	if (typeof at !== 'number' || !Number.isFinite(at) || at < context.turnStartedAt) return 'malformed';
	if (by === 'defender' ? typeof event.root !== 'string' || !ROOT.test(event.root) : typeof event.agree !== 'boolean') return 'malformed';
	return at - context.turnStartedAt >= context.clocks[by] ? 'late' : null;
}

function checkInput({ txCount, stepCounts, clockMs }: DisputeGameInput): DisputeClocks {
	if (!Number.isInteger(txCount) || txCount < 1) throw new RangeError(`disputeGame: txCount must be a positive integer, got ${txCount}`);
	if (stepCounts.length !== txCount || !stepCounts.every((m) => Number.isInteger(m) && m >= 1)) throw new RangeError('disputeGame: one step count (>= 1) per transaction');
	const clocks = typeof clockMs === 'number' ? { defender: clockMs, challenger: clockMs } : { ...clockMs };
	if (!(clocks.defender > 0 && clocks.challenger > 0)) throw new RangeError('disputeGame: clocks must be positive');
	return clocks;
}

type Reveal = Extract<DisputeGameEvent, { type: 'defender.reveal' }>;
type Respond = Extract<DisputeGameEvent, { type: 'challenger.respond' }>;
type Executed = Extract<DisputeGameEvent, { type: 'oneStep.executed' }>;

const txOf = (context: DisputeGameContext) => (context.tx === null ? {} : { tx: context.tx });

/** The reveal-and-respond loop of one phase, the same for transactions and steps; `narrowed` is where it goes when one apart. */
function bisection(narrowed: '#disputeGame.steps' | '#disputeGame.oneStep', unit: string) {
	return {
		initial: 'narrowing' as const,
		states: {
			narrowing: {
				description: `Checking whether the interval is down to one ${unit}.`,
				always: [{ guard: 'isOneApart' as const, target: narrowed }, { target: 'awaitingReveal' }]
			},
			awaitingReveal: {
				description: `Defender's turn, its clock running: reveal its ${unit} root at the midpoint.`,
				entry: 'askForReveal' as const,
				after: { defenderClock: { target: '#disputeGame.challengerWins', actions: 'recordDefenderTimeout' as const } },
				on: { 'defender.reveal': [{ guard: 'isRevealAcceptable' as const, target: 'awaitingResponse', actions: 'recordReveal' as const }, { actions: 'refuseReveal' as const }] }
			},
			awaitingResponse: {
				description: `Challenger's turn, its clock running: agree or disagree with the revealed ${unit} root.`,
				entry: 'askForResponse' as const,
				after: { challengerClock: { target: '#disputeGame.defenderWins', actions: 'recordChallengerTimeout' as const } },
				on: { 'challenger.respond': [{ guard: 'isResponseAcceptable' as const, target: 'narrowing', actions: 'narrowInterval' as const }, { actions: 'refuseResponse' as const }] }
			}
		}
	};
}

/** The dispute game's statechart. */
export const disputeGameMachine = setup({
	types: {
		context: {} as DisputeGameContext,
		input: {} as DisputeGameInput,
		events: {} as DisputeGameEvent,
		emitted: {} as DisputeGameEmitted
	},
	delays: {
		defenderClock: ({ context }) => context.clocks.defender,
		challengerClock: ({ context }) => context.clocks.challenger
	},
	guards: {
		isOneApart: ({ context }) => context.hi - context.lo <= 1,
		isRevealAcceptable: ({ context, event }) => whyRefused(context, 'defender', event) === null,
		isResponseAcceptable: ({ context, event }) => whyRefused(context, 'challenger', event) === null,
		isMalformedPostRoot: ({ event }) => typeof (event as Executed).postRoot !== 'string' || !ROOT.test((event as Executed).postRoot),
		isFraudProven: ({ context, event }) => (event as Executed).postRoot.toLowerCase() !== context.hiRoot
	},
	actions: {
		askForReveal: emit(({ context }) => ({ type: 'dispute.awaitReveal' as const, phase: context.phase, index: midpoint(context), lo: context.lo, hi: context.hi, ...txOf(context) })),
		askForResponse: emit(({ context }) => ({
			type: 'dispute.awaitResponse' as const,
			phase: context.phase,
			index: midpoint(context),
			lo: context.lo,
			hi: context.hi,
			root: context.midRoot!,
			...txOf(context)
		})),
		askL1ToExecuteStep: emit(({ context }) => ({
			type: 'dispute.executeStep' as const,
			tx: context.tx!,
			step: context.lo,
			txPreRoot: context.txPreRoot!,
			preRoot: context.loRoot,
			claimedPostRoot: context.hiRoot
		})),
		refuseOutOfTurn: emit(({ event }) => ({ type: 'dispute.invalidMove' as const, by: event.type === 'defender.reveal' ? ('defender' as const) : ('challenger' as const), reason: 'out-of-turn' as const })),
		refuseReveal: emit(({ context, event }) => ({ type: 'dispute.invalidMove' as const, by: 'defender' as const, reason: whyRefused(context, 'defender', event) ?? 'malformed' })),
		refuseResponse: emit(({ context, event }) => ({ type: 'dispute.invalidMove' as const, by: 'challenger' as const, reason: whyRefused(context, 'challenger', event) ?? 'malformed' })),
		refuseL1Answer: emit({ type: 'dispute.invalidMove' as const, by: 'l1' as const, reason: 'malformed' as const }),
		recordReveal: assign(({ context, event }) => {
			const { root, at } = event as Reveal;
			return { midRoot: root.toLowerCase() as Hex, turnStartedAt: at, clocks: { ...context.clocks, defender: context.clocks.defender - (at - context.turnStartedAt) } };
		}),
		narrowInterval: assign(({ context, event }) => {
			const { agree, at } = event as Respond;
			const mid = midpoint(context);
			const bound = agree ? { lo: mid, loRoot: context.midRoot! } : { hi: mid, hiRoot: context.midRoot! };
			const clocks = { ...context.clocks, challenger: context.clocks.challenger - (at - context.turnStartedAt) };
			return { ...bound, midRoot: null, turnStartedAt: at, clocks, rounds: context.rounds + 1 };
		}),
		enterStepPhase: assign(({ context }) => ({ phase: 'steps' as const, tx: context.lo, lo: 0, hi: context.stepCounts[context.lo], txPreRoot: context.loRoot })),
		recordDefenderTimeout: assign(({ context }) => ({
			winner: 'challenger' as const,
			reason: 'defender-timeout' as const,
			endedAt: context.turnStartedAt + context.clocks.defender,
			clocks: { ...context.clocks, defender: 0 }
		})),
		recordChallengerTimeout: assign(({ context }) => ({
			winner: 'defender' as const,
			reason: 'challenger-timeout' as const,
			endedAt: context.turnStartedAt + context.clocks.challenger,
			clocks: { ...context.clocks, challenger: 0 }
		})),
		recordFraudProven: assign(({ context, event }) => ({ winner: 'challenger' as const, reason: 'one-step' as const, step: context.lo, endedAt: (event as Executed).at })),
		recordClaimUpheld: assign(({ context, event }) => ({ winner: 'defender' as const, reason: 'one-step' as const, step: context.lo, endedAt: (event as Executed).at })),
		announceResult: emit(({ context }) => ({
			type: 'dispute.resolved' as const,
			winner: context.winner!,
			reason: context.reason!,
			at: context.endedAt!,
			...txOf(context),
			...(context.step === null ? {} : { step: context.step })
		}))
	}
}).createMachine({
	id: 'disputeGame',
	context: ({ input }) => {
		const clocks = checkInput(input);
		const root = (hex: Hex) => hex.toLowerCase() as Hex;
		return {
			id: input.id,
			batch: input.batch,
			txCount: input.txCount,
			stepCounts: input.stepCounts.slice(),
			phase: 'txs',
			tx: null,
			lo: 0,
			hi: input.txCount,
			loRoot: root(input.prevStateRoot),
			hiRoot: root(input.claimedStateRoot),
			txPreRoot: null,
			midRoot: null,
			clocks,
			turnStartedAt: input.startedAt,
			rounds: 0,
			winner: null,
			reason: null,
			step: null,
			endedAt: null
		};
	},
	initial: 'txs',
	on: {
		'defender.reveal': { actions: 'refuseOutOfTurn' },
		'challenger.respond': { actions: 'refuseOutOfTurn' }
	},
	states: {
		txs: {
			description: 'Bisecting the per-transaction roots until one transaction separates an agreed root from a disputed one.',
			...bisection('#disputeGame.steps', 'transaction')
		},
		steps: {
			description: 'Bisecting the step roots of the disputed transaction until one step remains.',
			entry: 'enterStepPhase',
			...bisection('#disputeGame.oneStep', 'step')
		},
		oneStep: {
			description: 'Narrowed to one step from an agreed root to a disputed one: L1 executes it; no clock runs.',
			entry: 'askL1ToExecuteStep',
			on: {
				'oneStep.executed': [
					{ guard: 'isMalformedPostRoot', actions: 'refuseL1Answer' },
					{ guard: 'isFraudProven', target: 'challengerWins', actions: 'recordFraudProven' },
					{ target: 'defenderWins', actions: 'recordClaimUpheld' }
				]
			}
		},
		challengerWins: {
			description: 'Fraud proven or the defender ran out of time: the batch is wrong and its signers are slashable.',
			type: 'final',
			entry: 'announceResult'
		},
		defenderWins: {
			description: 'The claim stood at the one step, or the challenger ran out of time.',
			type: 'final',
			entry: 'announceResult'
		}
	}
});
