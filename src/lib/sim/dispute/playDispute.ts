/**
 * Plays a whole optimistic dispute headlessly: the dispute game machine on its own virtual clock,
 * a defender that reveals the roots it was given (honest or fabricated), an honest challenger that
 * re-executes the batch, and L1's one-step executor at the end. The world drives the same machine
 * itself; this driver is for tests and the benchmark.
 */
import type { Hex } from 'viem';
import type { SnapshotFrom } from 'xstate';
import type { L2State } from '../../chain/state';
import { advanceSteps, stateBeforeStep, traceBatch, traceTx, type ClaimedRoots } from '../../chain/trace';
import { disputeGameMachine, type DisputeClocks, type DisputeGameEmitted, type DisputeParty, type DisputeReason } from '../actors/disputeGameMachine';
import { ActorHost, type ActorMessage } from '../actors/runtime';
import { executeOneStep } from '../l1/oneStep';
import { Scheduler } from '../scheduler';

/** How long each side takes per move, in ms; null: it never moves (and so times out). */
export interface MoveDelays {
	/** The defender's time per reveal. */
	defender: number | null;
	/** The challenger's time per response. */
	challenger: number | null;
}

/** What to play. */
export interface PlayDisputeOptions {
	/** The agreed state before the batch (not mutated). */
	prevState: L2State;
	/** The batch's raw transactions. */
	txs: Hex[];
	/** The roots the defender claims; its last tx root is the batch's claimed state root. */
	defender: ClaimedRoots;
	/** Chess clock of each side in ms (one number: both). */
	clockMs: number | DisputeClocks;
	/** Time each side takes per move. */
	moveMs: MoveDelays;
	/** Simulated start time; 0 by default. */
	startedAt?: number;
}

/** How a played dispute ended. */
export interface DisputeResult {
	/** Who won. */
	winner: DisputeParty;
	/** Why. */
	reason: DisputeReason;
	/** Completed bisection rounds (reveal plus response), both phases. */
	rounds: number;
	/** Simulated time the game ended. */
	endedAt: number;
	/** The transaction the bisection narrowed to, or null when it ended before. */
	disputedTx: number | null;
	/** The step L1 executed, or null when it ended by a timeout. */
	disputedStep: number | null;
	/** Time left on each clock at the end. */
	clocks: DisputeClocks;
}

const GAME = 'dispute';

/** Memoizes something computed per transaction. */
function perTx<T>(compute: (tx: number) => T): (tx: number) => T {
	const known = new Map<number, T>();
	return (tx) => {
		let roots = known.get(tx);
		if (roots === undefined) known.set(tx, (roots = compute(tx)));
		return roots;
	};
}

function checkDelays({ defender, challenger }: MoveDelays): void {
	for (const ms of [defender, challenger]) if (ms !== null && !(Number.isFinite(ms) && ms >= 0)) throw new RangeError(`playDispute: invalid move delay ${ms}`);
}

/** Plays the dispute to the end and reports who won, how, and when. */
export function playDispute({ prevState, txs, defender, clockMs, moveMs, startedAt = 0 }: PlayDisputeOptions): DisputeResult {
	if (txs.length === 0) throw new RangeError('playDispute: an empty batch has nothing to dispute');
	if (defender.txRoots.length !== txs.length) throw new RangeError('playDispute: the defender must claim one root per transaction');
	checkDelays(moveMs);
	const honest = traceBatch(prevState.clone(), txs);
	const txPreState = perTx((tx) => stateBeforeStep(prevState, txs, tx, 0));
	const honestSteps = perTx((tx) => traceTx(txPreState(tx).clone(), txs[tx]).roots);
	const claimedSteps = perTx(defender.stepRoots);

	let now = startedAt;
	const scheduler = new Scheduler<ActorMessage>();
	const host = new ActorHost({
		now: () => now,
		scheduleDelayed: (at, _actor, event, key) => scheduler.schedule(at, event as ActorMessage, key),
		cancelDelayed: (key) => scheduler.cancel(key),
		onEmit: (_actor, event) => react(event as DisputeGameEmitted)
	});

	/** Root `index` (1..) of the claim or of honest execution: tx roots in the tx phase, step roots of `tx` in the step phase. */
	const rootAt = (index: number, tx: number | undefined, txRoots: Hex[], steps: (tx: number) => Hex[]): Hex => (tx === undefined ? txRoots : steps(tx))[index - 1];

	function react(effect: DisputeGameEmitted): void {
		if (effect.type === 'dispute.awaitReveal' && moveMs.defender !== null) {
			const at = now + moveMs.defender;
			scheduler.schedule(at, { type: 'defender.reveal', root: rootAt(effect.index, effect.tx, defender.txRoots, claimedSteps), at });
		} else if (effect.type === 'dispute.awaitResponse' && moveMs.challenger !== null) {
			const at = now + moveMs.challenger;
			const agree = effect.root === rootAt(effect.index, effect.tx, honest.txRoots, honestSteps).toLowerCase();
			scheduler.schedule(at, { type: 'challenger.respond', agree, at });
		} else if (effect.type === 'dispute.executeStep') {
			const { tx, step, txPreRoot, preRoot, claimedPostRoot } = effect;
			const verdict = executeOneStep({
				preState: advanceSteps(txPreState(tx), txs[tx], step),
				raw: txs[tx],
				step,
				txPreState: txPreState(tx),
				agreedTxPreRoot: txPreRoot,
				agreedPreRoot: preRoot,
				claimedPostRoot
			});
			// The honest challenger only ever agrees with honest roots, so its witness always matches.
			if (!verdict.ok) throw new Error(`playDispute: L1 refused the witness: ${verdict.error}`);
			scheduler.schedule(now, { type: 'oneStep.executed', postRoot: verdict.value.postRoot, at: now });
		}
	}

	host.spawn(GAME, disputeGameMachine, {
		id: GAME,
		batch: 0,
		prevStateRoot: prevState.stateRoot(),
		claimedStateRoot: defender.txRoots[txs.length - 1],
		txCount: txs.length,
		stepCounts: honest.stepCounts,
		clockMs,
		startedAt
	});
	while (host.snapshotOf(GAME).status === 'active') {
		const next = scheduler.pop();
		if (next === undefined) throw new Error('playDispute: the game stalled with nothing scheduled');
		now = next.at;
		host.send(GAME, next.task);
	}
	const end = host.snapshotOf(GAME) as SnapshotFrom<typeof disputeGameMachine>;
	if (end.status !== 'done') throw new Error(`playDispute: the game failed: ${String(end.error)}`);
	const { context } = end;
	return {
		winner: context.winner!,
		reason: context.reason!,
		rounds: context.rounds,
		endedAt: context.endedAt!,
		disputedTx: context.tx,
		disputedStep: context.step,
		clocks: context.clocks
	};
}
