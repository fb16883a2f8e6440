import { describe, expect, it } from 'vitest';
import { createWorld, type World } from '$lib/sim';
import { findScenario } from '$lib/player/scenarios';
import { MissionWatch } from './missionWatch.svelte';
import { MISSIONS } from './missions';
import { readProgress } from './progress';
import { PROGRESS_KEY, type ProgressStorage } from './progressStore.svelte';

/** Web Storage in memory. */
class MemoryStorage implements ProgressStorage {
	items = new Map<string, string>();
	get length() {
		return this.items.size;
	}
	key(i: number) {
		return [...this.items.keys()][i] ?? null;
	}
	getItem(key: string) {
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		this.items.set(key, value);
	}
	removeItem(key: string) {
		this.items.delete(key);
	}
}

const mission = MISSIONS['mission-third-offline'];

function world(finality = mission.finality): World {
	const entry = findScenario(mission.scenario)!;
	return createWorld({ seed: entry.seed ?? 1, scenario: entry.json, finality });
}

/** A watcher on a fake clock, started, with its storage. */
async function watcher() {
	const storage = new MemoryStorage();
	const clock = { t: 0 };
	const watch = new MissionWatch({ storage: () => storage, now: () => clock.t });
	await watch.start();
	return { watch, storage, clock };
}

/** Plays a world into the watcher a minute a frame, 300 wall ms apart. */
function play(watch: MissionWatch, w: World, clock: { t: number }, until: number): void {
	let seen = w.events.length;
	watch.see({ events: w.events, reset: true, reason: 'load' });
	for (let t = w.now + 60_000; t <= until; t += 60_000) {
		w.runUntil(t);
		clock.t += 300;
		watch.see({ events: w.events.slice(seen), reset: false, reason: 'tick' });
		seen = w.events.length;
	}
}

const stored = (storage: MemoryStorage) => {
	const read = readProgress(storage.getItem(PROGRESS_KEY));
	return read.ok ? read.progress.goals : {};
};

describe('the sandbox mission watcher', () => {
	it('records a mission met in its own world, and says so', async () => {
		const { watch, storage, clock } = await watcher();
		const w = world();
		mission.solve(w);
		play(watch, w, clock, mission.until);
		expect(watch.world).toEqual({ scenario: mission.scenario, finality: mission.finality });
		expect(watch.isHere(mission)).toBe(true);
		expect(watch.isDone(mission.id)).toBe(true);
		expect(stored(storage)[mission.id]).toEqual({ done: true });
		expect(watch.announcement).toContain(mission.title());
	});

	it('records nothing for a world left alone, or for the same moves under another finality', async () => {
		for (const w of [world(), world('hybrid')]) {
			const { watch, storage, clock } = await watcher();
			if (w.finality !== mission.finality) mission.solve(w);
			play(watch, w, clock, mission.until);
			expect(watch.isDone(mission.id)).toBe(false);
			expect(stored(storage)).toEqual({});
			expect(watch.announcement).toBe('');
		}
	});

	it('checks a playing world at most every 250 ms', async () => {
		const { watch, clock } = await watcher();
		const w = world();
		mission.solve(w);
		watch.see({ events: [], reset: true, reason: 'load' });
		w.runUntil(mission.until);
		clock.t = 100;
		watch.see({ events: w.events, reset: false, reason: 'tick' });
		expect(watch.isDone(mission.id)).toBe(false);
		clock.t = 250;
		watch.see({ events: [], reset: false, reason: 'tick' });
		expect(watch.isDone(mission.id)).toBe(true);
	});
});
