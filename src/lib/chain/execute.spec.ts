import { describe, expect, it } from 'vitest';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak256, numberToHex, parseTransaction, serializeTransaction, toRlp, type Hex } from 'viem';
import { DEX_ADDRESS, FEE_VAULT_ADDRESS, encodeSwap } from './calls';
import { getAmountOut } from './dex';
import { BASE_FEE, SWAP_GAS, TRANSFER_GAS, effectiveGasPrice, executeBatch, executeTx } from './execute';
import { addressOf, secpSecretKey } from './keys';
import { L2State } from './state';
import { signTx, type TxRequest } from './tx';

const E18 = 10n ** 18n;
const GWEI = 10n ** 9n;
const keys = Array.from({ length: 3 }, (_, index) => secpSecretKey({ seed: 'execute-spec', label: 'user', index }));
const [alice, bob, carol] = keys.map(addressOf);
const STRANGER: Hex = '0x00000000000000000000000000000000000abcde';
const SECP_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

function world({ pool = true } = {}): L2State {
	return L2State.genesis([
		{ address: alice, balance: 100n * E18, usd: 1_000n * E18 },
		{ address: bob, balance: 100n * E18, usd: 0n },
		{ address: carol, balance: 0n, usd: 0n },
		...(pool ? [{ address: DEX_ADDRESS, balance: 1_000n * E18, usd: 50_000n * E18 }] : [])
	]);
}

/** Alice's tx with sensible defaults: a 1 METIS transfer to Bob paying 2 gwei max, 1 gwei tip. */
function tx(change: Partial<TxRequest> = {}, key = keys[0]): Hex {
	return signTx({ nonce: 0, to: bob, value: E18, data: '0x', gas: TRANSFER_GAS, maxFeePerGas: 2n * GWEI, maxPriorityFeePerGas: GWEI, ...change }, key);
}

function swapTx(metisIn: boolean, amountIn: bigint, minOut = 0n, change: Partial<TxRequest> = {}): Hex {
	return tx({ to: DEX_ADDRESS, value: metisIn ? amountIn : 0n, data: encodeSwap({ metisIn, amountIn, minOut }), gas: SWAP_GAS, ...change });
}

/** A valid raw tx with its signature replaced (the fields and their encoding unchanged). */
function withSignature(raw: Hex, signature: (r: bigint, s: bigint) => { r: bigint; s: bigint }): Hex {
	const parsed = parseTransaction(raw);
	const { r, s } = signature(BigInt(parsed.r!), BigInt(parsed.s!));
	const hex32 = (n: bigint): Hex => `0x${n.toString(16).padStart(64, '0')}`;
	const { r: _r, s: _s, yParity, v: _v, ...fields } = parsed;
	return serializeTransaction({ ...fields, type: 'eip1559' } as Parameters<typeof serializeTransaction>[0], { r: hex32(r), s: hex32(s), yParity: yParity! });
}

/** Alice's default transfer with any tip, RLP-encoded and signed by hand: viem refuses to build a tip above the cap. */
function handSignedTx(maxPriorityFeePerGas: bigint): Hex {
	const int = (n: bigint | number): Hex => (BigInt(n) === 0n ? '0x' : numberToHex(n));
	const fields: Hex[] = [int(59902), int(0), int(maxPriorityFeePerGas), int(2n * GWEI), int(TRANSFER_GAS), bob, int(E18), '0x'];
	const unsigned = `0x02${toRlp([...fields, []]).slice(2)}` as Hex;
	const signature = secp256k1.sign(Buffer.from(keccak256(unsigned).slice(2), 'hex'), keys[0], { prehash: false, format: 'recovered' });
	const r = BigInt(`0x${Buffer.from(signature.subarray(1, 33)).toString('hex')}`);
	const s = BigInt(`0x${Buffer.from(signature.subarray(33)).toString('hex')}`);
	return `0x02${toRlp([...fields, [], int(signature[0]), int(r), int(s)]).slice(2)}` as Hex;
}

function expectConserved(before: L2State, after: L2State): void {
	expect(after.totalMetis()).toBe(before.totalMetis());
	expect(after.totalUsd()).toBe(before.totalUsd());
}

