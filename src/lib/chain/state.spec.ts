import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { concat, encodeAbiParameters, keccak256, type Hex } from 'viem';
import { L2State, type Account, type AccountEntry } from './state';

const ZERO: Hex = `0x${'00'.repeat(32)}`;
const addr = (n: number): Hex => `0x${n.toString(16).padStart(40, '0')}`;

/** From-scratch reference: abi.encode leaves, zero-hash padding to a power of two, keccak(left ‖ right) nodes. */
function referenceRoot(accounts: AccountEntry[]): Hex {
	if (accounts.length === 0) return ZERO;
	let nodes: Hex[] = accounts.map(({ address, balance, usd, nonce }) =>
		keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }, { type: 'uint256' }, { type: 'uint256' }], [address, balance, usd, BigInt(nonce)]))
	);
	let capacity = 1;
	while (capacity < nodes.length) capacity *= 2;
	nodes = [...nodes, ...Array<Hex>(capacity - nodes.length).fill(ZERO)];
	while (nodes.length > 1) nodes = Array.from({ length: nodes.length / 2 }, (_, i) => keccak256(concat([nodes[2 * i], nodes[2 * i + 1]])));
	return nodes[0];
}

const genesis = (n: number) => L2State.genesis(Array.from({ length: n }, (_, i) => ({ address: addr(i + 1), balance: BigInt(i + 1) * 10n ** 18n, usd: BigInt(i) })));

describe('genesis', () => {
	it.each([0, 1, 2, 3, 4, 5, 8, 9, 17, 64, 257])('root of %i accounts matches a from-scratch tree', (n) => {
		const state = genesis(n);
		expect(state.size).toBe(n);
		expect(state.stateRoot()).toBe(referenceRoot(state.accounts()));
	});

	it('the empty state root is the zero hash', () => {
		expect(L2State.empty().stateRoot()).toBe(ZERO);
	});

	it('one account: the root is its leaf', () => {
		const state = L2State.genesis([{ address: addr(1), balance: 5n, usd: 6n }]);
		const leaf = keccak256(`0x${'00'.repeat(12)}${addr(1).slice(2)}${(5n).toString(16).padStart(64, '0')}${(6n).toString(16).padStart(64, '0')}${'00'.repeat(32)}`);
		expect(state.stateRoot()).toBe(leaf);
	});

	it('is deterministic', () => {
		expect(genesis(33).stateRoot()).toBe(genesis(33).stateRoot());
		expect(genesis(33).stateRoot()).toMatch(/^0x[0-9a-f]{64}$/);
	});

	it('an empty genesis account still gets its slot', () => {
		const state = L2State.genesis([{ address: addr(1), balance: 0n, usd: 0n }, { address: addr(2), balance: 1n, usd: 0n }]);
		expect(state.size).toBe(2);
		expect(state.has(addr(1))).toBe(true);
		expect(state.stateRoot()).toBe(referenceRoot(state.accounts()));
	});

	it('order of accounts matters', () => {
		const a = { address: addr(1), balance: 1n, usd: 0n };
		const b = { address: addr(2), balance: 2n, usd: 0n };
		expect(L2State.genesis([a, b]).stateRoot()).not.toBe(L2State.genesis([b, a]).stateRoot());
	});

	it('addresses are case-insensitive and stored lowercase', () => {
		const state = L2State.genesis([{ address: '0x00000000000000000000000000000000000000AB', balance: 7n, usd: 0n }]);
		expect(state.balanceOf('0x00000000000000000000000000000000000000ab')).toBe(7n);
		expect(state.accounts()[0].address).toBe('0x00000000000000000000000000000000000000ab');
	});

	it.each([
		['a duplicate address', [{ address: addr(1), balance: 1n, usd: 0n }, { address: addr(1).toUpperCase().replace('0X', '0x') as Hex, balance: 1n, usd: 0n }]],
		['a negative balance', [{ address: addr(1), balance: -1n, usd: 0n }]],
		['a negative usd', [{ address: addr(1), balance: 0n, usd: -1n }]],
		['a balance above uint256', [{ address: addr(1), balance: 1n << 256n, usd: 0n }]],
		['a short address', [{ address: '0x1234' as Hex, balance: 1n, usd: 0n }]]
	])('rejects %s', (_name, accounts) => {
		expect(() => L2State.genesis(accounts)).toThrow();
	});
});

