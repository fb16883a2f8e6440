/**
 * Re-execution of a batch from its previous state root, as peers and validators do. The result of
 * executing the same transactions from the same state is the same for everyone, so it is computed
 * once and shared: the first check is real, identical ones reuse it.
 */
import type { Hex } from 'viem';
import { executeBatch } from '../../chain/execute';
import { txRoot } from '../../chain/batch';
import type { WorldCore } from './core';

/** What re-executing a batch gave. */
export type Reexecution =
	| { ok: true; stateRoot: Hex; txRoot: Hex; txStateRoots: Hex[] }
	| { ok: false; reason: string; txRoot: Hex };

const memo = new Map<string, Reexecution>();
const MEMO_MAX = 4096;

/** Re-executes `txs` from the state with root `prevStateRoot`; records the resulting state for later batches. */
export function reexecute(w: WorldCore, prevStateRoot: Hex, txs: Hex[]): Reexecution {
	const root = txRoot(txs);
	const key = `${prevStateRoot}:${root}`;
	const known = memo.get(key);
	if (known && (!known.ok || w.data.stateAtRoot.has(known.stateRoot))) return known;
	const base = w.data.stateAtRoot.get(prevStateRoot);
	if (!base) return { ok: false, reason: `unknown previous state root ${prevStateRoot}`, txRoot: root };
	const state = base.clone();
	const run = executeBatch(state, txs);
	const result: Reexecution = run.ok
		? { ok: true, stateRoot: run.stateRoot, txRoot: root, txStateRoots: run.txStateRoots }
		: { ok: false, reason: `transaction ${run.firstInvalid} is invalid: ${run.outcomes[run.firstInvalid ?? 0]?.error ?? 'invalid'}`, txRoot: root };
	if (result.ok) w.data.stateAtRoot.set(result.stateRoot, state);
	if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value as string);
	memo.set(key, result);
	return result;
}
