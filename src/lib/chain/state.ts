import type { Hex } from 'viem';
import { fromHex, keccak, toHex } from './hex';

/*
 * State root: a binary keccak256 Merkle tree over every account, updated incrementally.
 *
 *   leaf(account) = keccak256(abi.encode(address, uint256 balance, uint256 usd, uint256 nonce))
 *                 = keccak256 of 128 bytes: 12 zero bytes ‖ 20-byte address ‖ balance ‖ usd ‖ nonce,
 *                   each number a 32-byte big-endian word.
 *   slots         : accounts take leaf slots 0, 1, 2, … in order of first appearance: every genesis
 *                   account in list order (even an empty one), then each first write that leaves an
 *                   unknown account non-empty. A slot is never freed.
 *   capacity      : the smallest power of two ≥ max(1, accounts); it doubles when full.
 *   padding       : an empty slot holds the zero hash, 32 zero bytes.
 *   node          : keccak256(left ‖ right), 64 bytes in.
 *   root          : the top node; with capacity 1 it is the only leaf itself, with no accounts the zero hash.
 *
 * Each level is one Uint8Array (32 bytes a node) so two siblings are one contiguous 64-byte slice.
 * Writes only mark leaves dirty; stateRoot() rehashes the dirty paths, sharing common ancestors, so
 * changing k accounts costs at most k·(1 + log2 capacity) keccaks.
 */

/** One L2 account. */
export interface Account {
	/** Native METIS, in wei (18 decimals). */
	balance: bigint;
	/** The toy second token USD, in its smallest unit (18 decimals). */
	usd: bigint;
	/** Number of transactions this account has had executed (the next valid tx nonce). */
	nonce: number;
}

/** An account funded at genesis. */
export interface GenesisAccount {
	/** Account address (any case; stored lowercase). */
	address: Hex;
	/** Initial METIS, in wei. */
	balance: bigint;
	/** Initial USD. */
	usd: bigint;
}

/** An account with its address, as listed by `L2State.accounts()`. */
export interface AccountEntry extends Account {
	/** Lowercase account address. */
	address: Hex;
}

const MAX_UINT256 = (1n << 256n) - 1n;
const ADDRESS = /^0x[0-9a-f]{40}$/;
const ZERO_HASHES: Uint8Array[] = [new Uint8Array(32)];

/** Root of an all-empty subtree of the given height (0 = an empty leaf). */
function zeroHash(height: number): Uint8Array {
	for (let h = ZERO_HASHES.length; h <= height; h++) {
		const pair = new Uint8Array(64);
		pair.set(ZERO_HASHES[h - 1], 0);
		pair.set(ZERO_HASHES[h - 1], 32);
		ZERO_HASHES.push(keccak(pair));
	}
	return ZERO_HASHES[height];
}

const LEAF_INPUT = new Uint8Array(128);
const LEAF_VIEW = new DataView(LEAF_INPUT.buffer);

function writeWord(offset: number, value: bigint): void {
	let rest = value;
	for (let at = offset + 24; at >= offset; at -= 8) {
		LEAF_VIEW.setBigUint64(at, BigInt.asUintN(64, rest));
		rest >>= 64n;
	}
}

/** keccak256(abi.encode(address, balance, usd, nonce)): the Merkle leaf of one account. */
export function accountLeaf(address: Hex, account: Account): Uint8Array {
	LEAF_INPUT.fill(0, 0, 12);
	LEAF_INPUT.set(fromHex(address), 12);
	writeWord(32, account.balance);
	writeWord(64, account.usd);
	writeWord(96, BigInt(account.nonce));
	return keccak(LEAF_INPUT);
}

/** Everything a state owns; shared between clones until one of them writes (copy-on-write). */
interface Store {
	/** How many L2State objects share this store. */
	refs: number;
	/** Lowercase address → slot. */
	slots: Map<string, number>;
	/** Slot → lowercase address. */
	addresses: Hex[];
	/** Slot → METIS balance. */
	balances: bigint[];
	/** Slot → USD balance. */
	usd: bigint[];
	/** Slot → nonce. */
	nonces: number[];
	/** levels[0] holds the leaves, levels[levels.length - 1] the root; 32 bytes a node. */
	levels: Uint8Array[];
	/** Slots written since the tree was last rehashed. */
	dirty: Set<number>;
	/** Cached hex of the root; null when stale. */
	root: Hex | null;
	/** Sum of all balances, kept as writes happen. */
	totalMetis: bigint;
	/** Sum of all USD balances, kept as writes happen. */
	totalUsd: bigint;
}

