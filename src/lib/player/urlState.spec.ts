import { describe, expect, it } from 'vitest';
import lzString from 'lz-string';
import { createWorld } from '$lib/sim';
import { MINUTE } from '$lib/sim/units';
import { linkRecipe } from './linkRecipe';
import { defaultLink, encodeCommands, linkQuery, parseLink, scenarioSeed, type WorldLink } from './urlState';

const offline = { at: 30_000, command: { type: 'sequencer.behaviour' as const, sequencer: 'seq-1', behaviour: 'offline' as const } };
const cmds = (value: unknown) => lzString.compressToEncodedURIComponent(JSON.stringify(value));

describe('share links', () => {
	it.each([
		['?seed=7&scenario=happy-path&finality=zk', { seed: 7, scenario: 'happy-path', finality: 'zk' }],
		['?scenario=happy-path', { seed: scenarioSeed('happy-path'), scenario: 'happy-path', finality: 'optimistic' }],
		['', defaultLink()],
		['?seed=2&scenario=demo&finality=zk&seqs=9&users=50&p.sampleRate=0.5&p.quorumBy=stake&p.minStake=1000', { seed: 2, scenario: 'demo', finality: 'zk', shape: { sequencers: 9, users: 50 }, params: { sampleRate: 0.5, quorumBy: 'stake', minStake: '1000' } }],
		[`?seed=2&scenario=happy-path&finality=zk&vals=0&cmds=${cmds([offline])}`, { seed: 2, scenario: 'happy-path', finality: 'zk', shape: { validators: 0 }, commands: [offline] }]
	])('reads %s', (query, link) => {
		expect(parseLink(new URLSearchParams(query))).toEqual({ link, problems: [] });
	});

	it.each([
		['?seed=abc&finality=nope', ['the seed "abc" is not a whole number', 'the finality "nope" is not one of optimistic, zk, hybrid']],
		['?scenario=nowhere', [expect.stringContaining('there is no scenario "nowhere"')]],
		['?seed=-1', ['the seed "-1" is not a whole number']],
		['?p.sampleRate=7', ['p.sampleRate: a probability cannot exceed 1']],
		['?p.sampleRate=lots', ['p.sampleRate: "lots" is not a number']],
		['?p.quorumNumerator=4', ['p.quorumNumerator: a quorum above 100% (4/3) can never be reached']],
		['?p.blockTime=3', ['p.blockTime: unknown parameter "blockTime"']],
		['?p.quorumBy=weight', ['p.quorumBy: expected "count" or "stake"']],
		['?seqs=1000', ['seqs: expected a whole number of sequencers from 1 to 100']],
		['?users=many', ['users: "many" is not a whole number of users']],
		['?cmds=%24%24%24garbage', ['cmds: the commands could not be read (the link may have been cut short or edited)']],
		[`?cmds=${cmds({ not: 'a list' })}`, ['cmds: the commands could not be read (the link may have been cut short or edited)']],
		[`?cmds=${cmds([{ at: -5, command: { type: 'traffic.rate', txPerSecond: 2 } }])}`, ['cmds[0].at: expected a time in ms, zero or more']],
		[`?cmds=${cmds([{ at: 5, command: { type: 'sequencer.behaviour', sequencer: 'seq-1', behaviour: 'sneaky' } }])}`, [expect.stringMatching(/^cmds\[0\]\.command: behaviour: expected one of honest/)]],
		[`?seqs=2&cmds=${cmds([offline, { ...offline, command: { ...offline.command, sequencer: 'seq-5' } }])}`, ['cmds[1].command: seq-5 does not exist in this world']]
	])('refuses %s and falls back to the default world', (query, problems) => {
		const parsed = parseLink(new URLSearchParams(query));
		expect(parsed.problems).toEqual(problems);
		expect(parsed.link).toEqual(defaultLink());
	});

	it('writes a fresh visit as seed, scenario and finality only', () => {
		expect(linkQuery(defaultLink())).toBe('?seed=1&scenario=demo&finality=hybrid');
	});

	it('writes a link that reads back the same', () => {
		const link: WorldLink = {
			seed: 42,
			scenario: 'demo',
			finality: 'optimistic',
			shape: { sequencers: 12, validators: 40, users: 300 },
			params: { txPerSecond: 8, quorumBy: 'stake', challengeWindowMs: 3_600_000 },
			commands: [offline, { at: 90_000.5, command: { type: 'traffic.rate', txPerSecond: 20 } }]
		};
		const query = linkQuery(link);
		expect(query).toMatch(/^\?seed=42&scenario=demo&finality=optimistic&seqs=12&vals=40&users=300&p\.challengeWindowMs=3600000&p\.quorumBy=stake&p\.txPerSecond=8&cmds=[A-Za-z0-9+$-]+$/);
		expect(parseLink(new URLSearchParams(query))).toEqual({ link, problems: [] });
	});

	it('keeps a long list of commands short enough for a link', () => {
		const many = Array.from({ length: 200 }, (_, i) => ({ at: i * 1000, command: { type: 'traffic.rate' as const, txPerSecond: i % 7 } }));
		expect(encodeCommands(many).length).toBeLessThan(JSON.stringify(many).length / 3);
	});

	it('builds the recipe with the reshaped scenario and the overrides', () => {
		const r = linkRecipe({ seed: 3, scenario: 'demo', finality: 'zk', shape: { sequencers: 3 }, params: { sampleRate: 1 } });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect((r.recipe.scenario as { sequencers: unknown[] }).sequencers).toHaveLength(3);
		expect(r.recipe).toMatchObject({ seed: 3, finality: 'zk', params: { sampleRate: 1 } });
		expect(r.recipe.commands).toBeUndefined();
	});
});

describe('a shared link replays the world exactly', () => {
	it('live dispatches, a seek back and a fork give the same event log as the link they write', () => {
		const link: WorldLink = { seed: 6, scenario: 'proposer-offline', finality: 'optimistic', shape: { sequencers: 4, users: 12 }, params: { trafficUntilMs: 3 * MINUTE } };
		const first = linkRecipe(link);
		if (!first.ok) throw new Error(JSON.stringify(first.errors));
		const world = createWorld(first.recipe);
		world.runUntil(20_000);
		world.dispatch({ type: 'traffic.rate', txPerSecond: 3 });
		world.runUntil(2 * MINUTE);
		world.dispatch({ type: 'validator.behaviour', validator: 'val-1', behaviour: 'lazy' });
		world.runUntil(3 * MINUTE);
		world.seek(100_000);
		world.dispatch({ type: 'sequencer.behaviour', sequencer: 'seq-2', behaviour: 'offline' });
		world.runUntil(4 * MINUTE);
		expect(world.userCommands.map((c) => c.at)).toEqual([20_000, 100_000]);

		const shared = parseLink(new URLSearchParams(linkQuery({ ...link, commands: world.userCommands })));
		expect(shared.problems).toEqual([]);
		const again = linkRecipe(shared.link);
		if (!again.ok) throw new Error(JSON.stringify(again.errors));
		const replay = createWorld(again.recipe);
		replay.runUntil(4 * MINUTE);
		expect(JSON.stringify(replay.events)).toBe(JSON.stringify(world.events));
	});
});
