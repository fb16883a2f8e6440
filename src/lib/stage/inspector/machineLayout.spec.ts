import { ACTOR_MACHINES } from '$lib/sim/actors/machineList';
import { describe, expect, it } from 'vitest';
import { machineGraph } from '$lib/sim/actors/machineGraph';
import { sequencerMachine } from '$lib/sim/actors/sequencerMachine';
import { validatorMachine } from '$lib/sim/actors/validatorMachine';
import { layers, lift } from './machineLayers';
import { layoutMachine, type Rect } from './machineLayout';
import { formatDelay, transitionLines } from './machineLabels';

const MACHINES = ACTOR_MACHINES;

const overlap = (p: Rect, q: Rect) => p.x < q.x + q.w - 0.5 && q.x < p.x + p.w - 0.5 && p.y < q.y + q.h - 0.5 && q.y < p.y + p.h - 0.5;
const inside = (inner: Rect, outer: Rect) => inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.w <= outer.x + outer.w + 0.5 && inner.y + inner.h <= outer.y + outer.h + 0.5;

describe('layoutMachine: every machine drawn whole and legible', () => {
	describe.each(MACHINES)('%s', (_name, machine) => {
		const graph = machineGraph(machine);
		const layout = layoutMachine({ graph, delays: { reviewTime: 500, blockTime: 2000 }, fontPx: 13, width: 560 });

		it('draws every state but the root, each nested box around its children', () => {
			expect(layout.boxes.map((b) => b.state.id).sort()).toEqual(graph.states.slice(1).map((s) => s.id).sort());
			const box = new Map(layout.boxes.map((b) => [b.state.id, b]));
			for (const b of layout.boxes) if (b.state.parent && box.has(b.state.parent)) expect(inside(b, box.get(b.state.parent)!)).toBe(true);
			for (const b of layout.boxes) expect(inside(b, { x: 0, y: 0, w: layout.width, h: layout.height })).toBe(true);
		});

		it('draws an edge for every transition that changes state, labels clear of states and of each other', () => {
			const drawn = layout.edges.flatMap((e) => e.transitions);
			expect(new Set(drawn).size).toBe(graph.transitions.filter((t) => t.targets.length).length);
			const leaves = layout.boxes.filter((b) => b.header === 0);
			for (const e of layout.edges) {
				for (const b of leaves) expect(overlap(e.label, b), `${e.key} label over ${b.state.id}`).toBe(false);
				expect(inside(e.label, { x: 0, y: 0, w: layout.width, h: layout.height }), `${e.key} label inside`).toBe(true);
			}
			for (const [i, p] of layout.edges.entries()) for (const q of layout.edges.slice(i + 1)) expect(overlap(p.label, q.label), `${p.key} / ${q.key}`).toBe(false);
		});

		it('never sets text under 12 px', () => {
			expect(layoutMachine({ graph, delays: {}, fontPx: 9, width: 300 }).fontPx).toBe(12);
		});
	});

	it('keeps the sequencer within a 560 px panel', () => {
		const layout = layoutMachine({ graph: machineGraph(sequencerMachine), delays: { reviewTime: 500, blockTime: 2000, signTimeout: 9000 }, fontPx: 13, width: 560 });
		expect(layout.width).toBeLessThanOrEqual(560);
	});
});

describe('layers', () => {
	it('puts states by longest path from the initial one, back edges ignored', () => {
		const graph = machineGraph(validatorMachine);
		const kids = graph.states.slice(1);
		const links = graph.transitions.flatMap((t) => t.targets.filter((b) => b !== t.source && t.source !== graph.id).map((b) => ({ a: t.source, b })));
		expect(Object.fromEntries(layers(kids, links))).toEqual({ 'validator.watching': 0, 'validator.checking': 1, 'validator.next': 2 });
	});
});

describe('labels', () => {
	it.each([
		[500, '500 ms'],
		[2000, '2 s'],
		[90_000, '1.5 min'],
		[7_200_000, '2 h']
	])('%d ms reads %s', (ms, text) => expect(formatDelay(ms)).toBe(text));

	it('names the delay now, and the guard or the otherwise case', () => {
		const after = machineGraph(validatorMachine).transitions.filter((t) => t.trigger.kind === 'after');
		expect(after.map((t) => transitionLines(t, { checkTime: 180_000 }))).toEqual([
			['after 3 min', '[isOffline]'],
			['after 3 min', '[isLazy]'],
			['after 3 min', 'otherwise']
		]);
		expect(transitionLines(after[0], {})[0]).toBe('after checkTime');
	});
});

describe('lift', () => {
	it.each([
		['siblings', ['m', 'm.a'], ['m', 'm.b'], { container: 'm', a: 'm.a', b: 'm.b' }],
		['out of a nested state', ['m', 'm.a', 'm.a.x'], ['m', 'm.b'], { container: 'm', a: 'm.a', b: 'm.b' }],
		['into a child of its own parent', ['m', 'm.a'], ['m', 'm.a', 'm.a.x'], { container: 'm', a: 'm.a', b: 'm.a' }],
		['to itself', ['m', 'm.a', 'm.a.x'], ['m', 'm.a', 'm.a.x'], { container: 'm.a', a: 'm.a.x', b: 'm.a.x' }]
	])('%s', (_name, from, to, want) => expect(lift(from, to, 'm')).toEqual(want));
});