function copyStore(s: Store): Store {
	return {
		refs: 1,
		slots: new Map(s.slots),
		addresses: s.addresses.slice(),
		balances: s.balances.slice(),
		usd: s.usd.slice(),
		nonces: s.nonces.slice(),
		levels: s.levels.map((level) => level.slice()),
		dirty: new Set(s.dirty),
		root: s.root,
		totalMetis: s.totalMetis,
		totalUsd: s.totalUsd
	};
}

function checkAccount(account: Account): void {
	const { balance, usd, nonce } = account;
	if (balance < 0n || balance > MAX_UINT256) throw new RangeError(`L2State: balance out of range: ${balance}`);
	if (usd < 0n || usd > MAX_UINT256) throw new RangeError(`L2State: usd out of range: ${usd}`);
	if (!Number.isSafeInteger(nonce) || nonce < 0) throw new RangeError(`L2State: invalid nonce ${nonce}`);
}

/** The whole L2 state (accounts, the DEX pool and the fee vault) with an incrementally kept Merkle root. */
export class L2State {
	private store: Store;

	private constructor(store: Store) {
		this.store = store;
	}

	/** An empty state (root = the zero hash). */
	static empty(): L2State {
		return new L2State({
			refs: 1,
			slots: new Map(),
			addresses: [],
			balances: [],
			usd: [],
			nonces: [],
			levels: [new Uint8Array(32)],
			dirty: new Set(),
			root: null,
			totalMetis: 0n,
			totalUsd: 0n
		});
	}

	/** The state at genesis: every listed account gets a slot, in order, even if empty; duplicates throw. */
	static genesis(accounts: GenesisAccount[]): L2State {
		const state = L2State.empty();
		for (const { address, balance, usd } of accounts) {
			if (state.has(address)) throw new Error(`L2State.genesis: duplicate account ${address}`);
			state.write(address, { balance, usd, nonce: 0 }, true);
		}
		return state;
	}

	/** Number of accounts (leaf slots in use). */
	get size(): number {
		return this.store.addresses.length;
	}

	/** Whether the account has a slot (listed at genesis or ever non-empty). */
	has(address: Hex): boolean {
		return this.store.slots.has(address.toLowerCase());
	}

	/** A copy of the account; all zeros when it does not exist. */
	get(address: Hex): Account {
		const s = this.store;
		const slot = s.slots.get(address.toLowerCase());
		if (slot === undefined) return { balance: 0n, usd: 0n, nonce: 0 };
		return { balance: s.balances[slot], usd: s.usd[slot], nonce: s.nonces[slot] };
	}

	/** METIS balance in wei (0 for an unknown account). */
	balanceOf(address: Hex): bigint {
		const slot = this.store.slots.get(address.toLowerCase());
		return slot === undefined ? 0n : this.store.balances[slot];
	}

	/** USD balance (0 for an unknown account). */
	usdOf(address: Hex): bigint {
		const slot = this.store.slots.get(address.toLowerCase());
		return slot === undefined ? 0n : this.store.usd[slot];
	}

	/** Next valid tx nonce (0 for an unknown account). */
	nonceOf(address: Hex): number {
		const slot = this.store.slots.get(address.toLowerCase());
		return slot === undefined ? 0 : this.store.nonces[slot];
	}

	/** Every account in slot order (the leaf order of the state root). */
	accounts(): AccountEntry[] {
		const s = this.store;
		return s.addresses.map((address, slot) => ({ address, balance: s.balances[slot], usd: s.usd[slot], nonce: s.nonces[slot] }));
	}

	/** Replaces an account; an unknown account gets the next slot unless it stays empty. Throws on negative amounts. */
	set(address: Hex, account: Account): void {
		this.write(address, account, false);
	}

	/** Changes some fields of an account. */
	update(address: Hex, change: Partial<Account>): void {
		this.set(address, { ...this.get(address), ...change });
	}

