/**
 * Sandbox missions: goals a learner sets themself in /sandbox, checked against the world's event
 * log like a lesson's "try it" goals, each worth points. Each names the scenario and finality it
 * starts from and a way to reach it (`solve`), so a test shows it can be done and that a world left
 * alone does not reach it. Their ids start with `mission-`, apart from every goal's.
 */
import { m } from '$lib/paraglide/messages.js';
import { isEvent } from '$lib/sim/events';
import { applied, at, MIN } from './goalTools';
import { finalityOf, type Mission } from './missions/mission';
import { sandwichRefused } from './missions/sandwich';

export type { Mission } from './missions/mission';

const HOUR = 60 * MIN;
/** Behaviours that break a rule a sequencer can be punished for. */
const CHEATS = new Set(['invalid-tx', 'wrong-state-root', 'equivocate', 'reorder']);

/** The missions, in the order the sandbox lists them. */
export const MISSION_LIST: readonly Mission[] = [
	{
		// A sequencer the learner turned cheat is slashed, in a world under optimistic finality.
		id: 'mission-slash-optimistic',
		scenario: 'happy-path',
		finality: 'optimistic',
		points: 40,
		title: m.mission_slash_title,
		description: m.mission_slash_description,
		achieved: (events) => {
			if (finalityOf(events) !== 'optimistic') return false;
			const cheats = new Map<string, number>();
			for (const c of applied(events, 'sequencer.behaviour')) if (CHEATS.has(String(c.detail.behaviour)) && !cheats.has(String(c.detail.sequencer))) cheats.set(String(c.detail.sequencer), c.t);
			return events.some((e) => isEvent(e, 'slash') && (cheats.get(e.sequencer) ?? Infinity) <= e.t);
		},
		solve: (world) => at(world, 20_000, { type: 'sequencer.behaviour', sequencer: world.snapshot().proposer, behaviour: 'invalid-tx' }),
		until: 30 * MIN
	},
	{
		// With exactly a third of the pool offline, the other two thirds still sign a batch without them.
		id: 'mission-third-offline',
		scenario: 'quorum-loss',
		finality: 'optimistic',
		points: 40,
		title: m.mission_third_title,
		description: m.mission_third_description,
		achieved: (events) => {
			const down = new Set<string>();
			const setSize = new Map<number, number>();
			for (const e of events) {
				if (isEvent(e, 'command.applied') && e.command === 'sequencer.behaviour') {
					const c = JSON.parse(e.detail) as { sequencer: string; behaviour: string };
					if (c.behaviour === 'offline') down.add(c.sequencer);
					else down.delete(c.sequencer);
				} else if (isEvent(e, 'batch.signature')) setSize.set(e.proposal, e.of);
				else if (isEvent(e, 'finality.signed') && down.size > 0 && down.size * 3 >= (setSize.get(e.proposal) ?? Infinity) && !e.signers.some((s) => down.has(s))) return true;
			}
			return false;
		},
		solve: (world) => at(world, 2 * MIN, { type: 'sequencer.behaviour', sequencer: 'seq-5', behaviour: 'honest' }),
		until: 8 * MIN
	},
	{
		// Under hybrid finality, a batch of a cheating majority's world settles on its first attempt, its proof verified by the 4-hour deadline.
		id: 'mission-hybrid-four-hours',
		scenario: 'colluding-majority-hybrid',
		finality: 'hybrid',
		points: 50,
		title: m.mission_hybrid_title,
		description: m.mission_hybrid_description,
		achieved: (events) => {
			if (finalityOf(events) !== 'hybrid') return false;
			const proven = new Set<number>();
			for (const e of events) {
				if (isEvent(e, 'proof.deadline') && e.proofVerified) proven.add(e.proposal);
				else if (isEvent(e, 'finality.settled') && e.honest && e.attempt === 1 && e.t - e.postedAt <= 4 * HOUR && proven.has(e.proposal)) return true;
			}
			return false;
		},
		solve: (world) => {
			for (const s of world.snapshot().sequencers) at(world, 0, { type: 'sequencer.behaviour', sequencer: s.id, behaviour: 'honest' });
		},
		until: 4 * HOUR + 10 * MIN
	},
	{
		// In a world where everyone is honest, a sequencer the learner told to reorder earns from a sandwich; then its peers refuse it.
		id: 'mission-sandwich',
		scenario: 'dex-swaps',
		finality: 'optimistic',
		points: 50,
		title: m.mission_sandwich_title,
		description: m.mission_sandwich_description,
		achieved: sandwichRefused,
		solve: (world) => at(world, 20_000, { type: 'sequencer.behaviour', sequencer: world.snapshot().proposer, behaviour: 'reorder' }),
		until: 10 * MIN
	}
];

/** The missions, by id. */
export const MISSIONS: Readonly<Record<string, Mission>> = Object.fromEntries(MISSION_LIST.map((x) => [x.id, x]));

/** The missions a world of this scenario and finality can meet. */
export function missionsFor(scenario: string, finality: string): Mission[] {
	return MISSION_LIST.filter((x) => x.scenario === scenario && x.finality === finality);
}
