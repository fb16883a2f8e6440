/**
 * Lays a statechart out in layers: inside each compound state its children go in columns (left to
 * right, or top to bottom) by their longest path from the initial child, back edges found by a
 * depth-first walk; parallel regions stack; nested states are boxes around their children. Edges
 * between neighbouring layers pass through their label in the gap; longer or nested ones run in a
 * lane below (or beside) the children; self-transitions loop over the state. Text is monospace, so
 * its width is known without measuring the DOM. d3 computes; the component only draws.
 */
import { curveBumpX, curveBumpY, group, line, max, path as d3path, sum } from 'd3';
import type { MachineState, MachineTransition } from '$lib/sim';
import type { EdgeLabel, EdgeShape, InitialMark, LayoutOptions, MachineLayout, Rect, StateBox } from './machineLayoutTypes';
import { lift, layers } from './machineLayers';
import { stateTitle, transitionLines } from './machineLabels';
import { translatePath as translate } from './svgTranslate';

export type { Rect, StateBox, EdgeLabel, EdgeShape, InitialMark, MachineLayout, LayoutOptions } from './machineLayoutTypes';

type Dir = 'LR' | 'TB';

interface Metrics {
	f: number;
	ch: number;
	lineH: number;
	padX: number;
	padY: number;
	gap: number;
}

interface Edge {
	source: string;
	target: string;
	container: string;
	a: string;
	b: string;
	transitions: MachineTransition[];
	lines: string[];
}

interface Geometry {
	edges: EdgeShape[];
	initials: InitialMark[];
}

/**
 * Lays out a machine left to right throughout if that fits the width; else the top level runs top
 * to bottom, then every level; if none fits, the narrowest (the panel scrolls sideways).
 */
export function layoutMachine(options: LayoutOptions): MachineLayout {
	let best: MachineLayout | null = null;
	for (const [top, nested] of [['LR', 'LR'], ['TB', 'LR'], ['TB', 'TB']] as const) {
		const layout = layoutIn(options, top, nested);
		if (layout.width <= options.width) return layout;
		if (!best || layout.width < best.width) best = layout;
	}
	return best!;
}

