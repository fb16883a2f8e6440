/**
 * Runs a scenario headlessly and writes the world export (rollup-lab/world-export@2).
 *   npm run sim -- --scenario happy-path --seed 7 --finality hybrid --until 8d --out world.json
 *   npm run sim -- --scenario-file my-lesson.json --seed 1
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createWorld, FINALITY_MODES, formatErrors, parseScenarioText, WorldConfigError, type FinalityMode } from '../src/lib/sim';
import { parseDuration } from '../src/lib/sim/units';
import { scenarioNames, scenarioText } from './scenarios';

const USAGE = `usage: npm run sim -- (--scenario NAME | --scenario-file PATH) --seed N [--finality optimistic|zk|hybrid] [--until 8d] [--out FILE]
scenarios: ${scenarioNames().join(', ')}`;

function fail(message: string): never {
	process.stderr.write(`${message}\n`);
	process.exit(2);
}

/** A hand-written scenario file's text; a file that cannot be read is refused with why. */
function readScenarioFile(path: string): string {
	try {
		return readFileSync(path, 'utf8');
	} catch (err) {
		fail(`cannot read the scenario file ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
	}
}

/** Parses the command line, runs the world and writes its export. */
function main(): void {
	let values;
	try {
		({ values } = parseArgs({
			options: {
				scenario: { type: 'string' },
				'scenario-file': { type: 'string' },
				seed: { type: 'string' },
				finality: { type: 'string' },
				until: { type: 'string' },
				out: { type: 'string' },
				help: { type: 'boolean' }
			}
		}));
	} catch (err) {
		fail(`${(err as Error).message}\n${USAGE}`);
	}
	if (values.help) {
		process.stdout.write(`${USAGE}\n`);
		return;
	}
	const file = values['scenario-file'];
	if (!values.scenario && !file) fail(`--scenario or --scenario-file is required\n${USAGE}`);
	if (values.scenario && file) fail(`give --scenario or --scenario-file, not both\n${USAGE}`);
	if (values.seed === undefined) fail(`--seed is required\n${USAGE}`);
	const where = file ?? `content/scenarios/${values.scenario}.json`;
	const text = file ? readScenarioFile(file) : scenarioText(values.scenario!);
	if (text === null) fail(`no scenario "${values.scenario}"\n${USAGE}`);
	const parsed = parseScenarioText(text);
	if (!parsed.ok) fail(`${where} is not a valid scenario:\n${formatErrors(parsed.errors)}`);
	const finality = values.finality;
	if (finality !== undefined && !FINALITY_MODES.includes(finality as FinalityMode)) fail(`--finality must be one of ${FINALITY_MODES.join(', ')}`);
	const until = parseDuration(values.until ?? '8d');
	if (until === null) fail(`--until must be a duration such as 8d, 12h or 90m (got "${values.until}")`);
	const seed = /^\d+$/.test(values.seed) ? Number(values.seed) : values.seed;

	let world;
	try {
		world = createWorld({ seed, scenario: parsed.scenario, finality: finality as FinalityMode | undefined });
	} catch (err) {
		if (err instanceof WorldConfigError) fail(err.message);
		throw err;
	}
	world.runUntil(until);
	const json = `${JSON.stringify(world.exportWorld(), null, 2)}\n`;
	if (values.out) {
		writeFileSync(values.out, json);
		const ex = world.exportWorld();
		process.stderr.write(`wrote ${values.out}: ${ex.batches.length} batches, ${ex.events.length} events, ${ex.slashings.length} slashings\n`);
	} else process.stdout.write(json);
}

main();
