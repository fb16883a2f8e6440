/**
 * Re-execution of a batch from its previous state root, as peers and validators do. The result of
 * executing the same transactions from the same state is the same for everyone, so it is computed
 * once and shared: the first check is real, identical ones reuse it.
 */
import type { Hex } from 'viem';
import { executeTx } from '../../chain/execute';
import { txRoot } from '../../chain/batch';
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
	const state = base.clone();
	let result: Reexecution | null = null;
	for (const [i, raw] of txs.entries()) {
		const outcome = executeTx(state, raw, { withRoot: false });
		if (outcome.status === 'invalid') {
			result = { ok: false, reason: `transaction ${i} is invalid: ${outcome.error ?? 'invalid'}`, txRoot: root };
			break;
		}
	}
	result ??= { ok: true, stateRoot: state.stateRoot(), txRoot: root };
	if (result.ok) w.data.stateAtRoot.set(result.stateRoot, state);
	if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value as string);
	memo.set(key, result);
	return result;
}
