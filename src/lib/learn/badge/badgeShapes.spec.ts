import { describe, expect, it } from 'vitest';
import { escapeXml, num, polar, ringPiece, starPath } from './badgeShapes';

describe('escapeXml', () => {
	it.each([
		['plain', 'plain'],
		['<script>', '&lt;script&gt;'],
		['AT&T', 'AT&amp;T'],
		[`"it's"`, '&quot;it&apos;s&quot;'],
		['&amp;', '&amp;amp;']
	])('%s', (text, escaped) => expect(escapeXml(text)).toBe(escaped));
});

describe('num', () => {
	it.each([
		[1, '1'],
		[1.005, '1'],
		[2.456, '2.46'],
		[-0.001, '0'],
		[-3.14159, '-3.14']
	])('%d', (x, text) => expect(num(x)).toBe(text));
});

describe('shapes', () => {
	it('measures turns clockwise from the top', () => {
		expect(polar(0, 0, 10, 0).map(num)).toEqual(['0', '-10']);
		expect(polar(0, 0, 10, 0.25).map(num)).toEqual(['10', '0']);
	});

	it('draws a ring piece as two arcs joined by lines, the long way round past half a turn', () => {
		expect(ringPiece({ cx: 0, cy: 0, inner: 5, outer: 10, from: 0, to: 0.25 })).toBe('M0 -10A10 10 0 0 1 10 0L5 0A5 5 0 0 0 0 -5Z');
		expect(ringPiece({ cx: 0, cy: 0, inner: 5, outer: 10, from: 0, to: 0.75 })).toContain('A10 10 0 1 1');
	});

	it('draws a star with twice as many corners as tips', () => {
		expect(starPath({ cx: 0, cy: 0, outer: 10, inner: 4, points: 5 }).match(/[ML]/g)).toHaveLength(10);
	});
});
