/** The QR code on a talk's screen: the matching lesson at a base URL the speaker sets, drawn as one SVG path. */
import { encode } from 'uqr';

/** A base URL as the speaker typed it, normalized (no trailing slash), or null when it is not an http(s) address. */
export function readBase(text: string): string | null {
	const trimmed = text.trim();
	if (!/^https?:\/\//i.test(trimmed)) return null;
	try {
		const url = new URL(trimmed);
		if (url.search || url.hash || url.username || url.password) return null;
		return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
	} catch {
		return null;
	}
}

/** The address of lesson `lesson` under `base` (a normalized base; `prefix` is the locale's path prefix, e.g. "/zh-CN", or ""). */
export function lessonAddress(base: string, lesson: string, prefix = ''): string {
	return `${base}${prefix}/learn/${lesson}`;
}

/** The address without its scheme, as it is printed under the code for people who type it. */
export function shortAddress(address: string): string {
	return address.replace(/^https?:\/\//, '');
}

/** A QR code for `text`: its width in modules (border included) and an SVG path of its dark modules. */
export function qrPath(text: string): { size: number; path: string } {
	const { size, data } = encode(text, { ecc: 'M', border: 2 });
	const parts: string[] = [];
	for (let y = 0; y < size; y++) {
		let x = 0;
		while (x < size) {
			if (!data[y][x]) {
				x++;
				continue;
			}
			const start = x;
			while (x < size && data[y][x]) x++;
			parts.push(`M${start} ${y}h${x - start}v1h${start - x}z`);
		}
	}
	return { size, path: parts.join('') };
}
