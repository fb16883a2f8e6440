import { describe, expect, it } from 'vitest';
import type { RebuildResult } from './protocol';
import { rebuildNotice } from './worldFileActions';

const base: RebuildResult = { matches: true, until: 180_000, fileEvents: 1251, worldEvents: 1251, firstDifference: null, firstField: null, olderFormat: false };

describe('rebuildNotice', () => {
	it.each([
		['a match', {}, 'Imported w.json: the rebuilt world matches the file, all 1,251 events up to day 0, 00:03:00 and everything else the file says about it.'],
		[
			'a changed field',
			{ matches: false, firstField: { path: 'batches[3].stateRoot', file: '0x1111…111111112', rebuilt: '0x1111…111111111' } },
			'Imported w.json, but the rebuilt world does not match the file: batches[3].stateRoot is 0x1111…111111112 in the file but 0x1111…111111111 in the rebuilt world. The file may have been edited, or it came from another version: what you see is the rebuilt world, not the file.'
		],
		['a made-up entry', { matches: false, firstField: { path: 'slashings[0]', file: '{"sequencer":"seq-1",…', rebuilt: 'absent' } }, /the file has slashings\[0\] \(\{"sequencer":"seq-1",…\), which the rebuilt world does not have\./],
		['a left-out field', { matches: false, firstField: { path: 'supply.final.total', file: 'absent', rebuilt: '"100"' } }, /the file leaves out supply\.final\.total, which the rebuilt world has \("100"\)\./],
		['an edited log', { matches: false, firstDifference: 17, worldEvents: 1250 }, /does not match the file: its event log differs from event 17 on \(the file has 1,251 events up to day 0, 00:03:00, the rebuilt world 1,250\)\. The file/],
		[
			'both',
			{ matches: false, firstDifference: 17, firstField: { path: 'params.txPerSecond', file: '3', rebuilt: '1' } },
			/event 17 on \(.*\); and params\.txPerSecond is 3 in the file but 1 in the rebuilt world\./
		]
	])('%s', (_, change, expected) => {
		const text = rebuildNotice('w.json', { ...base, ...change });
		if (typeof expected === 'string') expect(text).toBe(expected);
		else expect(text).toMatch(expected);
	});

	it('says an older file was not compared', () => {
		expect(rebuildNotice('old.json', { ...base, matches: false, olderFormat: true, fileEvents: 0 })).toMatch(/earlier version .* not compared/);
	});
});
