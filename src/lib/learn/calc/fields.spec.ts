import { describe, expect, it } from 'vitest';
import { plainDecimal, readField, readFields, type FieldSpec } from './fields';

const stake: FieldSpec = { decimals: 0, min: 20_000n, max: 100_000n };
const percent: FieldSpec = { decimals: 2, min: 0n, max: 10_000n };
const gwei: FieldSpec = { decimals: 9, min: 0n, max: 10_000n * 10n ** 9n };

describe('readField', () => {
	it.each([
		['20000', stake, 20_000n],
		['20,000', stake, 20_000n],
		[' 100000 ', stake, 100_000n],
		['2e4', stake, 20_000n],
		['2.5E4', stake, 25_000n],
		['10', percent, 1000n],
		['12.34', percent, 1234n],
		['.5', percent, 50n],
		['5.', percent, 500n],
		['0', percent, 0n],
		['-0', percent, 0n],
		['0.000000001', gwei, 1n],
		['1e-9', gwei, 1n],
		['10000', gwei, 10_000n * 10n ** 9n]
	])('reads %j', (text, spec, value) => expect(readField(text, spec)).toEqual({ ok: true, value }));

	it.each([
		['', stake, { kind: 'empty' }],
		['   ', stake, { kind: 'empty' }],
		['abc', stake, { kind: 'not-a-number' }],
		['1,5', stake, { kind: 'not-a-number' }],
		['20 000', stake, { kind: 'not-a-number' }],
		['.', stake, { kind: 'not-a-number' }],
		['e5', stake, { kind: 'not-a-number' }],
		['NaN', stake, { kind: 'not-a-number' }],
		['Infinity', stake, { kind: 'not-a-number' }],
		['0x10', stake, { kind: 'not-a-number' }],
		['+5', stake, { kind: 'not-a-number' }],
		['-5', stake, { kind: 'negative' }],
		['-1e300', stake, { kind: 'negative' }],
		['19999', stake, { kind: 'below', min: '20,000' }],
		['100001', stake, { kind: 'above', max: '100,000' }],
		['1e300', stake, { kind: 'above', max: '100,000' }],
		['9'.repeat(400), stake, { kind: 'above', max: '100,000' }],
		['20000.5', stake, { kind: 'too-precise', decimals: 0 }],
		['1.234', percent, { kind: 'too-precise', decimals: 2 }],
		['1e-300', percent, { kind: 'too-precise', decimals: 2 }],
		['0.0000000001', gwei, { kind: 'too-precise', decimals: 9 }]
	])('refuses %j', (text, spec, problem) => expect(readField(text, spec)).toEqual({ ok: false, problem }));
});

describe('plainDecimal', () => {
	it.each([
		[0n, 0, '0'],
		[20_000n, 0, '20,000'],
		[2_000_050n, 2, '20,000.5'],
		[5n, 2, '0.05'],
		[-1234567n, 3, '-1,234.567'],
		[10n ** 9n, 9, '1']
	])('%s with %s decimals is %s', (value, decimals, text) => expect(plainDecimal(value, decimals)).toBe(text));
});

describe('readFields', () => {
	it('gives the values when every field is good', () => {
		expect(readFields({ stake: '30000', share: '10' }, { stake, share: percent })).toEqual({ values: { stake: 30_000n, share: 1000n }, problems: {} });
	});

	it('names every bad field and gives no values', () => {
		expect(readFields({ stake: '5', share: 'x' }, { stake, share: percent })).toEqual({ values: null, problems: { stake: { kind: 'below', min: '20,000' }, share: { kind: 'not-a-number' } } });
	});
});
