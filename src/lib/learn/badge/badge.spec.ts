import { describe, expect, it } from 'vitest';
import { badgeSvg, COURSE_LESSONS, type BadgeInput } from './badge';
import { xmlProblem } from './wellFormed';

const L = COURSE_LESSONS;
const gold: BadgeInput = { tier: 'gold', points: 1240, lessons: L.slice(0, 9), missions: ['race', 'slash', 'quorum'], gain: 3 };

/** The text inside the first `<name>` element. */
function inner(svg: string, name: string): string {
	return svg.match(new RegExp(`<${name}[^>]*>([^<]*)</${name}>`))?.[1] ?? '';
}

/** How many lesson pieces are drawn filled (solid) and hollow (dashed). */
function pieces(svg: string): { filled: number; hollow: number } {
	const count = (cls: string) => svg.split(`<path class="${cls}"`).length - 1;
	return { filled: count('lesson done'), hollow: count('lesson todo') };
}

describe('badgeSvg', () => {
	it('is deterministic: the same input twice gives the same bytes', () => {
		expect(badgeSvg(gold)).toBe(badgeSvg({ ...gold, lessons: [...gold.lessons], missions: [...gold.missions] }));
	});

	it('depends on the set of achievements, not the order they are listed in', () => {
		expect(badgeSvg({ ...gold, missions: [...gold.missions].reverse(), lessons: [...gold.lessons].reverse() })).toBe(badgeSvg(gold));
		expect(badgeSvg({ ...gold, lessons: [...gold.lessons, 'not-a-lesson', L[0]] })).toBe(badgeSvg(gold));
	});

	it.each([
		['one more lesson', { lessons: L.slice(0, 10) }],
		['one more mission', { missions: [...gold.missions, 'fees'] }],
		['another mission', { missions: ['race', 'slash', 'fees'] }],
		['another tier', { tier: 'silver' as const }],
		['one more point', { points: 1241 }],
		['another gain', { gain: 4 }],
		['no gain', { gain: null }],
		['another lesson, same count', { lessons: [...L.slice(0, 8), L[11]] }]
	])('differs with %s', (_, change) => {
		expect(badgeSvg({ ...gold, ...change })).not.toBe(badgeSvg(gold));
	});

	it('changes the seeded pattern, not only the words, when achievements change', () => {
		const rosette = (svg: string) => svg.match(/<g opacity="0.9"[\s\S]*?<\/g>/)?.[0];
		expect(rosette(badgeSvg({ ...gold, missions: [...gold.missions, 'fees'] }))).not.toBe(rosette(badgeSvg(gold)));
	});

	it.each([
		['gold', gold],
		['bronze, nothing done', { tier: 'bronze', points: 0, lessons: [], missions: [], gain: null } satisfies BadgeInput],
		['silver, everything', { tier: 'silver', points: 9999, lessons: [...L], missions: Array.from({ length: 40 }, (_, i) => `m${i}`), gain: -2 } satisfies BadgeInput]
	])('is a well-formed standalone SVG document (%s)', (_, input) => {
		const svg = badgeSvg(input);
		expect(xmlProblem(svg)).toBeNull();
		expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 512 512" width="512" height="512"/);
		expect(svg).not.toMatch(/NaN|undefined|Infinity/);
	});

	it('says in its title and description what it shows', () => {
		const svg = badgeSvg(gold);
		expect(inner(svg, 'title')).toBe('Rollup Lab Gold badge: 9 of 12 lessons, 3 missions, 1240 points, test gain +3');
		expect(inner(svg, 'desc')).toContain('A gold rim around a ring of 12 pieces, one per lesson, 9 filled; 3 missions as stars.');
		expect(pieces(svg)).toEqual({ filled: 9, hollow: 3 });
	});

	it.each([
		[{ tier: 'bronze', points: 1, lessons: [L[0]], missions: ['x'], gain: null }, 'Rollup Lab Bronze badge: 1 of 12 lessons, 1 mission, 1 point'],
		[{ tier: 'silver', points: 0, lessons: [], missions: [], gain: 0 }, 'Rollup Lab Silver badge: 0 of 12 lessons, 0 missions, 0 points, test gain 0'],
		[{ tier: 'gold', points: 12.6, lessons: [...L], missions: [], gain: -2 }, 'Rollup Lab Gold badge: 12 of 12 lessons, 0 missions, 13 points, test gain \u22122']
	] satisfies [BadgeInput, string][])('title for %j', (input, title) => {
		expect(inner(badgeSvg(input), 'title')).toBe(title);
	});

	it('draws one star per mission and the tier as stars on the rim', () => {
		const stars = (svg: string, cls: string) => svg.split(`<path class="${cls}"`).length - 1;
		expect(stars(badgeSvg(gold), 'mission')).toBe(3);
		expect(stars(badgeSvg({ ...gold, missions: [] }), 'mission')).toBe(0);
		expect(stars(badgeSvg({ ...gold, missions: Array.from({ length: 30 }, (_, i) => `m${i}`) }), 'mission')).toBe(24);
		expect([gold, { ...gold, tier: 'silver' }, { ...gold, tier: 'bronze' }].map((input) => stars(badgeSvg(input as BadgeInput), 'tier'))).toEqual([3, 2, 1]);
	});

	it('escapes text it puts into the SVG', () => {
		const svg = badgeSvg({ ...gold, missions: ['<script>alert("x")</script>&'] });
		expect(svg).not.toContain('<script');
		expect(xmlProblem(svg)).toBeNull();
	});

	it('takes another course', () => {
		const svg = badgeSvg({ ...gold, lessons: ['a', 'c'] }, { course: ['a', 'b', 'c'], size: 128 });
		expect(svg).toContain('width="128" height="128"');
		expect(inner(svg, 'title')).toContain('2 of 3 lessons');
		expect(pieces(svg)).toEqual({ filled: 2, hollow: 1 });
	});
});

describe('xmlProblem', () => {
	it.each([
		['<a><b/></a>', null],
		['<?xml version="1.0"?>\n<a x="1" y=\'2\'>t &amp; u</a>\n', null],
		['<a>', 'unclosed <a>'],
		['<a></b>', 'a stray </b>'],
		['<a/><b/>', 'more than one root element'],
		['<a x="1" x="2"/>', 'a repeated attribute: x'],
		['<a>AT&T</a>', 'a bare &'],
		['<a x="<"/>', 'a < in attribute x'],
		['<a><b></a>', 'a stray </a>'],
		['<a x=1/>', 'a bad attribute in <a>: x=1'],
		['', 'no root element']
	])('%s', (xml, problem) => {
		expect(xmlProblem(xml)).toBe(problem);
	});
});
