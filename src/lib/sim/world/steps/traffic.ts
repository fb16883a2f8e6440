/** Users' traffic: Poisson arrivals from the seeded RNG, signed EIP-1559 transactions, gossip to the mempool. */
import type { Hex } from 'viem';
import { DEX_ADDRESS, encodeSwap } from '../../../chain/calls';
import { getAmountOut, minOutWithSlippage } from '../../../chain/dex';
import { BASE_FEE, SWAP_GAS, TRANSFER_GAS } from '../../../chain/execute';
import { signTx, type TxRequest } from '../../../chain/tx';
import { keccakHex, fromHex } from '../../../chain/hex';
import type { TxIntent } from '../../actors/userMachine';
import { record, tell, type WorldCore } from '../core';
import { later, scheduleArrival, scheduleRespanCheck, watchForCensorship } from '../timers';

const CENT = 10n ** 16n;

/** Starts traffic: every user becomes active and the first arrival is scheduled. */
export function startTraffic(w: WorldCore): void {
	if (w.data.trafficOn) return;
	w.data.trafficOn = true;
	for (const u of w.cast.users) tell(w, u.id, { type: 'traffic.start' });
	record(w, { type: 'traffic.started', txPerSecond: w.data.txPerSecond });
	scheduleArrival(w);
}

/** Stops traffic. */
export function stopTraffic(w: WorldCore): void {
	if (!w.data.trafficOn) return;
	w.data.trafficOn = false;
	w.scheduler.cancel('traffic');
	for (const u of w.cast.users) tell(w, u.id, { type: 'traffic.stop' });
	record(w, { type: 'traffic.stopped' });
}

/** One arrival: a random user is asked to send a random transfer or swap. */
export function onArrival(w: WorldCore): void {
	const { users } = w.cast;
	const user = users[w.rng.int(users.length)];
	tell(w, user.id, { type: 'tx.send', intent: pickIntent(w, user.id) });
	scheduleArrival(w);
}

function pickIntent(w: WorldCore, from: string): TxIntent {
	const { users } = w.cast;
	if (w.rng.chance(w.data.params.swapShare)) {
		const metisIn = w.rng.chance(0.5);
		// From a fiftieth of swapMaxMetis up to it (0.1–5 METIS by default), or ten times as many USD; in cents.
		const max = w.data.params.swapMaxMetis > CENT ? w.data.params.swapMaxMetis / CENT : 1n;
		const min = max / 50n;
		const cents = min + BigInt(w.rng.int(Number(max - min) + 1));
		const amount = (metisIn ? cents : 10n * cents) * CENT;
		return { kind: 'swap', metisIn, amount: amount.toString() };
	}
	let to = users[w.rng.int(users.length)].id;
	if (to === from && users.length > 1) to = users[(users.findIndex((u) => u.id === from) + 1) % users.length].id;
	return { kind: 'transfer', to, amount: (BigInt(1 + w.rng.int(200)) * CENT).toString() };
}

/** A user signed a transaction: it travels to the sequencers. */
export function onTxSubmit(w: WorldCore, userId: string, nonce: number, intent: TxIntent): void {
	const user = w.cast.userById.get(userId);
	if (!user) return;
	const request = buildRequest(w, nonce, intent);
	const raw = signTx(request, user.secretKey);
	const hash = keccakHex(fromHex(raw));
	record(w, { type: 'tx.submitted', hash, user: userId, kind: intent.kind, nonce });
	later(w, w.data.params.gossipDelayMs, { kind: 'tx.arrive', entry: { raw, hash, user: userId, arrivedAt: 0 } });
}

/** A transaction reaches the sequencers' mempool; arrival order is what first-come-first-served means. */
export function onTxArrive(w: WorldCore, entry: { raw: Hex; hash: Hex; user: string }): void {
	const { data } = w;
	const arrived = { ...entry, arrivedAt: data.now };
	data.mempool.push(arrived);
	data.arrivals.set(entry.hash, data.now);
	// Wakes an idle proposer (one that only had transactions it would not include).
	if (data.proposer) tell(w, data.proposer, { type: 'mempool.filled' });
	scheduleRespanCheck(w);
	watchForCensorship(w, arrived);
}

function buildRequest(w: WorldCore, nonce: number, intent: TxIntent): TxRequest {
	const amount = BigInt(intent.amount);
	const fees = { maxFeePerGas: 2n * BASE_FEE, maxPriorityFeePerGas: BASE_FEE / 10n, chainId: w.data.params.chainId };
	if (intent.kind === 'swap') {
		const pool = w.data.l2.get(DEX_ADDRESS);
		const [reserveIn, reserveOut] = intent.metisIn ? [pool.balance, pool.usd] : [pool.usd, pool.balance];
		const minOut = minOutWithSlippage(getAmountOut(amount, reserveIn, reserveOut), BigInt(w.data.params.swapSlippageBps));
		const data = encodeSwap({ metisIn: intent.metisIn === true, amountIn: amount, minOut });
		return { nonce, to: DEX_ADDRESS, value: intent.metisIn ? amount : 0n, data, gas: SWAP_GAS, ...fees };
	}
	const to = w.cast.userById.get(intent.to ?? '')?.address ?? w.cast.users[0].address;
	return { nonce, to, value: amount, data: '0x', gas: TRANSFER_GAS, ...fees };
}
