import { describe, expect, it } from 'vitest';
import type { EventObject } from 'xstate';
import { ActorHost } from './runtime';
import { sequencerMachine } from './sequencerMachine';
import { validatorMachine } from './validatorMachine';
import { userMachine } from './userMachine';
import { Scheduler } from '../scheduler';

/** A host on a virtual clock, recording what actors emit. */
function harness() {
	let now = 0;
	const scheduler = new Scheduler<{ actor: string; event: EventObject }>();
	const emitted: { t: number; actor: string; type: string }[] = [];
	const host = new ActorHost({
		now: () => now,
		scheduleDelayed: (at, actor, event, key) => scheduler.schedule(at, { actor, event }, key),
		cancelDelayed: (key) => scheduler.cancel(key),
		onEmit: (actor, event) => emitted.push({ t: now, actor, type: event.type })
	});
	const runUntil = (t: number) => {
		while (scheduler.peekTime() <= t) {
			const e = scheduler.pop()!;
			now = e.at;
			host.send(e.task.actor, e.task.event);
		}
		now = t;
	};
	return { host, emitted, runUntil, scheduler };
}

const timing = { l2BlockMs: 2000, reviewMs: 300, signTimeoutMs: 6000 };

describe('actors on the virtual clock', () => {
	it('a proposer builds a block every block time, in simulated time', () => {
		const { host, emitted, runUntil } = harness();
		host.spawn('seq-0', sequencerMachine, { id: 'seq-0', timing });
		host.send('seq-0', { type: 'sequencer.admitted' });
		host.send('seq-0', { type: 'epoch.elected', epoch: 1 });
		runUntil(7000);
		expect(emitted.filter((e) => e.type === 'block.build').map((e) => e.t)).toEqual([2000, 4000, 6000]);
	});

	it.each([
		{ name: 'an ended epoch cancels the block timer', stop: { type: 'epoch.ended' } as const },
		{ name: 'a drained mempool idles the proposer', stop: { type: 'mempool.drained' } as const }
	])('$name', ({ stop }) => {
		const { host, emitted, runUntil } = harness();
		host.spawn('seq-0', sequencerMachine, { id: 'seq-0', timing });
		host.send('seq-0', { type: 'sequencer.admitted' });
		host.send('seq-0', { type: 'epoch.elected', epoch: 1 });
		runUntil(3000);
		host.send('seq-0', stop);
		runUntil(60_000);
		expect(emitted.filter((e) => e.type === 'block.build').map((e) => e.t)).toEqual([2000]);
	});

	it('a proposer reports a signing timeout unless the batch completes', () => {
		const { host, emitted, runUntil } = harness();
		host.spawn('seq-0', sequencerMachine, { id: 'seq-0', timing });
		host.send('seq-0', { type: 'sequencer.admitted' });
		host.send('seq-0', { type: 'epoch.elected', epoch: 1 });
		host.send('seq-0', { type: 'mempool.drained' });
		host.send('seq-0', { type: 'batch.proposed', index: 0 });
		runUntil(1000);
		host.send('seq-0', { type: 'batch.completed', index: 0 });
		host.send('seq-0', { type: 'batch.proposed', index: 1 });
		runUntil(20_000);
		expect(emitted.filter((e) => e.type === 'batch.timeout').map((e) => e.t)).toEqual([7000]);
	});

	it('a peer signs a received batch after its review time', () => {
		const { host, emitted, runUntil } = harness();
		host.spawn('seq-1', sequencerMachine, { id: 'seq-1', timing });
		host.send('seq-1', { type: 'sequencer.admitted' });
		runUntil(100);
		host.send('seq-1', { type: 'batch.received', index: 4 });
		runUntil(10_000);
		expect(emitted).toEqual([{ t: 400, actor: 'seq-1', type: 'batch.review' }]);
		expect(host.snapshotOf('seq-1').value).toEqual({ peer: 'watching' });
	});

	it('a validator checks sampled batches one after another', () => {
		const { host, emitted, runUntil } = harness();
		host.spawn('val-0', validatorMachine, { id: 'val-0', checkMs: 5000 });
		host.send('val-0', { type: 'batch.sampled', index: 0 });
		host.send('val-0', { type: 'batch.sampled', index: 1 });
		runUntil(60_000);
		expect(emitted.map((e) => e.t)).toEqual([5000, 10_000]);
		expect(host.snapshotOf('val-0').context.checked).toBe(2);
	});

	it('a user only sends while traffic runs, with increasing nonces', () => {
		const { host, emitted } = harness();
		host.spawn('user-0', userMachine, { id: 'user-0' });
		const send = { type: 'tx.send', intent: { kind: 'transfer', to: 'user-1', amount: '1' } } as const;
		host.send('user-0', send);
		host.send('user-0', { type: 'traffic.start' });
		host.send('user-0', send);
		host.send('user-0', send);
		host.send('user-0', { type: 'traffic.stop' });
		host.send('user-0', send);
		expect(emitted.length).toBe(2);
		expect(host.snapshotOf('user-0').context.nonce).toBe(2);
	});

	it('snapshots saved and restored bring an actor back exactly', () => {
		const { host } = harness();
		host.spawn('val-0', validatorMachine, { id: 'val-0', checkMs: 5000 });
		const saved = host.save();
		host.send('val-0', { type: 'batch.sampled', index: 3 });
		expect(host.snapshotOf('val-0').value).toBe('checking');
		host.restore(saved);
		expect(host.snapshotOf('val-0').value).toBe('watching');
	});
});
