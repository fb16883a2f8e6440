/** Reads scenario files from content/scenarios for the command-line tools and tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding the scenario files. */
export const SCENARIO_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../content/scenarios');

/** Names of every scenario file, sorted. */
export function scenarioNames(): string[] {
	return readdirSync(SCENARIO_DIR)
		.filter((f) => f.endsWith('.json'))
		.map((f) => f.slice(0, -5))
		.sort();
}

/** The text of a scenario by name, or null when there is no such file. */
export function scenarioText(name: string): string | null {
	if (!/^[a-z0-9-]+$/.test(name) || !scenarioNames().includes(name)) return null;
	return readFileSync(join(SCENARIO_DIR, `${name}.json`), 'utf8');
}
