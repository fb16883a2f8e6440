/**
 * Where the stage's short-lived labels go so that none covers another or the stage's own text: each
 * label's box is estimated from its words and font size, then nudged into the nearest free spot
 * inside its panel. Pure: boxes in, boxes out.
 */
import type { Region } from './layout';

/** Smallest font on the stage, in viewBox units: 12 CSS px when the 1000-unit stage is drawn 830 px wide (1280×720). */
export const MIN_FONT = 14.5;

/** A label asking for a place. */
export interface LabelRequest {
	/** Stable id (the effect's). */
	id: string;
	/** Its lines of words, top first. */
	lines: string[];
	/** Font size, viewBox units. */
	size: number;
	/** Where its centre would best be, then other acceptable centres, best first. */
	at: { x: number; y: number }[];
	/** The panel it must stay inside. */
	within: Region;
	/** Extra width on the left for a glyph drawn inside the pill. */
	icon?: number;
	/** When no free spot exists, leave it out rather than cover something. */
	optional?: boolean;
	/** Its panel region is reserved for labels (a lane): only other labels, and `avoid`, are in its way. */
	lane?: boolean;
	/** Boxes in its way besides the obstacles (a lane's own fixed words). */
	avoid?: Region[];
	/** Another way to tell it (other words, elsewhere), tried when it finds no free spot. */
	fallback?: LabelRequest;
}

/** A label with its place. */
export interface PlacedLabel {
	/** The request's id. */
	id: string;
	/** Its lines. */
	lines: string[];
	/** Font size. */
	size: number;
	/** The pill's box. */
	box: Region;
	/** Whether it had to cover something (no free spot was found). */
	crowded: boolean;
}

/** Characters narrower or wider than the average of a bold sans (DejaVu Sans Bold is the widest we meet). */
const NARROW = new Set([...'iljtfr.,:;\'!|() ']);
const WIDE = new Set([...'mwMW']);

/** Estimated width of `text` in bold at `size`, viewBox units (generous, so the real text fits). */
export function textWidth(text: string, size: number): number {
	let em = 0;
	for (const c of text) em += NARROW.has(c) ? 0.38 : WIDE.has(c) ? 0.98 : /[→⚑⚖]/.test(c) ? 1 : /[A-Z0-9✗✓★⚠⏸]/.test(c) ? 0.74 : 0.67;
	// A little over DejaVu Sans Bold's own widths, measured in the browser.
	return em * size * 1.03;
}

/** Line height of a label, as a multiple of its font size. */
const LINE = 1.2;

/** The size of a label's pill: padding of half an em around its widest line. */
export function pillSize(lines: string[], size: number, icon = 0): { width: number; height: number } {
	const widest = Math.max(0, ...lines.map((l) => textWidth(l, size)));
	return { width: widest + size + icon, height: lines.length * size * LINE + size * 0.5 };
}

/** Whether two boxes overlap by more than `gap`. */
export function overlaps(a: Region, b: Region, gap = 0): boolean {
	return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/** Area two boxes share. */
function shared(a: Region, b: Region): number {
	const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
	const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
	return w > 0 && h > 0 ? w * h : 0;
}

/** A box of `size` centred on `c`, moved inside `within` (a box wider than the panel keeps its left edge in). */
function boxAt(c: { x: number; y: number }, size: { width: number; height: number }, within: Region, inset: number): Region {
	const x = Math.max(within.x + inset, Math.min(c.x - size.width / 2, within.x + within.width - inset - size.width));
	const y = Math.max(within.y + inset, Math.min(c.y - size.height / 2, within.y + within.height - inset - size.height));
	return { x, y, width: size.width, height: size.height };
}

/** Spots tried around each wished-for centre, nearest first: a spiral of `step`-unit moves. */
function nudges(step: number, rings: number): { dx: number; dy: number }[] {
	const out: { dx: number; dy: number }[] = [];
	for (let dy = -rings; dy <= rings; dy++) for (let dx = -rings * 2; dx <= rings * 2; dx++) out.push({ dx: dx * step, dy: dy * step });
	// Vertical moves cost twice as much as sideways ones: a label is best on its own line.
	return out.sort((a, b) => Math.hypot(a.dx, a.dy * 2) - Math.hypot(b.dx, b.dy * 2));
}
const NUDGES = nudges(8, 10);

/**
 * Places labels in order (the first has the first pick): each takes the first spot, from its wished-for
 * centres and then nudges around them, that stays `inset` inside its panel and keeps `gap` clear of the
 * obstacles and of the labels already placed. With no such spot it tries its fallback; failing that, an
 * optional label is left out and any other takes the spot that covers least.
 */
export function placeLabels({ labels, obstacles, gap = 3, inset = 4 }: { labels: LabelRequest[]; obstacles: Region[]; gap?: number; inset?: number }): PlacedLabel[] {
	const placed: PlacedLabel[] = [];
	for (const first of labels) {
		const found = placeOne(first, obstacles, placed, gap, inset);
		const fallback = first.fallback && (!found || found.crowded) ? placeOne(first.fallback, obstacles, placed, gap, inset) : null;
		const pick = fallback && (!fallback.crowded || !found) ? fallback : found;
		if (pick) placed.push({ ...pick, id: first.id });
	}
	return placed;
}

/** The best spot for one label given those already placed, or null when an optional one finds no free spot. */
function placeOne(req: LabelRequest, obstacles: Region[], placed: PlacedLabel[], gap: number, inset: number): PlacedLabel | null {
	const size = pillSize(req.lines, req.size, req.icon);
	const taken = [...(req.lane ? [] : obstacles), ...(req.avoid ?? []), ...placed.map((p) => p.box)];
	let best: { box: Region; cover: number } | null = null;
	search: for (const c of req.at) {
		for (const n of NUDGES) {
			const box = boxAt({ x: c.x + n.dx, y: c.y + n.dy }, size, req.within, inset);
			const cover = taken.reduce((sum, t) => sum + (overlaps(box, t, gap) ? shared(box, t) + 1 : 0), 0);
			if (!best || cover < best.cover) best = { box, cover };
			if (cover === 0) break search;
		}
	}
	if (!best || (best.cover > 0 && req.optional)) return null;
	return { id: req.id, lines: req.lines, size: req.size, box: best.box, crowded: best.cover > 0 };
}
