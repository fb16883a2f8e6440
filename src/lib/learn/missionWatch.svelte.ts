/**
 * Watches a sandbox world for missions: it keeps the world's log from its frames and, at most every
 * 250 ms while it plays, checks the missions that start from the world's scenario and finality,
 * recording each newly met one in the learner's progress record. The missions and the progress
 * store are loaded lazily (`start`), so the sandbox's first load carries only this small watcher.
 */
import { m } from '$lib/paraglide/messages.js';
import type { SimEvent } from '$lib/sim/events';
import type { Mission } from './missions/mission';
import type { ProgressStorage, ProgressStore } from './progressStore.svelte';

/** How often, at most, missions are re-checked while the world plays (wall ms). */
export const MISSION_CHECK_MS = 250;

/** What the watcher reads of a frame: its new events, whether the log was rewound, and why it came. */
export interface MissionFrame {
	/** New events since the last frame; after a reset, the whole log. */
	events: readonly SimEvent[];
	/** The log was rewound (a load or a seek back). */
	reset: boolean;
	/** Why the frame was sent ('tick' while playing). */
	reason: string;
}

/** Where the watcher's clock and storage come from. */
export interface MissionWatchOptions {
	/** The browser's storage, or null where it is blocked. */
	storage: () => ProgressStorage | null;
	/** Wall-clock ms, for the check throttle (performance.now by default). */
	now?: () => number;
}

/** The missions of a sandbox world, and which are done. */
export class MissionWatch {
	/** Every mission, in order (empty until `start` has loaded them). */
	missions = $state.raw<readonly Mission[]>([]);
	/** The running world's scenario and finality, read from its genesis event, or null before one. */
	world = $state.raw<{ scenario: string; finality: string } | null>(null);
	/** The last mission done, in words, for a live region. */
	announcement = $state('');
	/** Missions met in this page (kept even when the record could not be saved). */
	private met = $state.raw<readonly string[]>([]);
	private store = $state.raw<ProgressStore | null>(null);
	private log: SimEvent[] = [];
	private lastCheck = -Infinity;
	private disconnect: () => void = () => {};
	private record: (id: string) => void = () => {};
	private readonly now: () => number;

	/** Makes a watcher; nothing is loaded until `start`. */
	constructor(private readonly options: MissionWatchOptions) {
		this.now = options.now ?? (() => performance.now());
	}

	/** Loads the missions and the learner's progress record, then checks the world seen so far. */
	async start(): Promise<void> {
		const [{ MISSION_LIST }, { ProgressStore }, { achieveGoal }] = await Promise.all([import('./missions'), import('./progressStore.svelte'), import('./progress')]);
		const store = new ProgressStore(this.options.storage());
		store.load();
		this.disconnect = store.connect();
		this.record = (id) => store.update((p) => achieveGoal(p, id));
		this.store = store;
		this.missions = MISSION_LIST;
		this.check();
	}

	/** Takes a frame's events; checks the missions when the frame is not a tick or the last check is old enough. */
	see(frame: MissionFrame): void {
		if (frame.reset) this.log = [...frame.events];
		else for (const e of frame.events) this.log.push(e);
		if (frame.reset || !this.world) this.world = worldOf(this.log);
		if (frame.reason !== 'tick' || this.now() - this.lastCheck >= MISSION_CHECK_MS) this.check();
	}

	/** Whether a mission is done, in the progress record or in this page. */
	isDone(id: string): boolean {
		const goals = this.store?.progress.goals;
		return this.met.includes(id) || (!!goals && Object.hasOwn(goals, id) && goals[id].done);
	}

	/** Whether a mission starts from the world that is running. */
	isHere(mission: Mission): boolean {
		return !!this.world && mission.scenario === this.world.scenario && mission.finality === this.world.finality;
	}

	/** Stops listening to other tabs. */
	destroy(): void {
		this.disconnect();
	}

	private check(): void {
		this.lastCheck = this.now();
		if (!this.store) return;
		for (const mission of this.missions) {
			if (!this.isHere(mission) || this.isDone(mission.id) || !mission.achieved(this.log)) continue;
			this.record(mission.id);
			this.met = [...this.met, mission.id];
			this.announcement = m.ui_missions_achieved({ title: mission.title(), points: mission.points });
		}
	}
}

/** The scenario and finality a log's genesis names, or null. */
function worldOf(log: readonly SimEvent[]): { scenario: string; finality: string } | null {
	const genesis = log.find((e) => e.type === 'world.genesis');
	return genesis?.type === 'world.genesis' ? { scenario: genesis.scenario, finality: genesis.finality } : null;
}