describe('executeTx: invalid transactions leave the state untouched', () => {
	it.each<[string, () => Hex, RegExp, Hex | null]>([
		['undecodable bytes', () => '0x1234', /undecodable/, null],
		['not hex at all', () => 'hello' as Hex, /undecodable/, null],
		['an empty string', () => '0x', /undecodable/, null],
		['uppercase hex', () => tx().toUpperCase().replace('0X', '0x') as Hex, /undecodable/, null],
		['a wrong chain id', () => tx({ chainId: 1 }), /wrong chain id 1/, alice],
		['a malleated (high-s) signature', () => withSignature(tx(), (r, s) => ({ r, s: SECP_N - s })), /bad signature/, null],
		['a zero r', () => withSignature(tx(), (_r, s) => ({ r: 0n, s })), /bad signature/, null],
		['a nonce too high', () => tx({ nonce: 1 }), /nonce too high: 1 > 0/, alice],
		['max fee below base fee', () => tx({ maxFeePerGas: BASE_FEE - 1n, maxPriorityFeePerGas: 0n }), /max fee below base fee/, alice],
		['tip above max fee (rejected by the decoder)', () => handSignedTx(3n * GWEI), /undecodable|priority fee above max fee/, null],
		['a transfer gas limit below 21,000', () => tx({ gas: TRANSFER_GAS - 1n }), /gas limit 20999 below/, alice],
		['a swap gas limit of 21,000', () => swapTx(true, E18, 0n, { gas: TRANSFER_GAS }), /below the 90000 needed/, alice],
		['value + gas × max fee above the balance', () => tx({ value: 100n * E18 }), /insufficient funds/, alice],
		['a sender with an empty account', () => tx({ value: 0n }, keys[2]), /insufficient funds/, carol],
		['contract creation', () => tx({ to: undefined as unknown as Hex, data: '0x6000' }), /contract creation/, alice]
	])('%s', (_name, make, error, sender) => {
		const state = world();
		const root = state.stateRoot();
		const outcome = executeTx(state, make());
		expect(outcome).toMatchObject({ status: 'invalid', gasUsed: 0n, fee: 0n, stateRoot: root });
		expect(outcome.error).toMatch(error);
		expect(outcome.sender).toBe(sender);
		expect(outcome.hash).toMatch(/^0x[0-9a-f]{64}$/);
		expect(state.stateRoot()).toBe(root);
	});

	it('the hand-built encoding matches signTx when the tip is valid', () => {
		expect(handSignedTx(GWEI)).toBe(tx());
	});

	it('a replayed transaction (nonce too low) is invalid', () => {
		const state = world();
		const raw = tx();
		expect(executeTx(state, raw).status).toBe('ok');
		const root = state.stateRoot();
		expect(executeTx(state, raw)).toMatchObject({ status: 'invalid', error: 'nonce too low: 0 < 1', sender: alice, stateRoot: root });
	});

	it('spending everything except the worst-case fee is allowed', () => {
		const state = world();
		const outcome = executeTx(state, tx({ value: 100n * E18 - TRANSFER_GAS * 2n * GWEI }));
		expect(outcome.status).toBe('ok');
		// Charged at the effective price (base + tip = 2 gwei here), so nothing is left.
		expect(state.balanceOf(alice)).toBe(0n);
	});
});

