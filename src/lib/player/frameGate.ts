/**
 * Which worker frames may move the clock. Once the page has sent a clock request (Play, Pause,
 * Step, a seek, a jump or a new world), the frames the worker sent before it heard that request are
 * out of date: a tick still in flight after Pause would carry the clock past the moment the worker
 * stopped. Such frames are held, not shown; their events go on with the next frame that may move the
 * clock, so no event is lost or told twice, and the clock shows what the worker says in its answer.
 */
import type { Frame, FrameReason, Request } from './protocol';

/** Requests that change what the clock does. */
const CLOCK_REQUESTS: ReadonlySet<Request['type']> = new Set(['load', 'play', 'pause', 'step', 'seek', 'jump']);

/** Frames that answer a clock request: each is the world the moment the worker handled it. */
const ANSWERS: ReadonlySet<FrameReason> = new Set(['load', 'play', 'pause', 'step', 'seek', 'jump']);

/** Whether a request changes what the clock does (frames sent before the worker heard it are out of date). */
export function isClockRequest(type: Request['type']): boolean {
	return CLOCK_REQUESTS.has(type);
}

/**
 * Whether a frame may move the clock, given the `seq` of the page's latest clock request: an answer
 * to a clock request or a rewound log always may; a tick, idle, speed or dispatch frame only if the
 * worker had heard that request when it sent the frame.
 */
export function movesClock({ frame, clockSeq }: { frame: Pick<Frame, 'reason' | 'ack' | 'reset'>; clockSeq: number }): boolean {
	return frame.reset || ANSWERS.has(frame.reason) || frame.ack >= clockSeq;
}

/** A frame the page may show, with the events of the frames held before it. */
export interface AdmittedFrame {
	/** The frame, its `events` starting with those held. */
	frame: Frame;
	/** A held frame said the world had run out (its "nothing more will happen" is still to be told). */
	ranOut: boolean;
}

/** Holds out-of-date frames and hands their events on with the next frame that may move the clock. */
export class FrameGate {
	private clockSeq = 0;
	private held: { generation: number; from: number; events: Frame['events']; ranOut: boolean } | null = null;

	/** The page sent request `seq` of this type. */
	sent({ type, seq }: { type: Request['type']; seq: number }): void {
		if (isClockRequest(type)) this.clockSeq = seq;
	}

	/** The frame to show (with the held events before its own), or null when it is out of date and held. */
	admit(frame: Frame): AdmittedFrame | null {
		const held = this.held?.generation === frame.generation && !frame.reset ? this.held : null;
		if (!movesClock({ frame, clockSeq: this.clockSeq })) {
			this.held = held
				? { ...held, events: [...held.events, ...frame.events], ranOut: held.ranOut || frame.reason === 'idle' }
				: { generation: frame.generation, from: frame.from, events: frame.events, ranOut: frame.reason === 'idle' };
			return null;
		}
		this.held = null;
		if (!held) return { frame, ranOut: false };
		return { frame: { ...frame, from: held.from, events: [...held.events, ...frame.events] }, ranOut: held.ranOut };
	}
}
