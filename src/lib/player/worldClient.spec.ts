import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SimEvent, WorldSnapshot } from '$lib/sim';
import type { Frame, FromWorker, ToWorker, WorldInfo } from './protocol';
import { WorldClient } from './worldClient.svelte';

/** Stands in for the simulation worker: keeps what the page sent, replies when told to. */
class FakeWorker {
	static last: FakeWorker;
	sent: ToWorker[] = [];
	onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
	onerror: ((e: ErrorEvent) => void) | null = null;
	constructor() {
		FakeWorker.last = this;
	}
	postMessage(msg: ToWorker) {
		this.sent.push(msg);
	}
	terminate() {}
	reply(msg: FromWorker) {
		this.onmessage?.({ data: msg } as MessageEvent<FromWorker>);
	}
}

const info: WorldInfo = { scenario: 'demo', title: 'The demo world', seed: '1', finality: 'hybrid', params: {} as WorldInfo['params'], users: 3 };
const ref = { batch: 0, proposal: 0, attempt: 1 };
const proposed: SimEvent = { t: 100, type: 'batch.proposed', ...ref, proposer: 'seq-0', epoch: 0, firstBlock: 1, lastBlock: 2, txs: 4, signingRoot: '0x', activeSet: ['seq-0', 'seq-1', 'seq-2'] };
const signed: SimEvent = { t: 150, type: 'finality.signed', ...ref, signers: ['seq-0', 'seq-1'], quorum: { by: 'count', numerator: 2, denominator: 3, strict: false }, txs: 4 };
const posted: SimEvent = { t: 205, type: 'finality.posted', ...ref, posting: 0, l1Block: 7, txs: 4, epoch: 0 };

/** A frame of generation 1 at simulated time `t`. */
function frame(reason: Frame['reason'], ack: number, t: number, from: number, events: SimEvent[], playing: boolean): Frame {
	const snapshot = { t, supply: { total: '1' } } as unknown as WorldSnapshot;
	return { type: 'frame', generation: 1, reason, snapshot, from, events, reset: reason === 'load', playing, speed: 1, idle: false, rate: 0, lagging: false, horizon: t, ack };
}

/** A client with world 1 loaded (request 1) and playing (request 2) at t = 100. */
function playing() {
	vi.stubGlobal('Worker', FakeWorker);
	const client = new WorldClient({ onLoadError: () => {} });
	client.load({ seed: 1, scenario: {} });
	const worker = FakeWorker.last;
	worker.reply({ type: 'loaded', generation: 1, info });
	worker.reply(frame('load', 1, 0, 0, [], false));
	client.play();
	worker.reply(frame('play', 2, 0, 0, [], true));
	worker.reply(frame('tick', 2, 100, 0, [proposed], true));
	return { client, worker };
}

const told = (client: WorldClient, text: string) => client.narrator.lines.filter((l) => l.text.startsWith(text)).length;

