import { describe, expect, it } from 'vitest';
import type { SimEvent, WorldSnapshot } from '$lib/sim';
import { FrameGate, isClockRequest, movesClock } from './frameGate';
import type { Frame, FrameReason, Request } from './protocol';

/** A frame of generation 1 whose snapshot is only its time; `events` are numbered from `from`. */
function frame(reason: FrameReason, ack: number, t: number, from: number, count: number, extra: Partial<Frame> = {}): Frame {
	const events = Array.from({ length: count }, (_, i) => ({ t, type: `e${from + i}` }) as unknown as SimEvent);
	return { type: 'frame', generation: 1, reason, snapshot: { t } as WorldSnapshot, from, events, reset: false, playing: reason === 'tick', speed: 1, idle: false, rate: 0, lagging: false, horizon: t, ack, ...extra };
}

const types = (f: Frame) => f.events.map((e) => e.type);

describe('movesClock', () => {
	it.each([
		{ reason: 'tick', ack: 3, clockSeq: 3, reset: false, moves: true, why: 'the worker had heard the latest clock request' },
		{ reason: 'tick', ack: 4, clockSeq: 3, reset: false, moves: true, why: 'sent after later requests (an inspect) too' },
		{ reason: 'tick', ack: 3, clockSeq: 4, reset: false, moves: false, why: 'a tick still in flight after Pause' },
		{ reason: 'idle', ack: 3, clockSeq: 4, reset: false, moves: false, why: 'the world ran out before the worker heard Pause' },
		{ reason: 'speed', ack: 3, clockSeq: 4, reset: false, moves: false, why: 'a speed change answered before Pause' },
		{ reason: 'dispatch', ack: 3, clockSeq: 4, reset: false, moves: false, why: 'a command applied before Pause' },
		{ reason: 'pause', ack: 4, clockSeq: 4, reset: false, moves: true, why: 'the answer to Pause: the moment the worker stopped' },
		{ reason: 'play', ack: 3, clockSeq: 4, reset: false, moves: true, why: 'an earlier Play answered: the clock where it started' },
		{ reason: 'step', ack: 3, clockSeq: 4, reset: false, moves: true, why: 'each Step of a quick pair is shown in turn' },
		{ reason: 'jump', ack: 3, clockSeq: 4, reset: false, moves: true, why: 'a jump the learner asked for before the next request' },
		{ reason: 'seek', ack: 3, clockSeq: 4, reset: true, moves: true, why: 'a seek back rewinds the log and carries all of it' },
		{ reason: 'load', ack: 2, clockSeq: 4, reset: true, moves: true, why: 'a new world' }
	] as const)('$reason with ack $ack after clock request $clockSeq: $moves ($why)', ({ reason, ack, clockSeq, reset, moves }) => {
		expect(movesClock({ frame: { reason, ack, reset }, clockSeq })).toBe(moves);
	});

	it.each([
		['load', true],
		['play', true],
		['pause', true],
		['step', true],
		['seek', true],
		['jump', true],
		['speed', false],
		['dispatch', false],
		['inspect', false],
		['verify', false],
		['export', false]
	] as [Request['type'], boolean][])('%s is a clock request: %s', (type, clock) => {
		expect(isClockRequest(type)).toBe(clock);
	});
});

describe('FrameGate', () => {
	it('after Pause, ticks in flight do not move the clock; their events come with the answer, in order, once', () => {
		const gate = new FrameGate();
		gate.sent({ type: 'play', seq: 3 });
		expect(gate.admit(frame('tick', 3, 100, 0, 2))?.frame.snapshot.t).toBe(100);
		gate.sent({ type: 'pause', seq: 4 });
		gate.sent({ type: 'inspect', seq: 5 });
		expect(gate.admit(frame('tick', 3, 200, 2, 1))).toBeNull();
		expect(gate.admit(frame('tick', 3, 300, 3, 2))).toBeNull();
		const answer = gate.admit(frame('pause', 4, 310, 5, 1));
		expect(answer?.frame.snapshot.t).toBe(310);
		expect(answer?.frame.from).toBe(2);
		expect(types(answer!.frame)).toEqual(['e2', 'e3', 'e4', 'e5']);
		expect(answer?.ranOut).toBe(false);
		// Nothing is held twice.
		expect(types(gate.admit(frame('speed', 5, 310, 6, 0))!.frame)).toEqual([]);
	});

	it('keeps that the world ran out while Pause was on its way', () => {
		const gate = new FrameGate();
		gate.sent({ type: 'play', seq: 1 });
		gate.sent({ type: 'pause', seq: 2 });
		expect(gate.admit(frame('idle', 1, 900, 0, 1, { idle: true }))).toBeNull();
		const answer = gate.admit(frame('pause', 2, 900, 1, 0, { idle: true }));
		expect(answer?.ranOut).toBe(true);
		expect(types(answer!.frame)).toEqual(['e0']);
	});

	it('a rewound log or another world drops what was held (the new frame carries the whole log)', () => {
		const gate = new FrameGate();
		gate.sent({ type: 'play', seq: 1 });
		gate.sent({ type: 'seek', seq: 2 });
		expect(gate.admit(frame('tick', 1, 500, 10, 3))).toBeNull();
		const seek = gate.admit(frame('seek', 2, 50, 0, 4, { reset: true }));
		expect(seek?.frame.from).toBe(0);
		expect(types(seek!.frame)).toEqual(['e0', 'e1', 'e2', 'e3']);
		gate.sent({ type: 'load', seq: 3 });
		expect(gate.admit(frame('tick', 2, 60, 4, 1))).toBeNull();
		expect(types(gate.admit(frame('play', 3, 0, 0, 1, { generation: 2 }))!.frame)).toEqual(['e0']);
	});

	it('frames sent after the worker heard the latest clock request pass as they are', () => {
		const gate = new FrameGate();
		gate.sent({ type: 'play', seq: 1 });
		gate.sent({ type: 'speed', seq: 2 });
		const tick = frame('tick', 1, 100, 0, 2);
		expect(gate.admit(tick)).toEqual({ frame: tick, ranOut: false });
	});
});
