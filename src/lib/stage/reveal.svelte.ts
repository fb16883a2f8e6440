/**
 * Draws a big scene in parts, one task each, so the first frame of a world does not block the page
 * in one long task: `shown` counts up from 1 to `parts`, a macrotask apart (a paint can come between).
 */

/** A count of parts drawn so far that climbs to `parts` on its own once started. */
export class Reveal {
	/** How many parts are drawn. */
	shown = $state(1);
	private timer: ReturnType<typeof setTimeout> | null = null;

	/** `parts` parts in all. */
	constructor(readonly parts: number) {}

	/** Starts counting up (call once mounted); returns the stop to call when unmounted. */
	start(): () => void {
		const next = () => {
			this.timer = null;
			if (this.shown >= this.parts) return;
			this.shown += 1;
			this.timer = setTimeout(next, 0);
		};
		this.timer = setTimeout(next, 0);
		return () => {
			if (this.timer !== null) clearTimeout(this.timer);
			this.timer = null;
		};
	}
}