describe('executeTx: transfers', () => {
	it.each([
		['to an existing account', bob, E18],
		['to a new account', STRANGER, E18],
		['of zero value', bob, 0n],
		['to the fee vault', FEE_VAULT_ADDRESS, 5n]
	])('%s moves the value and charges the fee', (_name, to, value) => {
		const state = world();
		const before = state.clone();
		const outcome = executeTx(state, tx({ to, value }));
		const fee = TRANSFER_GAS * 2n * GWEI;
		expect(outcome).toMatchObject({ status: 'ok', sender: alice, gasUsed: TRANSFER_GAS, fee, stateRoot: state.stateRoot() });
		expect(outcome.error).toBeUndefined();
		expect(state.get(alice)).toEqual({ balance: 100n * E18 - value - fee, usd: 1_000n * E18, nonce: 1 });
		expect(state.balanceOf(to)).toBe(before.balanceOf(to) + value + (to === FEE_VAULT_ADDRESS ? fee : 0n));
		expect(state.balanceOf(FEE_VAULT_ADDRESS)).toBe(fee + (to === FEE_VAULT_ADDRESS ? value : 0n));
		expectConserved(before, state);
	});

	it('to oneself only costs the fee', () => {
		const state = world();
		executeTx(state, tx({ to: alice }));
		expect(state.balanceOf(alice)).toBe(100n * E18 - TRANSFER_GAS * 2n * GWEI);
	});

	it('calldata sent to a plain account is ignored, as on Ethereum', () => {
		const state = world();
		expect(executeTx(state, tx({ data: '0xdeadbeef' })).status).toBe('ok');
		expect(state.balanceOf(bob)).toBe(101n * E18);
	});

	it.each([
		// [maxFeePerGas, maxPriorityFeePerGas, price per gas]
		[2n * GWEI, GWEI, 2n * GWEI],
		[3n * GWEI, GWEI, 2n * GWEI],
		[1_500_000_000n, GWEI, 1_500_000_000n],
		[GWEI, 0n, GWEI],
		[5n * GWEI, 0n, GWEI]
	])('max fee %s, tip %s: pays %s per gas', (maxFeePerGas, maxPriorityFeePerGas, price) => {
		expect(effectiveGasPrice(maxFeePerGas, maxPriorityFeePerGas)).toBe(price);
		const state = world();
		expect(executeTx(state, tx({ maxFeePerGas, maxPriorityFeePerGas })).fee).toBe(TRANSFER_GAS * price);
		expect(state.balanceOf(FEE_VAULT_ADDRESS)).toBe(TRANSFER_GAS * price);
	});
});

describe('executeTx: swaps', () => {
	it.each([
		['METIS for USD', true, 10n * E18],
		['USD for METIS', false, 500n * E18],
		['a tiny amount of METIS', true, 1000n]
	])('%s', (_name, metisIn, amountIn) => {
		const state = world();
		const before = state.clone();
		const pool = before.get(DEX_ADDRESS);
		const amountOut = metisIn ? getAmountOut(amountIn, pool.balance, pool.usd) : getAmountOut(amountIn, pool.usd, pool.balance);
		const outcome = executeTx(state, swapTx(metisIn, amountIn, amountOut));
		const fee = SWAP_GAS * 2n * GWEI;
		expect(outcome).toMatchObject({ status: 'ok', gasUsed: SWAP_GAS, fee });
		const after = state.get(DEX_ADDRESS);
		if (metisIn) {
			expect(after).toEqual({ balance: pool.balance + amountIn, usd: pool.usd - amountOut, nonce: 0 });
			expect(state.get(alice)).toEqual({ balance: 100n * E18 - amountIn - fee, usd: 1_000n * E18 + amountOut, nonce: 1 });
		} else {
			expect(after).toEqual({ balance: pool.balance - amountOut, usd: pool.usd + amountIn, nonce: 0 });
			expect(state.get(alice)).toEqual({ balance: 100n * E18 + amountOut - fee, usd: 1_000n * E18 - amountIn, nonce: 1 });
		}
		expect(after.balance * after.usd).toBeGreaterThanOrEqual(pool.balance * pool.usd);
		expectConserved(before, state);
	});

	it.each<[string, () => Hex, RegExp, { pool?: boolean }]>([
		['output below minOut (slippage)', () => swapTx(true, 10n * E18, 500n * E18), /slippage/, {}],
		['selling more USD than held', () => swapTx(false, 1_001n * E18), /insufficient USD/, {}],
		['value different from amountIn', () => swapTx(true, E18, 0n, { value: E18 - 1n }), /value must equal amountIn/, {}],
		['value sent while selling USD', () => swapTx(false, E18, 0n, { value: 1n }), /value must be 0/, {}],
		['a zero input', () => swapTx(true, 0n), /zero input/, {}],
		['an output that rounds to zero', () => swapTx(false, 1n), /zero output/, {}],
		['an empty pool', () => swapTx(true, E18), /no liquidity/, { pool: false }],
		['unknown calldata', () => tx({ to: DEX_ADDRESS, data: '0xdeadbeef', gas: SWAP_GAS }), /unknown DEX call/, {}],
		['a plain transfer to the DEX', () => tx({ to: DEX_ADDRESS, gas: SWAP_GAS }), /unknown DEX call/, {}]
	])('reverts on %s: fee and nonce charged, nothing else moves', (_name, make, error, options) => {
		const state = world(options);
		const before = state.clone();
		const outcome = executeTx(state, make());
		const fee = SWAP_GAS * 2n * GWEI;
		expect(outcome).toMatchObject({ status: 'reverted', sender: alice, gasUsed: SWAP_GAS, fee, stateRoot: state.stateRoot() });
		expect(outcome.error).toMatch(error);
		expect(state.get(alice)).toEqual({ ...before.get(alice), balance: before.balanceOf(alice) - fee, nonce: 1 });
		expect(state.get(DEX_ADDRESS)).toEqual(before.get(DEX_ADDRESS));
		expect(state.balanceOf(FEE_VAULT_ADDRESS)).toBe(fee);
		expectConserved(before, state);
	});
});

