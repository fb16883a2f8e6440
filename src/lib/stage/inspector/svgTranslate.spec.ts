import { describe, expect, it } from 'vitest';
import { translatePath } from './svgTranslate';

describe('translatePath', () => {
	it.each([
		['M1,2L3,4', 'M11,22L13,24'],
		['M0,0C1,2,3,4,5,6', 'M10,20C11,22,13,24,15,26'],
		['M1.5,2H7V-3', 'M11.5,22H17V17'],
		['M1e-7,0L2,2Z', 'M10,20L12,22Z']
	])('%s moved by (10, 20) is %s', (d, moved) => expect(translatePath(d, 10, 20)).toBe(moved));
});
