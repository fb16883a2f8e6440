/**
 * A talk's scenes with their key moments found: each `moment` scene's world is run (headless, at
 * build time) until the event happens, and the scene opens at that event's time. A moment that
 * never comes fails the build, naming the scene.
 */
import { eventMatches } from '$lib/learn/gate';
import { findScenario } from '$lib/player/scenarios';
import { createWorld } from '$lib/sim';
import type { Scene, SceneSource, Talk, TalkSource } from './talkTypes';

/** How far a world is run looking for a moment (simulated ms). */
const LOOK_UNTIL = 30 * 86_400_000;

type World = ReturnType<typeof createWorld>;

/** The talk with every scene's opening time resolved. Throws naming a scene whose scenario is unknown or whose moment never comes. */
export function resolveTalk(talk: TalkSource): Talk {
	const worlds = new Map<string, { world: World; read: number; seen: Map<string, number[]> }>();
	const scenes = talk.scenes.map((scene, i): Scene => {
		const where = `talks/${talk.slug}.md, scene ${i + 1} ("${scene.subtitle}")`;
		const entry = findScenario(scene.world.scenario);
		if (!entry) throw new Error(`${where}: there is no scenario ${scene.world.scenario} in content/scenarios`);
		const { time, ...rest } = scene;
		if ('at' in time) return { ...rest, at: time.at, moment: null };
		const key = `${scene.world.scenario}|${scene.world.seed ?? ''}|${scene.world.finality ?? ''}`;
		let run = worlds.get(key);
		if (!run) {
			run = { world: createWorld({ seed: scene.world.seed ?? entry.seed ?? 1, scenario: entry.json, finality: scene.world.finality ?? entry.finality }), read: 0, seen: new Map() };
			worlds.set(key, run);
		}
		return { ...rest, at: findMoment(run, time.moment, where), moment: momentWords(time.moment) };
	});
	return { ...talk, scenes };
}

function findMoment(run: { world: World }, moment: Extract<SceneSource['time'], { moment: unknown }>['moment'], where: string): number {
	const { world } = run;
	let n = 0;
	for (const e of world.events) if (eventMatches(e, moment.event, moment.where) && ++n === moment.nth) return e.t;
	let read = world.events.length;
	while (world.now <= LOOK_UNTIL) {
		if (world.step() === null) break;
		const events = world.events;
		for (; read < events.length; read++) if (eventMatches(events[read], moment.event, moment.where) && ++n === moment.nth) return events[read].t;
	}
	throw new Error(`${where}: moment ${momentWords(moment)}${moment.nth > 1 ? ` (number ${moment.nth})` : ''} never happens in the first 30 days (it happened ${n} times)`);
}

function momentWords(moment: { event: string; where: Record<string, unknown> }): string {
	const fields = Object.entries(moment.where).map(([k, v]) => `${k}=${v}`);
	return [moment.event, ...fields].join(', ');
}
