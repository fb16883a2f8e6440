import { describe, expect, it } from 'vitest';
import { badgeFileStem, canSharePng, svgDataUrl } from './badgeFile';

describe('badgeFile', () => {
	it('names the file after the tier and the lessons done', () => {
		expect(badgeFileStem({ tier: 'gold', done: 9, total: 12 })).toBe('rollup-lab-badge-gold-9of12');
	});

	it('writes the SVG into a data: URL an <img> can show, with # and quotes escaped', () => {
		const url = svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"><title>#1 & "me"</title></svg>');
		expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
		expect(url).not.toMatch(/[#"<>\s]/);
		expect(decodeURIComponent(url.split(',')[1])).toContain('#1 & "me"');
	});

	it('cannot share where there is no Web Share API (as in Node)', () => {
		expect(canSharePng()).toBe(false);
	});
});