describe('executeBatch', () => {
	const batch = () => [tx(), swapTx(true, E18, 0n, { nonce: 1 }), tx({ to: carol, value: 2n * E18 }, keys[1]), swapTx(true, E18, 10n ** 30n, { nonce: 2 })];

	it('runs every transaction in order and records the root after each', () => {
		const state = world();
		const result = executeBatch(state, batch());
		expect(result.ok).toBe(true);
		expect(result.firstInvalid).toBeNull();
		expect(result.outcomes.map((o) => o.status)).toEqual(['ok', 'ok', 'ok', 'reverted']);
		expect(result.txStateRoots).toEqual(result.outcomes.map((o) => o.stateRoot));
		expect(new Set(result.txStateRoots).size).toBe(4);
		expect(result.stateRoot).toBe(result.txStateRoots[3]);
		expect(state.stateRoot()).toBe(result.stateRoot);
	});

	it('is deterministic: the same transactions give the same roots', () => {
		const txs = batch();
		const a = executeBatch(world(), txs);
		const b = executeBatch(world(), txs);
		expect(b).toEqual(a);
	});

	it('matches executing the transactions one at a time', () => {
		const txs = batch();
		const state = world();
		const roots = txs.map((raw) => executeTx(state, raw).stateRoot);
		expect(executeBatch(world(), txs).txStateRoots).toEqual(roots);
	});

	it.each([
		['first', 0],
		['middle', 2],
		['last', 3]
	])('stops at an invalid %s transaction', (_name, at) => {
		const txs = batch();
		txs.splice(at, 0, tx({ nonce: 9 }, keys[1]));
		const state = world();
		const result = executeBatch(state, txs);
		expect(result).toMatchObject({ ok: false, firstInvalid: at });
		expect(result.outcomes).toHaveLength(at + 1);
		expect(result.outcomes[at].status).toBe('invalid');
		expect(result.txStateRoots).toHaveLength(at + 1);
		expect(result.stateRoot).toBe(at === 0 ? world().stateRoot() : result.txStateRoots[at - 1]);
		expect(state.stateRoot()).toBe(result.stateRoot);
	});

	it('an empty batch keeps the root', () => {
		const state = world();
		expect(executeBatch(state, [])).toEqual({ ok: true, outcomes: [], txStateRoots: [], stateRoot: state.stateRoot(), firstInvalid: null });
	});

	it('leaves a clone taken before it untouched', () => {
		const state = world();
		const checkpoint = state.clone();
		const root = checkpoint.stateRoot();
		executeBatch(state, batch());
		expect(checkpoint.stateRoot()).toBe(root);
		expect(executeBatch(checkpoint, batch()).stateRoot).toBe(state.stateRoot());
	});
});

describe('executeTx without a root', () => {
	it('defers the root but leaves the same state', () => {
		const txs = [tx(), tx({ nonce: 1, value: 2n * E18 }), swapTx(true, E18, 0n, { nonce: 2 })];
		const eager = world();
		const lazy = world();
		const eagerRoots = txs.map((raw) => executeTx(eager, raw).stateRoot);
		const lazyRoots = txs.map((raw) => executeTx(lazy, raw, { withRoot: false }).stateRoot);
		expect(lazyRoots).toEqual(['0x', '0x', '0x']);
		expect(lazy.stateRoot()).toBe(eagerRoots[2]);
	});
});
