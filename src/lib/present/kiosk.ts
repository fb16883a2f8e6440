/**
 * The booth loop (`?kiosk`): each scene stays for its pace, then the next comes, and after the last
 * the first again. A visitor's key or touch holds the loop; after a quiet minute the talk goes back
 * to its start and loops again. Nothing here ever waits on a dialog.
 */

/** Quiet wall time after a visitor's last input before the loop takes over again. */
export const KIOSK_IDLE_MS = 60_000;

/** What the loop drives. */
export interface KioskHost {
	/** How many scenes the talk has. */
	count: number;
	/** Scene `index`'s pace (wall ms). */
	pace: (index: number) => number;
	/** Shows scene `index`. */
	go: (index: number) => void;
	/** The visitor has been away long enough: put everything back as a new visitor finds it (then `go(0)` follows). */
	reset: () => void;
}

/** Advances a talk on its own, held by a visitor's input and reset after they leave. */
export class KioskLoop {
	private timer: ReturnType<typeof setTimeout> | null = null;
	private index = 0;
	private held = false;

	/** A loop over `host`'s scenes (call `shown` for the first). */
	constructor(
		private host: KioskHost,
		private idleMs = KIOSK_IDLE_MS
	) {}

	/** Scene `index` came on screen (by the loop or by the visitor): time its stay. */
	shown(index: number): void {
		this.index = index;
		if (!this.held) this.schedule(this.host.pace(index), () => this.host.go((this.index + 1) % this.host.count));
	}

	/** A visitor pressed a key or touched the screen: the loop waits until they have been quiet for the idle time. */
	touched(): void {
		this.held = true;
		this.schedule(this.idleMs, () => {
			this.held = false;
			this.host.reset();
			this.host.go(0);
		});
	}

	/** Stops the loop. */
	stop(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
	}

	private schedule(ms: number, then: () => void): void {
		this.stop();
		this.timer = setTimeout(() => {
			this.timer = null;
			then();
		}, ms);
	}
}
