import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPARE, MAX_COMPARED, parseCompare, RACE } from './compareLink';

const parse = (q: string) => parseCompare(new URLSearchParams(q));

describe('compare link', () => {
	it('opens two worlds by default and four for the race', () => {
		expect(parse('').worlds).toEqual(DEFAULT_COMPARE);
		expect(parse('race').worlds).toEqual(RACE);
		expect(RACE.map((w) => w.link.finality).slice(0, 3)).toEqual(['optimistic', 'zk', 'hybrid']);
	});

	it('reads each world as scenario, finality and focus', () => {
		const { worlds, problems } = parse('w=quorum-loss:zk:seq-3&w=demo');
		expect(problems).toEqual([]);
		expect(worlds.map((w) => [w.link.scenario, w.link.finality, w.focus])).toEqual([
			['quorum-loss', 'zk', 'seq-3'],
			['demo', 'hybrid', null]
		]);
	});

	it('names what it leaves out, and falls back when nothing is left', () => {
		const bad = parse('w=nope&w=demo:fast');
		expect(bad.problems).toEqual(['w[0]: there is no scenario "nope"', 'w[1]: finality must be one of optimistic, zk, hybrid']);
		expect(bad.worlds).toEqual(DEFAULT_COMPARE);
		const many = parse(Array.from({ length: MAX_COMPARED + 1 }, () => 'w=demo').join('&'));
		expect(many.worlds).toHaveLength(MAX_COMPARED);
		expect(many.problems).toEqual([`w[${MAX_COMPARED}]: at most ${MAX_COMPARED} worlds run side by side`]);
	});
});
