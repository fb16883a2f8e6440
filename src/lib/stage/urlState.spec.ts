import { describe, expect, it } from 'vitest';
import { defaultLink, linkQuery, parseLink, scenarioSeed } from './urlState';

describe('share links', () => {
	it.each([
		['?seed=7&scenario=happy-path&finality=zk', { seed: 7, scenario: 'happy-path', finality: 'zk' }],
		['?scenario=happy-path', { seed: scenarioSeed('happy-path'), scenario: 'happy-path', finality: 'optimistic' }],
		['', defaultLink()]
	])('reads %s', (query, link) => {
		expect(parseLink(new URLSearchParams(query))).toEqual({ link, problems: [] });
	});

	it.each([
		['?seed=abc&finality=nope', ['the seed "abc" is not a whole number', 'the finality "nope" is not one of optimistic, zk, hybrid']],
		['?scenario=nowhere', [expect.stringContaining('there is no scenario "nowhere"')]],
		['?seed=-1', ['the seed "-1" is not a whole number']]
	])('refuses %s and falls back to the default world', (query, problems) => {
		const parsed = parseLink(new URLSearchParams(query));
		expect(parsed.problems).toEqual(problems);
		expect(parsed.link).toEqual(defaultLink());
	});

	it('writes a link that reads back the same', () => {
		const link = { seed: 42, scenario: 'demo', finality: 'optimistic' as const };
		expect(parseLink(new URLSearchParams(linkQuery(link))).link).toEqual(link);
	});
});
