import { describe, expect, it } from 'vitest';
import { parseTalk } from './talk';
import { resolveTalk } from './resolve';

const FRONT = `---
title: A test talk
summary: Two scenes.
minutes: 2
lesson: two-thirds
---
`;

const talk = (body: string) => parseTalk(FRONT + body, 'test');

describe('a talk file', () => {
	it('reads scenes: subtitle, world, time, pace, lesson and notes', () => {
		const t = talk(`
## The pool takes turns
::world{scenario="demo" seed="3" finality="zk" focus="pool" at="1m30s" pace="40s"}

Point at the **star**.

## A cheater is caught
::world{scenario="lone-cheater" moment="slash" where="sequencer=seq-0, batch=1" nth="2" pace="1m" lesson="stake-and-slashing"}
`);
		expect(t).toMatchObject({ slug: 'test', title: 'A test talk', minutes: 2 });
		expect(t.scenes[0]).toEqual({ subtitle: 'The pool takes turns', world: { scenario: 'demo', seed: 3, finality: 'zk', focus: 'pool' }, time: { at: 90_000 }, pace: 40_000, lesson: 'two-thirds', notes: '<p>Point at the <strong>star</strong>.</p>' });
		expect(t.scenes[1]).toMatchObject({ time: { moment: { event: 'slash', where: { sequencer: 'seq-0', batch: 1 }, nth: 2 } }, pace: 60_000, lesson: 'stake-and-slashing', notes: '' });
	});

	it.each([
		['no scenes', '', /at least one scene/],
		['text before the first scene', 'Hello\n\n## A\n::world{scenario="demo" at="0" pace="30s"}', /belongs to a scene/],
		['no world line', '## A\n\nNotes', /must be ::world/],
		['two world lines', '## A\n::world{scenario="demo" at="0" pace="30s"}\n\n::world{scenario="demo" at="0" pace="30s"}', /one ::world line/],
		['both at and moment', '## A\n::world{scenario="demo" at="0" moment="slash" pace="30s"}', /either at .* or moment/],
		['neither at nor moment', '## A\n::world{scenario="demo" pace="30s"}', /either at/],
		['a bad time', '## A\n::world{scenario="demo" at="soon" pace="30s"}', /at: expected a simulated time/],
		['no pace', '## A\n::world{scenario="demo" at="0"}', /pace/],
		['a pace too short', '## A\n::world{scenario="demo" at="0" pace="1s"}', /pace: expected a wall time/],
		['an unknown attribute', '## A\n::world{scenario="demo" at="0" pace="30s" colour="red"}', /colour/],
		['where without moment', '## A\n::world{scenario="demo" at="0" pace="30s" where="batch=0"}', /where and nth go with moment/],
		['a bad where', '## A\n::world{scenario="demo" moment="slash" where="batch" pace="30s"}', /field=value/],
		['a bad finality', '## A\n::world{scenario="demo" at="0" pace="30s" finality="fast"}', /finality/],
		['a long subtitle', `## ${'word '.repeat(30)}\n::world{scenario="demo" at="0" pace="30s"}`, /keep it to/]
	])('refuses %s, naming the file and scene', (_, body, message) => {
		expect(() => talk(body)).toThrow(message);
		expect(() => talk(body)).toThrow(/talks\/test\.md/);
	});

	it('refuses bad frontmatter', () => {
		expect(() => parseTalk('---\ntitle: T\nsummary: S\nminutes: 500\nlesson: x\n---\n', 'bad')).toThrow(/talks\/bad\.md: minutes: at most 120/);
	});
});

describe('resolving key moments', () => {
	it('opens a moment scene at the time of that event in its own world', () => {
		const t = resolveTalk(talk(`
## Signed
::world{scenario="demo" moment="finality.signed" where="batch=1" pace="30s"}

## Later
::world{scenario="demo" at="2m" pace="30s"}
`));
		expect(t.scenes[0].at).toBeGreaterThan(0);
		expect(t.scenes[0].moment).toBe('finality.signed, batch=1');
		expect(t.scenes[1]).toMatchObject({ at: 120_000, moment: null });
	});

	it('fails on a scenario that does not exist or a moment that never comes', () => {
		expect(() => resolveTalk(talk('## A\n::world{scenario="nowhere" at="0" pace="30s"}'))).toThrow(/no scenario nowhere/);
		expect(() => resolveTalk(talk('## A\n::world{scenario="happy-path" moment="slash" pace="30s"}'))).toThrow(/scene 1 \("A"\): moment slash never happens/);
	});
});