	/** Adds (or, negative, removes) METIS; throws rather than go below zero. */
	addBalance(address: Hex, delta: bigint): void {
		const account = this.get(address);
		this.set(address, { ...account, balance: account.balance + delta });
	}

	/** Adds (or, negative, removes) USD; throws rather than go below zero. */
	addUsd(address: Hex, delta: bigint): void {
		const account = this.get(address);
		this.set(address, { ...account, usd: account.usd + delta });
	}

	/** A state that evolves independently: O(1) now, one O(accounts) copy on the first write of either side. */
	clone(): L2State {
		this.flush();
		this.store.refs++;
		return new L2State(this.store);
	}

	/** Merkle root over every account (see the encoding at the top of this file). */
	stateRoot(): Hex {
		this.flush();
		const s = this.store;
		s.root ??= toHex(s.levels[s.levels.length - 1]);
		return s.root;
	}

	/** Sum of every METIS balance, including the DEX reserve and the fee vault. */
	totalMetis(): bigint {
		return this.store.totalMetis;
	}

	/** Sum of every USD balance, including the DEX reserve. */
	totalUsd(): bigint {
		return this.store.totalUsd;
	}

	private write(address: Hex, account: Account, create: boolean): void {
		checkAccount(account);
		const key = address.toLowerCase();
		let slot = this.store.slots.get(key);
		if (slot === undefined) {
			if (!create && account.balance === 0n && account.usd === 0n && account.nonce === 0) return;
		} else {
			const s = this.store;
			// An unchanged account keeps its leaf: no copy, no rehash (zero-value transfers are common).
			if (s.balances[slot] === account.balance && s.usd[slot] === account.usd && s.nonces[slot] === account.nonce) return;
		}
		const s = this.own();
		if (slot === undefined) slot = this.addSlot(key);
		s.totalMetis += account.balance - s.balances[slot];
		s.totalUsd += account.usd - s.usd[slot];
		s.balances[slot] = account.balance;
		s.usd[slot] = account.usd;
		s.nonces[slot] = account.nonce;
		s.dirty.add(slot);
		s.root = null;
	}

	/** The store, copied first if another state shares it. */
	private own(): Store {
		if (this.store.refs > 1) {
			this.store.refs--;
			this.store = copyStore(this.store);
		}
		return this.store;
	}

	private addSlot(key: string): number {
		if (!ADDRESS.test(key)) throw new Error(`L2State: invalid address ${key}`);
		const s = this.store;
		const slot = s.addresses.length;
		if (slot > 0 && slot === s.levels[0].length / 32) this.grow();
		s.slots.set(key, slot);
		s.addresses.push(key as Hex);
		s.balances.push(0n);
		s.usd.push(0n);
		s.nonces.push(0);
		return slot;
	}

	/** Doubles the capacity: old nodes stay on the left, the right half is empty subtrees, plus a new top. */
	private grow(): void {
		const s = this.store;
		const levels = s.levels.map((old, height) => {
			const level = new Uint8Array(old.length * 2);
			level.set(old);
			if (height > 0) for (let at = old.length; at < level.length; at += 32) level.set(zeroHash(height), at);
			return level;
		});
		// The new top is stale until flush(): the slot being added is dirty and its path reaches it.
		levels.push(new Uint8Array(32));
		s.levels = levels;
	}

	private flush(): void {
		const s = this.store;
		if (s.dirty.size === 0) return;
		const leaves = s.levels[0];
		for (const slot of s.dirty) leaves.set(accountLeaf(s.addresses[slot], { balance: s.balances[slot], usd: s.usd[slot], nonce: s.nonces[slot] }), slot * 32);
		let nodes: Iterable<number> = s.dirty;
		for (let height = 0; height + 1 < s.levels.length; height++) {
			const below = s.levels[height];
			const above = s.levels[height + 1];
			const parents = new Set<number>();
			for (const node of nodes) parents.add(node >> 1);
			for (const parent of parents) above.set(keccak(below.subarray(parent * 64, parent * 64 + 64)), parent * 32);
			nodes = parents;
		}
		s.dirty = new Set();
		s.root = null;
	}
}
