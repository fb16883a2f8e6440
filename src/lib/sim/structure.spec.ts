import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SIM = dirname(fileURLToPath(import.meta.url));

/** Every non-test TypeScript file under src/lib/sim, as paths relative to it. */
function sources(dir = SIM): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sources(path);
		return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [relative(SIM, path)] : [];
	});
}

/** The files of src/lib/sim a file imports (type-only imports too: they tie modules as much). */
function importsOf(file: string, files: Set<string>): string[] {
	const text = readFileSync(join(SIM, file), 'utf8');
	const out: string[] = [];
	for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/g)) {
		const target = relative(SIM, resolve(SIM, dirname(file), m[1]));
		const found = [`${target}.ts`, join(target, 'index.ts')].find((f) => files.has(f));
		if (found) out.push(found);
	}
	return out;
}

/** A cycle in the graph, as a list of files, or null. */
function findCycle(graph: Map<string, string[]>): string[] | null {
	const state = new Map<string, 'open' | 'done'>();
	const path: string[] = [];
	const visit = (node: string): string[] | null => {
		if (state.get(node) === 'done') return null;
		if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
		state.set(node, 'open');
		path.push(node);
		for (const next of graph.get(node) ?? []) {
			const cycle = visit(next);
			if (cycle) return cycle;
		}
		path.pop();
		state.set(node, 'done');
		return null;
	};
	for (const node of graph.keys()) {
		const cycle = visit(node);
		if (cycle) return cycle;
	}
	return null;
}

describe('the shape of the simulation', () => {
	const files = new Set(sources());
	const graph = new Map([...files].map((f) => [f, importsOf(f, files)]));

	it('has no import cycle', () => {
		expect(files.size).toBeGreaterThan(40);
		expect(findCycle(graph)).toBeNull();
	});

	it('no protocol step imports another: they meet only through the router', () => {
		const steps = [...files].filter((f) => f.startsWith('world/steps/'));
		expect(steps.length).toBeGreaterThan(10);
		for (const step of steps) expect(graph.get(step)!.filter((f) => f.startsWith('world/steps/')), step).toEqual([]);
		const importers = [...graph].filter(([, targets]) => targets.some((t) => t.startsWith('world/steps/'))).map(([f]) => f);
		expect(importers.sort()).toEqual(['world/router.ts', 'world/world.ts']);
	});

	it('the rules decide without reaching into the world’s steps', () => {
		for (const rule of [...files].filter((f) => f.startsWith('rules/'))) expect(graph.get(rule)!.filter((f) => f.startsWith('world/')), rule).toEqual(graph.get(rule)!.filter((f) => f === 'world/types.ts'));
	});

	it('finds a cycle when there is one (the check itself works)', () => {
		expect(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual(['a', 'b', 'c', 'a']);
		expect(findCycle(new Map([['a', ['b']], ['b', []]]))).toBeNull();
	});
});
