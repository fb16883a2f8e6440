import type { Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { L1Bank, ONE_METIS } from './bank';

const alice: Hex = '0x1111111111111111111111111111111111111111';
const bob: Hex = '0x2222222222222222222222222222222222222222';
const carol: Hex = '0x3333333333333333333333333333333333333333';

describe('L1Bank', () => {
	it.each([
		{ name: 'a plain transfer', amount: 40n, ok: true, alice: 60n, bob: 40n, error: undefined },
		{ name: 'the whole balance', amount: 100n, ok: true, alice: 0n, bob: 100n, error: undefined },
		{ name: 'a zero transfer', amount: 0n, ok: true, alice: 100n, bob: 0n, error: undefined },
		{ name: 'an overdraft by 1 wei', amount: 101n, ok: false, alice: 100n, bob: 0n, error: /insufficient balance/ },
		{ name: 'a negative amount', amount: -1n, ok: false, alice: 100n, bob: 0n, error: /must not be negative/ }
	])('transfer: $name', ({ amount, ok, alice: aliceAfter, bob: bobAfter, error }) => {
		const bank = L1Bank.genesis([[alice, 100n]]);
		const result = bank.transfer(alice, bob, amount);
		expect(result.ok).toBe(ok);
		if (!result.ok) expect(result.error).toMatch(error!);
		expect(bank.balanceOf(alice)).toBe(aliceAfter);
		expect(bank.balanceOf(bob)).toBe(bobAfter);
		expect(bank.total()).toBe(100n);
	});

	it.each([
		{ name: 'pairs', entries: [[bob, 2n], [alice, 1n]] as [Hex, bigint][] },
		{ name: 'a Map', entries: new Map<Hex, bigint>([[bob, 2n], [alice, 1n]]) },
		{ name: 'a record', entries: { [bob]: 2n, [alice]: 1n } as Record<Hex, bigint> },
	])('genesis from $name sorts entries by address and sums them', ({ entries }) => {
		const bank = L1Bank.genesis(entries);
		expect(bank.entries()).toEqual([
			[alice, 1n],
			[bob, 2n]
		]);
		expect(bank.total()).toBe(3n);
	});

	it.each([
		{ name: 'credit', act: (b: L1Bank) => b.credit(carol, 5n * ONE_METIS), carol: 5n * ONE_METIS, ok: true },
		{ name: 'debit within balance', act: (b: L1Bank) => b.debit(alice, 1n).ok, carol: 0n, ok: true },
		{ name: 'debit beyond balance', act: (b: L1Bank) => b.debit(carol, 1n).ok, carol: 0n, ok: false }
	])('$name', ({ act, carol: carolAfter, ok }) => {
		const bank = L1Bank.genesis([[alice, 10n]]);
		const result = act(bank);
		if (typeof result === 'boolean') expect(result).toBe(ok);
		expect(bank.balanceOf(carol)).toBe(carolAfter);
	});

	it('treats addresses case-insensitively and stores them lowercase', () => {
		const bank = L1Bank.genesis([['0xABCDEF0000000000000000000000000000000001' as Hex, 7n]]);
		expect(bank.balanceOf('0xabcdef0000000000000000000000000000000001')).toBe(7n);
		expect(bank.entries()).toEqual([['0xabcdef0000000000000000000000000000000001', 7n]]);
	});

	it('drops zero balances from entries', () => {
		const bank = L1Bank.genesis([[alice, 10n]]);
		bank.transfer(alice, bob, 10n);
		expect(bank.entries()).toEqual([[bob, 10n]]);
	});

	it('clone is independent of the original', () => {
		const bank = L1Bank.genesis([[alice, 10n]]);
		const copy = bank.clone();
		bank.transfer(alice, bob, 4n);
		expect(copy.balanceOf(alice)).toBe(10n);
		expect(copy.balanceOf(bob)).toBe(0n);
		expect(bank.balanceOf(alice)).toBe(6n);
	});

	it('genesis refuses a negative opening balance', () => {
		expect(() => L1Bank.genesis([[alice, -1n]])).toThrow(/negative/);
	});
});