describe('WorldClient: Pause is exact', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('ticks still in flight after Pause do not move the clock; the answer shows where the worker stopped, each event told once', () => {
		const { client, worker } = playing();
		expect(client.snapshot?.t).toBe(100);
		expect(client.workerPlaying).toBe(true);
		client.pause();
		expect(worker.sent.at(-1)).toMatchObject({ type: 'pause', seq: 3 });
		expect(client.workerPlaying).toBeNull();
		worker.reply(frame('tick', 2, 180, 1, [signed], true));
		expect(client.snapshot?.t).toBe(100);
		expect(client.playing).toBe(false);
		expect(told(client, 'Batch 0 signed')).toBe(0);
		worker.reply(frame('pause', 3, 210, 2, [posted], false));
		expect(client.snapshot?.t).toBe(210);
		expect(client.workerPlaying).toBe(false);
		expect(client.view.batches.map((b) => b.index)).toEqual([0]);
		expect([told(client, 'seq-0 proposed batch 0'), told(client, 'Batch 0 signed'), told(client, 'Batch 0 posted')]).toEqual([1, 1, 1]);
	});

	it('an inspect sent after Pause does not keep the answer from counting', () => {
		const { client, worker } = playing();
		client.pause();
		client.inspect({ kind: 'batch', index: 0 });
		worker.reply(frame('pause', 3, 120, 1, [], false));
		expect(client.workerPlaying).toBe(false);
		expect(client.snapshot?.t).toBe(120);
	});

	it('the world running out while an open inspector refreshes still turns Pause back into Play', () => {
		const { client, worker } = playing();
		client.inspect({ kind: 'batch', index: 0 });
		worker.reply({ ...frame('idle', 2, 300, 1, [], false), idle: true });
		expect(client.playing).toBe(false);
		expect(client.idle).toBe(true);
		expect(client.workerPlaying).toBe(false);
	});

	it('when a new world cannot be built, the kept one loses none of the events sent while it was being built', () => {
		const { client, worker } = playing();
		client.load({ seed: 2, scenario: {} });
		worker.reply(frame('tick', 2, 180, 1, [signed], true));
		worker.reply({ type: 'loading', generation: 2 });
		worker.reply({ type: 'loadFailed', generation: 2, message: 'no', kept: 1 });
		worker.reply(frame('pause', 3, 210, 2, [posted], false));
		expect(client.snapshot?.t).toBe(210);
		expect([client.view.batches[0]?.signedAt, client.view.batches[0]?.postedAt]).toEqual([150, 205]);
		expect([told(client, 'Batch 0 signed'), told(client, 'Batch 0 posted')]).toEqual([1, 1]);
	});

	it('a speed change in flight does not hold the clock, but its answer is what the page waits for', () => {
		const { client, worker } = playing();
		client.setSpeed(10);
		expect(client.workerPlaying).toBeNull();
		worker.reply(frame('tick', 2, 130, 1, [], true));
		expect(client.snapshot?.t).toBe(130);
		expect(client.speed).toBe(10);
		worker.reply({ ...frame('speed', 3, 131, 1, [], true), speed: 10 });
		expect(client.workerPlaying).toBe(true);
	});
});

describe('WorldClient: narration never loses a key line', () => {
	afterEach(() => vi.unstubAllGlobals());

	const fault: SimEvent = { t: 120, type: 'fault.injected', ...ref, actor: 'seq-0', behaviour: 'invalid-tx' } as unknown as SimEvent;
	const settled = (batch: number, t: number): SimEvent => ({ t, type: 'finality.settled', batch, proposal: batch, attempt: 1, honest: true, txs: 1 }) as unknown as SimEvent;

	it('a frame with many lines at high speed keeps every key line in the log, in time order, coalescing runs', () => {
		const { client, worker } = playing();
		const many = [fault, signed, posted, ...Array.from({ length: 40 }, (_, i) => settled(i, 300 + i))];
		worker.reply(frame('tick', 2, 400, 1, many, true));
		const log = client.narrator.log;
		expect(log.map((e) => e.kind)).toEqual(['fault.injected', 'finality.settled']);
		expect(log[1].count).toBe(40);
		expect(log.map((e) => e.last)).toEqual([...log.map((e) => e.last)].sort((a, b) => a - b));
		// The headline shows only the newest lines; the log holds the fault that scrolled past them.
		expect(client.narrator.lines.slice(0, 3).some((l) => l.text.includes('misbehaves'))).toBe(false);
	});

	it('routine milestones stay in the headline, not the log', () => {
		const { client, worker } = playing();
		worker.reply(frame('tick', 2, 300, 1, [signed, posted], true));
		expect(client.narrator.log).toHaveLength(0);
		expect(told(client, 'Batch 0 posted')).toBe(1);
	});

	it('a seek back rebuilds the log from the whole log the reset frame carries', () => {
		const { client, worker } = playing();
		worker.reply(frame('tick', 2, 300, 1, [fault, signed, posted, settled(0, 250)], true));
		expect(client.narrator.log).toHaveLength(2);
		client.seek(160);
		worker.reply({ ...frame('seek', 3, 160, 0, [proposed, fault, signed], false), reset: true });
		expect(client.narrator.log.map((e) => e.kind)).toEqual(['fault.injected']);
	});
});

describe('WorldClient: the worker', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('starts with the first request, not before (a page paints before fetching it), and not again once destroyed', () => {
		let started = 0;
		vi.stubGlobal('Worker', class extends FakeWorker {
			constructor() {
				super();
				started++;
			}
		});
		const client = new WorldClient({ onLoadError: () => {} });
		expect(started).toBe(0);
		client.load({ seed: 1, scenario: {} });
		client.play();
		expect(started).toBe(1);
		expect(FakeWorker.last.sent.map((r) => r.type)).toEqual(['load', 'play']);
		client.destroy();
		client.play();
		expect(started).toBe(1);
		expect(FakeWorker.last.sent).toHaveLength(2);
	});
});
