import { describe, expect, it } from 'vitest';
import { firstFieldDifference, shorten } from './worldDiff';

const world = {
	params: { txPerSecond: 1, minStake: '20000000000000000000000' },
	sequencers: [{ id: 'seq-0', stake: '30000', blsPublicKey: `0x${'ab'.repeat(48)}` }],
	batches: [{ index: 0, txs: ['0x02f8'], stateRoot: `0x${'11'.repeat(32)}` }],
	slashings: [] as unknown[],
	supply: { final: { total: '100' } }
};

describe('firstFieldDifference', () => {
	it.each([
		['equal values', (x: typeof world) => x, null],
		['another key order', (x: typeof world) => ({ supply: x.supply, slashings: x.slashings, batches: x.batches, sequencers: x.sequencers, params: { minStake: x.params.minStake, txPerSecond: 1 } }), null],
		['a changed number', (x: typeof world) => ({ ...x, params: { ...x.params, txPerSecond: 1e30 } }), { path: 'params.txPerSecond', file: '1e+30', rebuilt: '1' }],
		['a changed root', (x: typeof world) => ({ ...x, batches: [{ ...x.batches[0], stateRoot: `0x${'11'.repeat(31)}12` }] }), { path: 'batches[0].stateRoot', file: '0x1111…111111112', rebuilt: '0x1111…111111111' }],
		['a byte changed mid-key', (x: typeof world) => ({ ...x, sequencers: [{ ...x.sequencers[0], blsPublicKey: `0x${'ab'.repeat(20)}cd${'ab'.repeat(27)}` }] }), { path: 'sequencers[0].blsPublicKey', file: '0xabab…abababab' + 'cdababab…', rebuilt: '0xabab…abababababababab…' }],
		['a replaced tx', (x: typeof world) => ({ ...x, batches: [{ ...x.batches[0], txs: ['0xdeadbeef'] }] }), { path: 'batches[0].txs[0]', file: '"0xdeadbeef"', rebuilt: '"0x02f8"' }],
		['a made-up entry', (x: typeof world) => ({ ...x, slashings: [{ sequencer: 'seq-0' }] }), { path: 'slashings[0]', file: '{"sequencer":"seq-0"}', rebuilt: 'absent' }],
		['a dropped entry', (x: typeof world) => ({ ...x, sequencers: [] }), { path: 'sequencers[0]', file: 'absent', rebuilt: expect.stringMatching(/^\{"id":"seq-0",/) }],
		['an extra field', (x: typeof world) => ({ ...x, supply: { final: { total: '100', note: 'hi' } } }), { path: 'supply.final.note', file: '"hi"', rebuilt: 'absent' }],
		['a missing field', (x: typeof world) => ({ ...x, supply: { final: {} } }), { path: 'supply.final.total', file: 'absent', rebuilt: '"100"' }],
		['a number for a string', (x: typeof world) => ({ ...x, supply: { final: { total: 100 } } }), { path: 'supply.final.total', file: '100', rebuilt: '"100"' }],
		['a list for an object', (x: typeof world) => ({ ...x, supply: [] }), { path: 'supply', file: '[]', rebuilt: '{"final":{"total":"100"}}' }]
	])('%s', (_, edit, expected) => {
		expect(firstFieldDifference(edit(structuredClone(world)), world)).toEqual(expected);
	});

	it('names the first difference in the file’s order, not the last', () => {
		const edited = structuredClone(world);
		edited.params.txPerSecond = 2;
		edited.supply.final.total = '200';
		expect(firstFieldDifference(edited, world)?.path).toBe('params.txPerSecond');
	});
});

describe('shorten', () => {
	it.each([
		[`0x${'ab'.repeat(48)}`, '0xabababab…ababab'],
		['0x1234', '"0x1234"'],
		['x'.repeat(40), `"${'x'.repeat(30)}…`],
		[[1, 2, 3, 4, 5], 'a list of 5'],
		[null, 'null'],
		[undefined, 'absent'],
		[-5, '-5']
	])('%j → %s', (value, text) => {
		expect(shorten(value)).toBe(text);
		expect(shorten(value).length).toBeLessThanOrEqual(32);
	});
});
