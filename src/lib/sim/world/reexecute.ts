/**
 * Re-execution of a batch from its previous state root, as peers and validators do. The result of
 * executing the same transactions from the same state is the same for everyone, so it is computed
 * once and shared: the first check is real, identical ones reuse it.
 */
import type { Hex } from 'viem';
import { executeTx } from '../../chain/execute';
import { txRoot } from '../../chain/batch';
import type { L2State } from '../../chain/state';
import type { WorldCore } from './core';

/** What re-executing a batch gave. */
export type Reexecution =
	| { ok: true; stateRoot: Hex; txRoot: Hex }
	| { ok: false; reason: string; txRoot: Hex };

const memo = new Map<string, Reexecution>();
/** txRoot per transaction list: a batch's list is one shared array, hashed once. */
const rootOfList = new WeakMap<readonly Hex[], Hex>();
const MEMO_MAX = 4096;

/**
 * Re-executes `txs` from the state with root `prevStateRoot`; records the resulting state for later
 * batches. Only the final root is compared here; the per-transaction roots a dispute bisects over are
 * computed when a dispute needs them (chain/trace.ts).
 */
export function reexecute(w: WorldCore, prevStateRoot: Hex, txs: Hex[]): Reexecution {
	let root = rootOfList.get(txs);
	if (root === undefined) rootOfList.set(txs, (root = txRoot(txs)));
	const key = `${prevStateRoot}:${root}`;
	const known = memo.get(key);
	if (known && (!known.ok || w.data.stateAtRoot.has(known.stateRoot))) return known;
	const base = w.data.stateAtRoot.get(prevStateRoot);
	if (!base) return { ok: false, reason: `unknown previous state root ${prevStateRoot}`, txRoot: root };
	const run = runTxs(base, txs);
	const state = run.ok ? run.state : null;
	const result: Reexecution = run.ok ? { ok: true, stateRoot: run.state.stateRoot(), txRoot: root } : { ok: false, reason: run.reason, txRoot: root };
	if (result.ok && state) w.data.stateAtRoot.set(result.stateRoot, state);
	if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value as string);
	memo.set(key, result);
	return result;
}

/** Executes `txs` on a clone of `base` without intermediate roots; fails at the first invalid one. */
export function runTxs(base: L2State, txs: readonly Hex[]): { ok: true; state: L2State } | { ok: false; reason: string } {
	const state = base.clone();
	for (const [i, raw] of txs.entries()) {
		const outcome = executeTx(state, raw, { withRoot: false });
		if (outcome.status === 'invalid') return { ok: false, reason: `transaction ${i} is invalid: ${outcome.error ?? 'invalid'}` };
	}
	return { ok: true, state };
}
