/** Geometry and text helpers for the badge: plain strings, so the same numbers give the same bytes. */

/** A coordinate written with at most two decimals (no "-0"), so the SVG text is stable and small. */
export function num(x: number): string {
	const r = Math.round(x * 100) / 100;
	return String(Object.is(r, -0) ? 0 : r);
}

/** Text made safe to put inside an SVG element or a double-quoted attribute. */
export function escapeXml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** The point at `radius` and `turn` (0 = straight up, 0.25 = right, clockwise) around the centre. */
export function polar(cx: number, cy: number, radius: number, turn: number): [number, number] {
	const a = turn * 2 * Math.PI;
	return [cx + radius * Math.sin(a), cy - radius * Math.cos(a)];
}

/** The outline of one piece of a ring: between radii `inner` and `outer`, from turn `from` to turn `to`. */
export function ringPiece(o: { cx: number; cy: number; inner: number; outer: number; from: number; to: number }): string {
	const big = o.to - o.from > 0.5 ? 1 : 0;
	const [ax, ay] = polar(o.cx, o.cy, o.outer, o.from);
	const [bx, by] = polar(o.cx, o.cy, o.outer, o.to);
	const [cx2, cy2] = polar(o.cx, o.cy, o.inner, o.to);
	const [dx, dy] = polar(o.cx, o.cy, o.inner, o.from);
	return (
		`M${num(ax)} ${num(ay)}A${num(o.outer)} ${num(o.outer)} 0 ${big} 1 ${num(bx)} ${num(by)}` +
		`L${num(cx2)} ${num(cy2)}A${num(o.inner)} ${num(o.inner)} 0 ${big} 0 ${num(dx)} ${num(dy)}Z`
	);
}

/** A star with `points` tips around (cx, cy): tips at `outer`, notches at `inner`, one tip straight up turned by `turn`. */
export function starPath(o: { cx: number; cy: number; outer: number; inner: number; points: number; turn?: number }): string {
	const parts: string[] = [];
	for (let i = 0; i < o.points * 2; i++) {
		const [x, y] = polar(o.cx, o.cy, i % 2 ? o.inner : o.outer, (o.turn ?? 0) + i / (o.points * 2));
		parts.push(`${i ? 'L' : 'M'}${num(x)} ${num(y)}`);
	}
	return `${parts.join('')}Z`;
}

/** A pointed petal from the centre out to `length`, `width` wide at its middle, along turn `turn`. */
export function petalPath(o: { cx: number; cy: number; from: number; length: number; width: number; turn: number }): string {
	const [bx, by] = polar(o.cx, o.cy, o.from, o.turn);
	const [tx, ty] = polar(o.cx, o.cy, o.length, o.turn);
	const mid = (o.from + o.length) / 2;
	const spread = Math.atan2(o.width, mid) / (2 * Math.PI);
	const [lx, ly] = polar(o.cx, o.cy, mid, o.turn - spread);
	const [rx, ry] = polar(o.cx, o.cy, mid, o.turn + spread);
	return `M${num(bx)} ${num(by)}Q${num(lx)} ${num(ly)} ${num(tx)} ${num(ty)}Q${num(rx)} ${num(ry)} ${num(bx)} ${num(by)}Z`;
}
