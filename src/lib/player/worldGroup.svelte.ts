/** Worlds played together (side by side on the compare page or in a lesson step): one Play, one Step, one speed for all. */
import type { LiveWorld } from './liveWorld.svelte';
import type { Speed } from './protocol';

/** A group of live worlds with shared playback. */
export class WorldGroup {
	/** The worlds, in order. */
	worlds = $state<LiveWorld[]>([]);
	/** The speed all of them play at. */
	speed = $state<Speed>(1);

	/** Every world is built. */
	get ready(): boolean {
		return this.worlds.length > 0 && this.worlds.every((w) => w.ready);
	}

	/** Any world plays. */
	get playing(): boolean {
		return this.worlds.some((w) => w.client.playing);
	}

	/** Every world is built and nothing more will happen in any. */
	get finished(): boolean {
		return this.ready && this.worlds.every((w) => w.client.idle);
	}

	/** Plays all, or pauses all when any plays. */
	toggle(): void {
		const play = !this.playing;
		for (const w of this.worlds) if (play) w.client.play(); else w.client.pause();
	}

	/** Steps every world to its next event. */
	step(): void {
		this.worlds.forEach((w) => w.client.step());
	}

	/** Sets every world's speed. */
	setSpeed(speed: Speed): void {
		this.speed = speed;
		this.worlds.forEach((w) => w.client.setSpeed(speed));
	}

	/** Stops every world's worker. */
	destroy(): void {
		this.worlds.forEach((w) => w.destroy());
		this.worlds = [];
	}
}
