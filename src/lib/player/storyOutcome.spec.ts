import { describe, expect, it } from 'vitest';
import { createWorld, parseScenarioText, type SimEvent } from '$lib/sim';
import { unsettledTxs } from '$lib/sim/presets';
import { scenarioNames, scenarioText } from '../../../scripts/scenarios';
import { storyOutcome } from './storyOutcome';

const ACTOR = /\b(?:seq|val|user)-\d+\b/g;
const idsIn = (text: string) => [...new Set(text.match(ACTOR) ?? [])].sort();
const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

/** Every actor id any event names: the story may only name actors that exist. */
function actorsOf(events: readonly SimEvent[]): Set<string> {
	const out = new Set<string>();
	for (const e of events) for (const v of Object.values(e)) for (const id of (typeof v === 'string' ? v : Array.isArray(v) ? v.join(' ') : '').match(ACTOR) ?? []) out.add(id);
	return out;
}

/** The demo world (200 users for an hour) takes one to three minutes to run to its end, by how busy the machine is. */
const SLOW = new Set(['demo']);

/** Every preset runs headlessly to its end; the story told of it is true against its log and export. */
describe.each(scenarioNames())('the story of %s', (name) => {
	it('names who cheated, who was slashed and by how much, and what settled, truly', { timeout: SLOW.has(name) ? 400_000 : 60_000 }, () => {
		const parsed = parseScenarioText(scenarioText(name)!);
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
		const world = createWorld({ seed: parsed.scenario.seed ?? 1, scenario: parsed.scenario });
		world.run();
		expect(Number.isFinite(world.nextEventAt), 'the world ran to its end').toBe(false);
		const events = world.events;
		const ex = world.exportWorld();
		const story = storyOutcome(events);
		const text = story.sentences.join(' ');

		expect(story.sentences.length).toBeLessThanOrEqual(2);
		// Slashed: exactly the export's slashings, named in the slash clause and nowhere else as slashed.
		const slashed = sorted(ex.slashings.map((s) => s.sequencer));
		expect(story.slashed).toEqual(slashed);
		const slashClause = story.clauses.find((c) => c.kind === 'slash');
		if (slashed.length) {
			expect(idsIn(slashClause!.text).filter((id) => id.startsWith('seq-'))).toEqual(slashed);
			for (const s of ex.slashings) expect(slashClause!.text).toContain(String(Number(BigInt(s.amount) / 10n ** 18n).toLocaleString('en-US')));
		} else {
			expect(slashClause).toBeUndefined();
			expect(text).toMatch(/nobody (was|could be) slashed/);
		}
		expect(text.replace(/nobody (was|could be) slashed/g, '').includes('slashed')).toBe(slashed.length > 0);
		// Force-unlocked: exactly those the events say.
		const unlocked = sorted(events.flatMap((e) => (e.type === 'sequencer.force-unlocked' ? [e.sequencer] : [])));
		expect(story.forceUnlocked).toEqual(unlocked);
		// Cheaters: the faulty proposers, sandwichers and censors are named; an honest world says so.
		const cheaters = sorted(events.flatMap((e) => (e.type === 'fault.injected' ? [e.actor] : e.type === 'mev.sandwich' || e.type === 'tx.censored' ? [e.proposer] : [])));
		for (const c of cheaters) expect(idsIn(story.clauses.filter((k) => k.kind === 'cheat').map((k) => k.text).join(' '))).toContain(c);
		const offline = events.some((e) => e.type === 'behaviour.changed' && e.behaviour === 'offline');
		expect(text.startsWith('No sequencer cheated')).toBe(cheaters.length === 0 && !offline && !events.some((e) => e.type === 'validator.attested'));
		// Settlement: the count from events matches the export's ground truth.
		const left = unsettledTxs(ex).length;
		expect(story.userTxs - story.settledTxs).toBe(left);
		expect(text.includes(`All ${story.userTxs.toLocaleString('en-US')} transaction`)).toBe(left === 0 && story.userTxs > 0);
		// Transactions dropped before any block held them are counted apart, so the sum is what users sent.
		const sent = events.filter((e) => e.type === 'tx.submitted').length;
		const dropped = Number(/([\d,]+) others? w[ae][sr]e? dropped/.exec(text)?.[1]?.replace(/,/g, '') ?? 0);
		expect(story.userTxs + dropped).toBe(sent);
		// Human words only: real actors, no event types, no hashes.
		const known = actorsOf(events);
		for (const id of idsIn(text)) expect(known.has(id), `${id} exists`).toBe(true);
		expect(text).not.toMatch(/\b[a-z]+\.[a-z-]+\b|0x[0-9a-f]|undefined|NaN/);
	});
});

describe('storyOutcome on a tiny log', () => {
	it('tells an honest world with nothing sent', () => {
		expect(storyOutcome([]).sentences).toEqual(['No sequencer cheated, and nobody was slashed.', 'No user sent a transaction.']);
	});
});
