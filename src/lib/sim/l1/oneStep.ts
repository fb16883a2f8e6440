/**
 * The L1 one-step executor that ends an optimistic dispute (Optimism's MIPS.sol / Cannon, in
 * miniature): given the state both parties agreed on before one micro-step, it executes that step
 * alone and says whether the defender's claimed root after it was wrong.
 */
import type { Hex } from 'viem';
import type { L2State } from '../../chain/state';
import { applyStep, planTx } from '../../chain/trace';
import { ok, refuse, type Result } from './result';

/** What L1 is given to execute one step: the witness states and the roots the game settled on. */
export interface OneStepCall {
	/** Witness: the state right before the step; must hash to `agreedPreRoot`. Not mutated. */
	preState: L2State;
	/** The disputed transaction, raw, as posted in the batch. */
	raw: Hex;
	/** Index of the step within the transaction, from 0. */
	step: number;
	/** Witness: the state before the whole transaction, from which the step list follows; must hash to `agreedTxPreRoot`. */
	txPreState: L2State;
	/** Root before the transaction, agreed in the game (the tx phase's lower bound). */
	agreedTxPreRoot: Hex;
	/** Root before the step, agreed in the game. */
	agreedPreRoot: Hex;
	/** The defender's root after the step, disputed by the challenger. */
	claimedPostRoot: Hex;
}

/** L1's verdict on one step. */
export interface OneStepVerdict {
	/** The root L1 computed after the step. */
	postRoot: Hex;
	/** True when it differs from the defender's claimed root: fraud proven. */
	challengerWins: boolean;
}

/** Executes exactly one step on a copy of the witness and compares; refuses a witness that does not match the agreed roots. */
export function executeOneStep(call: OneStepCall): Result<OneStepVerdict> {
	const { preState, raw, step, txPreState, agreedTxPreRoot, agreedPreRoot, claimedPostRoot } = call;
	if (txPreState.stateRoot() !== agreedTxPreRoot.toLowerCase()) return refuse('oneStep: tx pre-state does not match the agreed tx pre-root');
	if (preState.stateRoot() !== agreedPreRoot.toLowerCase()) return refuse('oneStep: pre-state does not match the agreed pre-root');
	if (step === 0 && agreedPreRoot.toLowerCase() !== agreedTxPreRoot.toLowerCase()) return refuse('oneStep: step 0 must start from the tx pre-root');
	const plan = planTx(txPreState, raw);
	if (!Number.isInteger(step) || step < 0 || step >= plan.length) return refuse(`oneStep: no step ${step}; the tx has ${plan.length}`);
	const state = preState.clone();
	applyStep(state, plan[step]);
	const postRoot = state.stateRoot();
	return ok({ postRoot, challengerWins: postRoot !== claimedPostRoot.toLowerCase() });
}
