import { describe, expect, it } from 'vitest';
import { encode } from 'uqr';
import { lessonAddress, qrPath, readBase, shortAddress } from './qr';

describe('the QR code to the matching lesson', () => {
	it('reads a base URL the speaker typed, or refuses it', () => {
		expect(readBase(' https://rollup.example/lab/ ')).toBe('https://rollup.example/lab');
		expect(readBase('http://192.168.1.20:4173')).toBe('http://192.168.1.20:4173');
		for (const bad of ['rollup.example', 'javascript:alert(1)', 'ftp://x.test', 'https://x.test/?a=1', 'https://u:p@x.test', '']) expect(readBase(bad), bad).toBeNull();
	});

	it('points at the lesson under the base, in the locale asked for', () => {
		expect(lessonAddress('https://r.example', 'two-thirds')).toBe('https://r.example/learn/two-thirds');
		expect(lessonAddress('https://r.example/lab', 'two-thirds', '/zh-CN')).toBe('https://r.example/lab/zh-CN/learn/two-thirds');
		expect(shortAddress('https://r.example/learn/x')).toBe('r.example/learn/x');
	});

	it('draws exactly the dark modules of the code', () => {
		const text = 'https://r.example/learn/a-pool-of-sequencers';
		const { size, data } = encode(text, { ecc: 'M', border: 2 });
		const { size: drawn, path } = qrPath(text);
		expect(drawn).toBe(size);
		const dark = new Set<string>();
		for (const [, x, y, w] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) for (let i = 0; i < Number(w); i++) dark.add(`${Number(x) + i},${y}`);
		let expected = 0;
		for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (data[y][x]) {
			expected++;
			expect(dark.has(`${x},${y}`)).toBe(true);
		}
		expect(dark.size).toBe(expected);
	});
});
