import type { Hex } from 'viem';
import { done, refuse, type Result } from './result';

/** One METIS in wei (18 decimals). */
export const ONE_METIS = 10n ** 18n;

/** L1 balances of METIS by address; the ERC-20 ledger the staking contract moves tokens through. */
export class L1Bank {
	/** Nonzero balances by lowercase address; zero balances are deleted so entries() stays short. */
	private balances: Map<Hex, bigint>;

	private constructor(balances: Map<Hex, bigint>) {
		this.balances = balances;
	}

	/** A bank holding the given opening balances (a Map, [address, amount] pairs or a record). */
	static genesis(entries: Iterable<readonly [Hex, bigint]> | Record<Hex, bigint> = []): L1Bank {
		const bank = new L1Bank(new Map());
		const pairs = Symbol.iterator in entries ? entries : (Object.entries(entries) as [Hex, bigint][]);
		for (const [address, amount] of pairs) {
			if (amount < 0n) throw new Error(`L1Bank.genesis: negative balance for ${address}`);
			bank.credit(address, amount);
		}
		return bank;
	}

	/** Balance of `address` in wei (0 for an unknown address). */
	balanceOf(address: Hex): bigint {
		return this.balances.get(normalize(address)) ?? 0n;
	}

	/** Moves `amount` from `from` to `to`; refused for a negative amount or an overdraft. */
	transfer(from: Hex, to: Hex, amount: bigint): Result<void> {
		const debited = this.debit(from, amount);
		if (!debited.ok) return debited;
		this.credit(to, amount);
		return done();
	}

	/** Adds `amount` to `address`; for contracts paying out of their own buckets. */
	credit(address: Hex, amount: bigint): void {
		if (amount < 0n) throw new Error(`L1Bank.credit: negative amount ${amount}`);
		if (amount === 0n) return;
		const key = normalize(address);
		this.balances.set(key, (this.balances.get(key) ?? 0n) + amount);
	}

	/** Takes `amount` from `address`; refused (nothing changes) for a negative amount or an overdraft. */
	debit(address: Hex, amount: bigint): Result<void> {
		if (amount < 0n) return refuse(`transfer amount must not be negative (got ${amount})`);
		const key = normalize(address);
		const balance = this.balances.get(key) ?? 0n;
		if (balance < amount) return refuse(`insufficient balance: ${key} holds ${balance} wei, needs ${amount}`);
		const rest = balance - amount;
		if (rest === 0n) this.balances.delete(key);
		else this.balances.set(key, rest);
		return done();
	}

	/** Sum of all balances. */
	total(): bigint {
		let sum = 0n;
		for (const amount of this.balances.values()) sum += amount;
		return sum;
	}

	/** Nonzero balances as [address, amount] pairs sorted by address, so exports are stable. */
	entries(): [Hex, bigint][] {
		return [...this.balances.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	}

	/** An independent copy for a checkpoint. */
	clone(): L1Bank {
		return new L1Bank(new Map(this.balances));
	}
}

function normalize(address: Hex): Hex {
	return address.toLowerCase() as Hex;
}
