import { describe, expect, it } from 'vitest';
import { KeyLog } from './keyLog';

describe('KeyLog', () => {
	it('keeps every key line in time order', () => {
		const log = new KeyLog();
		log.add(1000, 'seq-3 goes offline', 'fault.injected', 3);
		log.add(2000, 'Batch 1 got only 3 of 6 signatures', 'batch.no-quorum', 3);
		log.add(2000, 'Re-span: seq-1 replaces seq-3', 'epoch.respan', 3);
		expect(log.list().map((e) => e.text)).toEqual(['seq-3 goes offline', 'Batch 1 got only 3 of 6 signatures', 'Re-span: seq-1 replaces seq-3']);
	});

	it('coalesces a run of one kind into one entry with a count, never dropping it', () => {
		const log = new KeyLog();
		for (let i = 1; i <= 50; i++) log.add(i * 60_000, `Batch ${i} settled`, 'finality.settled', 2);
		const [entry] = log.list();
		expect(log.list()).toHaveLength(1);
		expect(entry).toMatchObject({ count: 50, first: 'Batch 1 settled', text: 'Batch 50 settled', t: 60_000, last: 3_000_000 });
	});

	it('starts a new entry when another kind comes between, or the weight differs', () => {
		const log = new KeyLog();
		log.add(1, 'Batch 1 settled', 'finality.settled', 2);
		log.add(2, 'seq-0 slashed', 'slash', 3);
		log.add(3, 'Batch 2 settled', 'finality.settled', 2);
		log.add(4, 'Batch 3 settled with a state root no transaction produced', 'finality.settled', 3);
		expect(log.list().map((e) => e.count)).toEqual([1, 1, 1, 1]);
	});

	it('does not coalesce one-off kinds such as slashes', () => {
		const log = new KeyLog();
		log.add(1, 'seq-0 slashed', 'slash', 3);
		log.add(2, 'seq-1 slashed', 'slash', 3);
		expect(log.list()).toHaveLength(2);
	});

	it('places a line from the past by its time', () => {
		const log = new KeyLog();
		log.add(10, 'b', 'slash', 3);
		log.add(5, 'a', 'fault.injected', 3);
		expect(log.list().map((e) => e.text)).toEqual(['a', 'b']);
	});
});