describe('accounts', () => {
	it('an unknown account reads as zero and is not created by reading', () => {
		const state = genesis(2);
		expect(state.get(addr(99))).toEqual({ balance: 0n, usd: 0n, nonce: 0 });
		expect([state.balanceOf(addr(99)), state.usdOf(addr(99)), state.nonceOf(addr(99)), state.has(addr(99))]).toEqual([0n, 0n, 0, false]);
		expect(state.size).toBe(2);
	});

	it('writing an empty account to an unknown address creates no slot', () => {
		const state = genesis(2);
		const root = state.stateRoot();
		state.set(addr(99), { balance: 0n, usd: 0n, nonce: 0 });
		state.addBalance(addr(98), 0n);
		expect(state.size).toBe(2);
		expect(state.stateRoot()).toBe(root);
	});

	it('a new account takes the next slot and stays there', () => {
		const state = genesis(3);
		state.addBalance(addr(50), 9n);
		state.addBalance(addr(40), 1n);
		state.addBalance(addr(50), -9n);
		expect(state.accounts().map((a) => a.address)).toEqual([addr(1), addr(2), addr(3), addr(50), addr(40)]);
		expect(state.stateRoot()).toBe(referenceRoot(state.accounts()));
	});

	it('get returns a copy', () => {
		const state = genesis(1);
		const account = state.get(addr(1));
		account.balance = 0n;
		expect(state.balanceOf(addr(1))).toBe(10n ** 18n);
	});

	it.each<[string, (s: L2State) => void]>([
		['balance below zero', (s) => s.addBalance(addr(1), -(10n ** 18n) - 1n)],
		['usd below zero', (s) => s.addUsd(addr(1), -1n)],
		['a fractional nonce', (s) => s.update(addr(1), { nonce: 0.5 })],
		['a negative nonce', (s) => s.update(addr(1), { nonce: -1 })]
	])('throws on %s and leaves the state untouched', (_name, write) => {
		const state = genesis(2);
		const root = state.stateRoot();
		expect(() => write(state)).toThrow(RangeError);
		expect(state.stateRoot()).toBe(root);
		expect(state.get(addr(1))).toEqual({ balance: 10n ** 18n, usd: 0n, nonce: 0 });
	});

	it.each<[string, Partial<Account>]>([
		['balance', { balance: 10n ** 18n + 1n }],
		['usd', { usd: 1n }],
		['nonce', { nonce: 1 }]
	])('the root changes when %s changes, and changes back', (_field, change) => {
		const state = genesis(5);
		const before = state.stateRoot();
		const original = state.get(addr(1));
		state.update(addr(1), change);
		expect(state.stateRoot()).not.toBe(before);
		expect(state.stateRoot()).toBe(referenceRoot(state.accounts()));
		state.set(addr(1), original);
		expect(state.stateRoot()).toBe(before);
	});

	it('the root depends on which account holds a value', () => {
		const a = genesis(4);
		const b = genesis(4);
		a.addBalance(addr(1), 1n);
		b.addBalance(addr(2), 1n);
		expect(a.stateRoot()).not.toBe(b.stateRoot());
	});
});

describe('totals', () => {
	it('track every write', () => {
		const state = genesis(4);
		expect(state.totalMetis()).toBe(10n * 10n ** 18n);
		expect(state.totalUsd()).toBe(6n);
		state.addBalance(addr(1), -5n);
		state.addBalance(addr(9), 5n);
		state.addUsd(addr(2), 4n);
		expect(state.totalMetis()).toBe(10n * 10n ** 18n);
		expect(state.totalUsd()).toBe(10n);
	});
});

describe('clone', () => {
	it('is independent in both directions', () => {
		const original = genesis(4);
		const rootBefore = original.stateRoot();
		const copy = original.clone();
		copy.addBalance(addr(1), 1n);
		copy.addBalance(addr(77), 3n);
		expect(original.stateRoot()).toBe(rootBefore);
		expect(original.size).toBe(4);
		expect(original.balanceOf(addr(1))).toBe(10n ** 18n);
		original.addUsd(addr(2), 8n);
		expect(copy.usdOf(addr(2))).toBe(1n);
		expect(copy.stateRoot()).toBe(referenceRoot(copy.accounts()));
		expect(original.stateRoot()).toBe(referenceRoot(original.accounts()));
		expect(copy.totalMetis()).toBe(original.totalMetis() + 4n);
	});

	it('clones of clones stay independent', () => {
		const a = genesis(3);
		const b = a.clone();
		const c = b.clone();
		const d = a.clone();
		b.addBalance(addr(1), 1n);
		c.addBalance(addr(1), 2n);
		d.addBalance(addr(1), 3n);
		expect([a, b, c, d].map((s) => s.balanceOf(addr(1)) - 10n ** 18n)).toEqual([0n, 1n, 2n, 3n]);
		for (const s of [a, b, c, d]) expect(s.stateRoot()).toBe(referenceRoot(s.accounts()));
	});

	it('a clone taken with pending writes has the same root', () => {
		const a = genesis(3);
		a.addBalance(addr(2), 1n);
		a.addBalance(addr(8), 1n);
		const b = a.clone();
		expect(b.stateRoot()).toBe(a.stateRoot());
		expect(b.stateRoot()).toBe(referenceRoot(a.accounts()));
	});
});

// One random write: pick an account (existing or new), then a field and a value.
const write = fc.record({
	account: fc.integer({ min: 1, max: 40 }),
	field: fc.constantFrom<'balance' | 'usd' | 'nonce'>('balance', 'usd', 'nonce'),
	value: fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }),
	rootNow: fc.boolean(),
	cloneNow: fc.boolean()
});

describe('incremental root (property)', () => {
	it('equals a from-scratch recomputation after any sequence of writes and clones', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 9 }), fc.array(write, { maxLength: 60 }), (n, writes) => {
				let state = genesis(n);
				const others: L2State[] = [];
				for (const { account, field, value, rootNow, cloneNow } of writes) {
					const change = field === 'nonce' ? { nonce: Number(value % 1000n) } : { [field]: value };
					state.update(addr(account), change);
					if (rootNow) expect(state.stateRoot()).toBe(referenceRoot(state.accounts()));
					if (cloneNow) {
						others.push(state);
						state = state.clone();
					}
				}
				expect(state.stateRoot()).toBe(referenceRoot(state.accounts()));
				for (const other of others) expect(other.stateRoot()).toBe(referenceRoot(other.accounts()));
				const sum = state.accounts().reduce((total, a) => total + a.balance, 0n);
				expect(state.totalMetis()).toBe(sum);
			}),
			{ numRuns: 150 }
		);
	});
});
