/** Where a statechart's edges belong and which layer each state goes in, for the layered layout. */
import { group } from 'd3';
import type { MachineState } from '$lib/sim';

/** Which container an edge belongs to and the children of it that its ends lie in (equal for a self-loop). */
export function lift(from: string[], to: string[], rootId: string): { container: string; a: string; b: string } {
	let i = 0;
	while (i < from.length && i < to.length && from[i] === to[i]) i++;
	if (i === from.length || i === to.length) {
		// One end contains the other: a loop on the outer one.
		const outer = from[i - 1];
		const container = i >= 2 ? from[i - 2] : rootId;
		return { container, a: outer, b: outer };
	}
	return { container: from[i - 1], a: from[i], b: to[i] };
}

/** Layers by longest path from the initial child, ignoring the back edges a depth-first walk finds. */
export function layers(kids: MachineState[], links: { a: string; b: string }[]): Map<string, number> {
	const out = new Map(kids.map((k) => [k.id, 0]));
	const next = group(links, (e) => e.a);
	const state = new Map<string, 'open' | 'done'>();
	const forward: { a: string; b: string }[] = [];
	const visit = (id: string) => {
		state.set(id, 'open');
		for (const e of next.get(id) ?? []) {
			if (state.get(e.b) === 'open') continue; // a back edge
			forward.push(e);
			if (!state.has(e.b)) visit(e.b);
		}
		state.set(id, 'done');
	};
	const order = [...kids.filter((k) => k.initial), ...kids.filter((k) => !k.initial)];
	for (const k of order) if (!state.has(k.id)) visit(k.id);
	for (let round = 0; round < kids.length; round++) {
		for (const e of forward) out.set(e.b, Math.max(out.get(e.b)!, out.get(e.a)! + 1));
	}
	return out;
}
