/**
 * Where effects start and land on the stage, and the curved paths they fly along. d3 computes the
 * geometry (scales, interpolation, easing, path strings); the effects layer only draws it.
 */
import { easeCubicInOut, interpolateNumber, path as d3path, scaleBand } from 'd3';
import { userDot, type Point, type StageLayout } from './layout';

/** The batch card in the pool's middle and its quorum meter (mirrors BatchCard.svg.svelte and QuorumMeter.svg.svelte). */
export const CARD = { width: 192, height: 98, dy: 13, meterX: 14, meterY: 52, meterHeight: 16 } as const;

/** Top-left of the batch card. */
export function cardOrigin(layout: StageLayout): Point {
	return { x: layout.pool.cx - CARD.width / 2, y: layout.pool.cy + CARD.dy - CARD.height / 2 };
}

/** The quorum meter's `of` segments across `width` (the same bands QuorumMeter draws). */
function meterBand(of: number, width: number) {
	return scaleBand<number>()
		.domain(Array.from({ length: Math.max(of, 1) }, (_, k) => k))
		.range([0, width])
		.paddingInner(of > 20 ? 0 : 0.12);
}

/** Centre of segment `i` of the quorum meter of `of` segments. */
export function meterSlot(layout: StageLayout, i: number, of: number): Point {
	const o = cardOrigin(layout);
	const width = CARD.width - 2 * CARD.meterX;
	const band = meterBand(of, width);
	const at = Math.min(Math.max(i, 0), Math.max(of, 1) - 1);
	return { x: o.x + CARD.meterX + (band(at) ?? 0) + band.bandwidth() / 2, y: o.y + CARD.meterY + CARD.meterHeight / 2 };
}

/** The meter's box and where its `signed`-th segment starts (the unsigned part begins there). */
export function meterBox(layout: StageLayout, signed: number, of: number): { x: number; y: number; width: number; height: number; unsignedX: number } {
	const o = cardOrigin(layout);
	const width = CARD.width - 2 * CARD.meterX;
	const band = meterBand(of, width);
	const unsignedX = signed >= of ? width : (band(Math.max(signed, 0)) ?? 0);
	return { x: o.x + CARD.meterX, y: o.y + CARD.meterY, width, height: CARD.meterHeight, unsignedX: o.x + CARD.meterX + unsignedX };
}

/**
 * The way a signature goes from sequencer `node` (radius `r`) to its meter slot without crossing the
 * batch card's words: off the node's rim, round the card's nearer side (over its top or bottom corner
 * if the node is above or below it), in at the meter's height, then along the meter.
 */
export function signatureRoute(layout: StageLayout, node: Point, slot: Point, r: number): Point[] {
	const o = cardOrigin(layout);
	const left = node.x < layout.pool.cx;
	const side = left ? o.x - 12 : o.x + CARD.width + 12;
	const entry = { x: side, y: slot.y };
	const corner = node.y < o.y ? { x: side, y: o.y - 12 } : node.y > o.y + CARD.height ? { x: side, y: o.y + CARD.height + 12 } : null;
	const next = corner ?? entry;
	const d = Math.hypot(next.x - node.x, next.y - node.y) || 1;
	const rim = { x: node.x + ((next.x - node.x) / d) * (r + 9), y: node.y + ((next.y - node.y) / d) * (r + 9) };
	return corner ? [rim, corner, entry, slot] : [rim, entry, slot];
}

/** The way from `a` to `b` that keeps off the batch card: straight if that misses it, else round its corners on `b`'s side. */
export function aroundCard(layout: StageLayout, a: Point, b: Point): Point[] {
	const o = cardOrigin(layout);
	const m = 10;
	const hits = Array.from({ length: 21 }, (_, i) => ({ x: a.x + ((b.x - a.x) * i) / 20, y: a.y + ((b.y - a.y) * i) / 20 })).some(
		(p) => p.x > o.x - m && p.x < o.x + CARD.width + m && p.y > o.y - m && p.y < o.y + CARD.height + m
	);
	if (!hits) return [a, b];
	const x = (b.x < layout.pool.cx ? o.x : o.x + CARD.width) + (b.x < layout.pool.cx ? -m - 4 : m + 4);
	const top = { x, y: o.y - m - 4 };
	const bottom = { x, y: o.y + CARD.height + m + 4 };
	return a.y < b.y ? [a, top, bottom, b] : [a, bottom, top, b];
}

/** The point at fraction k ∈ [0, 1] of a polyline's length. */
export function alongRoute(points: Point[], k: number): Point {
	const legs = points.slice(1).map((p, i) => Math.hypot(p.x - points[i].x, p.y - points[i].y));
	let left = Math.min(Math.max(k, 0), 1) * legs.reduce((a, b) => a + b, 0);
	for (let i = 0; i < legs.length; i++) {
		if (left <= legs[i] || i === legs.length - 1) {
			const f = legs[i] ? Math.min(left / legs[i], 1) : 1;
			return { x: points[i].x + (points[i + 1].x - points[i].x) * f, y: points[i].y + (points[i + 1].y - points[i].y) * f };
		}
		left -= legs[i];
	}
	return points[points.length - 1];
}