function layoutIn({ graph, delays, fontPx }: LayoutOptions, rootDir: Dir, nestedDir: Dir): MachineLayout {
	const f = Math.max(12, fontPx);
	const m: Metrics = { f, ch: f * 0.62, lineH: Math.round(f * 1.3), padX: f * 0.7, padY: f * 0.4, gap: f * 0.9 };
	const textW = (s: string) => s.length * m.ch;
	const byId = new Map(graph.states.map((s) => [s.id, s]));
	const children = group(graph.states.slice(1), (s) => s.parent!);
	const root = graph.states[0];
	const chain = (id: string) => {
		const out: string[] = [];
		for (let c: string | null = id; c; c = byId.get(c)?.parent ?? null) out.unshift(c);
		return out;
	};

	// Transitions that stay put are written inside their state; the rest become edges, lifted to the
	// innermost state that contains both ends.
	const stays = new Map<string, string[]>();
	const edges = new Map<string, Edge>();
	for (const t of graph.transitions) {
		const lines = transitionLines(t, delays);
		if (!t.targets.length) {
			stays.set(t.source, [...(stays.get(t.source) ?? []), lines.join(' ')]);
			continue;
		}
		for (const target of t.targets) {
			const key = `${t.source}->${target}`;
			const edge = edges.get(key) ?? { ...lift(chain(t.source), chain(target), root.id), source: t.source, target, transitions: [], lines: [] };
			edge.transitions.push(t);
			edge.lines.push(...lines);
			edges.set(key, edge);
		}
	}
	const edgesIn = group([...edges.values()], (e) => e.container);

	const rel = new Map<string, Rect>([[root.id, { x: 0, y: 0, w: 0, h: 0 }]]);
	const headers = new Map<string, number>();
	const geometry = new Map<string, Geometry>();
	const label = (lines: string[]) => ({ lines, w: (max(lines, textW) ?? 0) + m.f * 0.7, h: lines.length * m.lineH + m.f * 0.3 });

	/** Position of a descendant relative to an ancestor's top-left. */
	const posIn = (ancestor: string, id: string): Rect => {
		const own = rel.get(id)!;
		let x = own.x;
		let y = own.y;
		for (let p = byId.get(id)!.parent; p && p !== ancestor; p = byId.get(p)!.parent) {
			x += rel.get(p)!.x;
			y += rel.get(p)!.y;
		}
		return { x, y, w: own.w, h: own.h };
	};

	const measure = (state: MachineState, dir: Dir): Rect => {
		const kids = children.get(state.id) ?? [];
		const own = stays.get(state.id) ?? [];
		if (!kids.length) {
			const lines = own.length;
			const w = Math.max(f * 5, textW(state.key) + 2 * m.padX, ...own.map((s) => textW(s) + 2 * m.padX));
			const size = { x: 0, y: 0, w, h: m.lineH * (1 + lines) + 2 * m.padY + (lines ? m.padY : 0) };
			rel.set(state.id, size);
			return size;
		}
		const isRoot = state.parent === null;
		const header = isRoot ? 0 : m.lineH * (1 + own.length) + m.padY;
		headers.set(state.id, header);
		const inner = kids.map((k) => measure(k, nestedDir));
		const size = state.type === 'parallel' ? stackRegions(state, kids, inner, header) : arrange(state, kids, dir, header);
		const title = textW(stateTitle(state)) + 2 * m.padX;
		size.w = Math.max(size.w, title, ...(isRoot ? [] : own.map((s) => textW(s) + 2 * m.padX)));
		rel.set(state.id, size);
		return size;
	};

	/** Parallel regions, one under another, all as wide as the widest. */
	const stackRegions = (state: MachineState, kids: MachineState[], inner: Rect[], header: number): Rect => {
		const w = (max(inner, (r) => r.w) ?? 0) + 2 * m.padX;
		let y = header + m.padY;
		kids.forEach((k, i) => {
			const r = rel.get(k.id)!;
			r.x = m.padX;
			r.y = y;
			r.w = w - 2 * m.padX;
			y += inner[i].h + m.padY;
		});
		geometry.set(state.id, { edges: [], initials: [] });
		return { x: 0, y: 0, w, h: y };
	};

	/** A compound state's children in layers along `dir`, with its edges. */
	const arrange = (state: MachineState, kids: MachineState[], dir: Dir, header: number): Rect => {
		const lr = dir === 'LR';
		const mine = edgesIn.get(state.id) ?? [];
		const loops = group(
			mine.filter((e) => e.a === e.b && kids.some((k) => k.id === e.a)),
			(e) => e.a
		);
		const links = mine.filter((e) => e.a !== e.b);
		const layer = layers(kids, links);
		// Slots: a state plus the room its self-loops need above it.
		const slot = new Map(
			kids.map((k) => {
				const r = rel.get(k.id)!;
				const loop = loops.get(k.id);
				const l = loop ? label(loop.flatMap((e) => e.lines)) : null;
				return [k.id, { w: Math.max(r.w, l?.w ?? 0), h: r.h + (l ? l.h + m.f : 0), loop: l }];
			})
		);
		const mainOf = (s: { w: number; h: number }) => (lr ? s.w : s.h);
		const crossOf = (s: { w: number; h: number }) => (lr ? s.h : s.w);
		const columns = [...group(kids, (k) => layer.get(k.id)!)].sort((p, q) => p[0] - q[0]).map(([, ks]) => ks);
		const colMain = columns.map((ks) => max(ks, (k) => mainOf(slot.get(k.id)!)) ?? 0);
		const colCross = columns.map((ks) => sum(ks, (k) => crossOf(slot.get(k.id)!)) + m.gap * (ks.length - 1));
		// Edges between neighbouring layers, direct children at both ends, go through the gap between them.
		const inGap = (e: Edge) => e.source === e.a && e.target === e.b && Math.abs(layer.get(e.a)! - layer.get(e.b)!) === 1;
		const gapEdges = group(links.filter(inGap), (e) => Math.min(layer.get(e.a)!, layer.get(e.b)!));
		const laneEdges = links.filter((e) => !inGap(e));
		// Room either side of the labels for the edge to show (more when edges run down, as labels are short that way).
		const around = lr ? 1.6 * f : 2.6 * f;
		const gapMain = colMain.slice(0, -1).map((_, g) => Math.max(2.5 * f, (max(gapEdges.get(g) ?? [], (e) => mainOf(label(e.lines))) ?? 0) + around));
		const lead = 1.6 * f; // room for the initial mark before the first layer
		const colStart: number[] = [];
		let at = lead;
		colMain.forEach((w, i) => {
			colStart.push(at);
			at += w + (gapMain[i] ?? 0);
		});
		const contentMain = at + m.padX;
		const crossPad = m.padY;
		let contentCross = (max(colCross) ?? 0) + 2 * crossPad;
		// Place each column's states, centred on the cross axis.
		columns.forEach((ks, i) => {
			let c = crossPad + ((max(colCross) ?? 0) - colCross[i]) / 2;
			for (const k of ks) {
				const s = slot.get(k.id)!;
				const r = rel.get(k.id)!;
				const main = colStart[i] + (colMain[i] - mainOf(s)) / 2;
				const loopRoom = s.h - r.h;
				if (lr) Object.assign(r, { x: main + (s.w - r.w) / 2, y: header + c + loopRoom });
				else Object.assign(r, { x: c + (s.w - r.w) / 2, y: header + main + loopRoom });
				c += crossOf(s) + m.gap;
			}
		});
		const box = (id: string) => posIn(state.id, id);
		const shapes: EdgeShape[] = [];
		const curve = line<[number, number]>().curve(lr ? curveBumpX : curveBumpY);
		// Gap edges: stack their labels along the gap so none overlaps another.
		for (const [g, list] of gapEdges) {
			const mid = colStart[g] + colMain[g] + gapMain[g] / 2;
			const want = list.map((e) => {
				const s = box(e.source);
				const t = box(e.target);
				const centre = (r: Rect) => (lr ? r.y + r.h / 2 : r.x + r.w / 2);
				return { e, s, t, l: label(e.lines), at: (centre(s) + centre(t)) / 2, forward: layer.get(e.a)! < layer.get(e.b)! };
			});
			want.sort((p, q) => p.at - q.at || Number(q.forward) - Number(p.forward));
			let next = -Infinity;
			for (const w of want) {
				const size = crossOf(w.l);
				const start = Math.max(w.at - size / 2, next);
				next = start + size + m.f * 0.3;
				const l = lr ? { x: mid - w.l.w / 2, y: start, w: w.l.w, h: w.l.h } : { x: start, y: header + mid - w.l.h / 2, w: w.l.w, h: w.l.h };
				contentCross = Math.max(contentCross, next - (lr ? header : 0));
				const [from, to] = w.forward ? [w.s, w.t] : [w.t, w.s];
				// Points in the direction of travel: out of the source, through the label, into the target;
				// each end meets its state as near the label as its middle half allows, so edges to and fro part.
				const near = (lo: number, size: number, at: number) => Math.min(lo + size * 0.75, Math.max(lo + size * 0.25, at));
				const ly = l.y + l.h / 2;
				const lx = l.x + l.w / 2;
				const pts: [number, number][] = lr
					? [
							[from.x + from.w, near(from.y, from.h, ly)],
							[l.x, ly],
							[l.x + l.w, ly],
							[to.x, near(to.y, to.h, ly)]
						]
					: [
							[near(from.x, from.w, lx), from.y + from.h],
							[lx, l.y],
							[lx, l.y + l.h],
							[near(to.x, to.w, lx), to.y]
						];
				if (!w.forward) pts.reverse();
				shapes.push(shape(w.e, curve(pts)!, { ...l, lines: w.l.lines }));
			}
		}
		// Lane edges run beyond the children, one lane each.
		const crossBase = lr ? header : 0;
		let lane = crossBase + contentCross;
		const spread = new Map<string, number>();
		const offset = (id: string) => {
			const n = spread.get(id) ?? 0;
			spread.set(id, n + 1);
			return (n % 2 ? 1 : -1) * Math.ceil(n / 2) * f * 0.8;
		};
		let laneMainMax = contentMain;
		for (const e of laneEdges) {
			const l = label(e.lines);
			const s = box(e.source);
			const t = box(e.target);
			const thick = crossOf(l) + m.f * 0.4;
			const mid = lane + thick / 2;
			const so = offset(e.source);
			const to = offset(e.target);
			let pts: [number, number][];
			let lx: number;
			let ly: number;
			if (lr) {
				const sx = s.x + s.w / 2 + so;
				const tx = t.x + t.w / 2 + to;
				pts = [
					[sx, s.y + s.h],
					[sx, mid],
					[tx, mid],
					[tx, t.y + t.h]
				];
				lx = Math.max(l.w / 2 + 2, (sx + tx) / 2) - l.w / 2;
				ly = mid - l.h / 2;
				laneMainMax = Math.max(laneMainMax, lx + l.w + m.padX);
			} else {
				const sy = s.y + s.h / 2 + so;
				const ty = t.y + t.h / 2 + to;
				pts = [
					[s.x + s.w, sy],
					[mid, sy],
					[mid, ty],
					[t.x + t.w, ty]
				];
				lx = mid - l.w / 2;
				ly = Math.max(header + l.h / 2 + 2, (sy + ty) / 2) - l.h / 2;
				laneMainMax = Math.max(laneMainMax, ly + l.h + m.padY - header);
			}
			shapes.push(shape(e, line()(pts)!, { x: lx, y: ly, w: l.w, h: l.h, lines: l.lines }));
			lane += thick;
		}
		// Self-loops: an arc over the state, its label above the arc.
		for (const [id, list] of loops) {
			const r = box(id);
			const l = slot.get(id)!.loop!;
			const top = r.y - m.f * 0.9;
			const p = d3path();
			p.moveTo(r.x + r.w * 0.62, r.y);
			p.bezierCurveTo(r.x + r.w * 0.66, top, r.x + r.w * 0.34, top, r.x + r.w * 0.38, r.y);
			const merged: Edge = { ...list[0], transitions: list.flatMap((e) => e.transitions), lines: l.lines };
			shapes.push(shape(merged, p.toString(), { x: r.x + r.w / 2 - l.w / 2, y: top - l.h, w: l.w, h: l.h, lines: l.lines }));
		}
		// The initial mark, before the initial child.
		const initials: InitialMark[] = [];
		const first = kids.find((k) => k.initial);
		if (first) {
			const r = box(first.id);
			const [cx, cy, tip] = lr ? [r.x - lead + f * 0.35, r.y + r.h / 2, r.x] : [r.x + r.w / 2, r.y - lead + f * 0.35, r.y];
			const d = lr ? `M${cx},${cy}H${tip}` : `M${cx},${cy}V${tip}`;
			initials.push({ state: first.id, cx, cy, d });
		}
		geometry.set(state.id, { edges: shapes, initials });
		const crossTotal = lane - crossBase + m.padY;
		return lr ? { x: 0, y: 0, w: laneMainMax, h: header + crossTotal } : { x: 0, y: 0, w: crossTotal, h: header + laneMainMax };
	};

	const shape = (e: Edge, d: string, l: EdgeLabel): EdgeShape => ({ key: `${e.source}->${e.target}`, source: e.source, target: e.target, d, label: l, transitions: e.transitions });

	const size = measure(root, rootDir);
	// Absolute positions, outer boxes first.
	const boxes: StateBox[] = [];
	const outEdges: EdgeShape[] = [];
	const outInitials: InitialMark[] = [];
	const place = (state: MachineState, ox: number, oy: number, depth: number) => {
		const r = rel.get(state.id)!;
		const x = ox + r.x;
		const y = oy + r.y;
		if (depth > 0) boxes.push({ state, depth, x, y, w: r.w, h: r.h, header: headers.get(state.id) ?? 0, stays: stays.get(state.id) ?? [] });
		const geo = geometry.get(state.id);
		if (geo) {
			outEdges.push(...geo.edges.map((e) => ({ ...e, d: translate(e.d, x, y), label: { ...e.label, x: e.label.x + x, y: e.label.y + y } })));
			outInitials.push(...geo.initials.map((i) => ({ ...i, cx: i.cx + x, cy: i.cy + y, d: translate(i.d, x, y) })));
		}
		for (const k of children.get(state.id) ?? []) place(k, x, y, depth + 1);
	};
	place(root, 0, 0, 0);
	return {
		width: Math.ceil(size.w),
		height: Math.ceil(size.h),
		fontPx: f,
		lineH: m.lineH,
		boxes,
		edges: outEdges,
		initials: outInitials,
		anywhere: stays.get(root.id) ?? [],
		topDown: rootDir === 'LR' ? 'none' : nestedDir === 'LR' ? 'top' : 'all'
	};
}
