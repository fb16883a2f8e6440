/** The badge as files in the browser: SVG text, a PNG drawn from it on a canvas, and sharing that PNG. */
import type { Tier } from '$lib/learn/badge/badge';
import { svgPng } from '$lib/stage/svgPng';

/** The PNG's width and height in pixels. */
export const BADGE_PNG_SIZE = 1024;

/** A file name for the badge without its extension, e.g. `rollup-lab-badge-gold-9of12`. */
export function badgeFileStem(o: { tier: Tier; done: number; total: number }): string {
	return `rollup-lab-badge-${o.tier}-${o.done}of${o.total}`;
}

/** The SVG text as a data: URL for an <img>. */
export function svgDataUrl(svg: string): string {
	return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** The SVG text as a file. */
export function badgeSvgFile(svg: string, stem: string): File {
	return new File([svg], `${stem}.svg`, { type: 'image/svg+xml' });
}

/** The badge (SVG text drawn `size` pixels square) rasterised on a canvas as a PNG file. Everything stays in the browser. */
export async function badgePngFile(svg: string, stem: string, size = BADGE_PNG_SIZE): Promise<File> {
	const blob = await svgPng(svg, size, size);
	return new File([blob], `${stem}.png`, { type: 'image/png' });
}

/** Whether this browser can share a PNG file (the Web Share API with files); false where it cannot or on the server. */
export function canSharePng(): boolean {
	if (typeof navigator === 'undefined' || typeof navigator.canShare !== 'function' || typeof File === 'undefined') return false;
	try {
		return navigator.canShare({ files: [new File([new Uint8Array(0)], 'badge.png', { type: 'image/png' })] });
	} catch {
		return false;
	}
}

/** Whether an error from `navigator.share` only means the person closed the share sheet. */
export function isShareCancel(error: unknown): boolean {
	return error instanceof DOMException && error.name === 'AbortError';
}