/** An actor's position: a sequencer's node, a validator's cell (or its panel, for one beyond the grid), or a user's dot. */
export function actorAt(layout: StageLayout, id: string | null): Point | null {
	if (!id) return null;
	const node = layout.nodes.get(id) ?? layout.validatorCells.get(id);
	if (node) return node;
	if (/^val-\d+$/.test(id)) {
		const v = layout.validators;
		return { x: v.x + v.width / 2, y: v.y + v.height - 60 };
	}
	const user = /^user-(\d+)$/.exec(id);
	return user ? userDot(layout, Number(user[1])) : null;
}

/** Top of the L1 block slot `slot` (0 = oldest shown, blockCount - 1 = the one forming). */
export function l1Slot(layout: StageLayout, slot: number): Point & { width: number; height: number } {
	const l = layout.l1;
	return { x: l.blocksLeft + slot * (l.blockWidth + l.blockGap), y: l.blocksTop, width: l.blockWidth, height: l.blockHeight };
}

/** L1 block number shown in the first slot at simulated time `t` (the lane shows the latest blocks and the one forming; mirrors L1Lane.svg.svelte). */
function firstShown(layout: StageLayout, t: number, l1BlockMs: number): number {
	return Math.max(0, Math.floor(t / l1BlockMs) - (layout.l1.blockCount - 2));
}

/** Upper middle of L1 block `n`'s slot if it is on screen at simulated time `t`, else null. */
export function l1Block(layout: StageLayout, n: number, t: number, l1BlockMs: number): Point | null {
	const slot = n - firstShown(layout, t, l1BlockMs);
	if (slot < 0 || slot >= layout.l1.blockCount) return null;
	const s = l1Slot(layout, slot);
	return { x: s.x + s.width / 2, y: s.y + 40 };
}

/** Upper middle of the L1 block being formed at simulated time `t` (where a batch is about to land). */
export function l1Forming(layout: StageLayout, t: number, l1BlockMs: number): Point {
	return l1Block(layout, Math.floor(t / l1BlockMs) + 1, t, l1BlockMs) ?? l1Contract(layout);
}

/** The rollup contract's box on L1 (where evidence, challenges and the forced queue go): its lower right corner, clear of its counts. */
export function l1Contract(layout: StageLayout): Point {
	const l = layout.l1;
	return { x: l.blocksLeft - 34, y: l.blocksTop + l.blockHeight - 20 };
}

/** A flight from `a` to `b`: its path (a gentle arc) and where it is at eased progress k. */
export interface Flight {
	/** SVG path data of the whole arc. */
	d: string;
	/** The point at progress k ∈ [0, 1] (eased). */
	at: (k: number) => Point;
}

/** Flights drawn lately, by their ends: an effect asks for the same one every animation frame. */
const flights = new Map<string, Flight>();
/** Most flights remembered. */
const MAX_FLIGHTS = 400;

/** An arc from `a` to `b` bowing sideways by `bend` × its length (memoized). */
export function flight(a: Point, b: Point, bend = 0.18): Flight {
	const key = `${a.x},${a.y},${b.x},${b.y},${bend}`;
	const known = flights.get(key);
	if (known) return known;
	if (flights.size >= MAX_FLIGHTS) flights.clear();
	const made = makeFlight(a, b, bend);
	flights.set(key, made);
	return made;
}

function makeFlight(a: Point, b: Point, bend: number): Flight {
	const dx = b.x - a.x;
	const dy = b.y - a.y;
	const c = { x: (a.x + b.x) / 2 - dy * bend, y: (a.y + b.y) / 2 + dx * bend };
	const p = d3path();
	p.moveTo(a.x, a.y);
	p.quadraticCurveTo(c.x, c.y, b.x, b.y);
	const x1 = interpolateNumber(a.x, c.x);
	const x2 = interpolateNumber(c.x, b.x);
	const y1 = interpolateNumber(a.y, c.y);
	const y2 = interpolateNumber(c.y, b.y);
	return {
		d: p.toString(),
		at(k: number) {
			const e = easeCubicInOut(Math.min(Math.max(k, 0), 1));
			return { x: interpolateNumber(x1(e), x2(e))(e), y: interpolateNumber(y1(e), y2(e))(e) };
		}
	};
}

/** Progress of an effect at wall time `now`, 0 before it starts and 1 once over. */
export function progress(now: number, span: { start: number; end: number }): number {
	if (span.end <= span.start) return 1;
	return Math.min(Math.max((now - span.start) / (span.end - span.start), 0), 1);
}

/** Opacity that fades in over the first `fadeIn` and out over the last `fadeOut` of progress. */
export function fade(k: number, fadeIn = 0.08, fadeOut = 0.2): number {
	if (k < fadeIn) return k / fadeIn;
	if (k > 1 - fadeOut) return Math.max(0, (1 - k) / fadeOut);
	return 1;
}
