/**
 * What the audience window and the speaker view say to each other over a BroadcastChannel named
 * after the talk: the audience window owns the talk's state and tells it; the speaker view asks
 * for it and sends the speaker's moves.
 */

/** Where the talk stands, as the audience window tells it. */
export interface DeckState {
	/** The scene on screen (0-based). */
	scene: number;
	/** Whether the screen is blanked. */
	blank: boolean;
	/** Whether the speaker has live control of the world. */
	live: boolean;
	/** Wall time (epoch ms) the talk started: its first move. */
	startedAt: number;
	/** Wall time (epoch ms) the scene on screen came on. */
	sceneAt: number;
	/** The base URL the QR code points at. */
	base: string;
}

/** A message between the two windows. */
export type DeckMessage =
	| ({ kind: 'state' } & DeckState)
	| { kind: 'hello' }
	| { kind: 'go'; scene: number }
	| { kind: 'next' }
	| { kind: 'prev' }
	| { kind: 'blank' }
	| { kind: 'base'; base: string }
	| { kind: 'restart-clock' };

const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** A message read from the channel, or null when it is not one of ours (another tab's talk, a stale build). */
export function readMessage(data: unknown): DeckMessage | null {
	if (!data || typeof data !== 'object') return null;
	const d = data as Record<string, unknown>;
	switch (d.kind) {
		case 'state':
			return num(d.scene) && typeof d.blank === 'boolean' && typeof d.live === 'boolean' && num(d.startedAt) && num(d.sceneAt) && typeof d.base === 'string'
				? { kind: 'state', scene: d.scene, blank: d.blank, live: d.live, startedAt: d.startedAt, sceneAt: d.sceneAt, base: d.base }
				: null;
		case 'go':
			return num(d.scene) ? { kind: 'go', scene: d.scene } : null;
		case 'base':
			return typeof d.base === 'string' ? { kind: 'base', base: d.base } : null;
		case 'hello':
		case 'next':
		case 'prev':
		case 'blank':
		case 'restart-clock':
			return { kind: d.kind };
		default:
			return null;
	}
}

/** The channel's name for a talk. */
export function channelName(talk: string): string {
	return `rollup-lab-present:${talk}`;
}

/** A channel to the other window, or null where the browser has none. */
export function openChannel(talk: string, onmessage: (message: DeckMessage) => void): { post: (message: DeckMessage) => void; close: () => void } | null {
	if (typeof BroadcastChannel === 'undefined') return null;
	const channel = new BroadcastChannel(channelName(talk));
	channel.onmessage = (e) => {
		const message = readMessage(e.data);
		if (message) onmessage(message);
	};
	return { post: (message) => channel.postMessage(message), close: () => channel.close() };
}
