import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScenarioText } from '../src/lib/sim';
import { scenarioNames, scenarioText } from './scenarios';

function sim(args: string[]) {
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/sim.ts', ...args], { encoding: 'utf8' });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('scenario files', () => {
	it.each(scenarioNames())('%s is valid and named after its file', (name) => {
		const parsed = parseScenarioText(scenarioText(name)!);
		expect(parsed.ok ? [] : parsed.errors).toEqual([]);
		expect(parsed.ok && parsed.scenario.name).toBe(name);
	});
});

describe('npm run sim', () => {
	it('writes the world export to --out, the same bytes on a second run', () => {
		const dir = mkdtempSync(join(tmpdir(), 'rollup-lab-sim-'));
		const args = ['--scenario', 'happy-path', '--seed', '7', '--finality', 'zk', '--until', '3h'];
		const a = sim([...args, '--out', join(dir, 'a.json')]);
		const b = sim([...args, '--out', join(dir, 'b.json')]);
		expect(a.code).toBe(0);
		expect(b.code).toBe(0);
		const text = readFileSync(join(dir, 'a.json'), 'utf8');
		expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(text);
		const ex = JSON.parse(text);
		expect(ex).toMatchObject({ format: 'rollup-lab/world-export@2', scenario: 'happy-path', seed: 7, finality: 'zk' });
		expect(ex.batches.length).toBeGreaterThan(0);
		expect(a.stderr).toMatch(/^wrote .*a\.json: \d+ batches/);
	});

	it.each([
		{ args: ['--scenario', 'nope', '--seed', '1'], message: /no scenario "nope"/ },
		{ args: ['--scenario', 'happy-path'], message: /--seed is required/ },
		{ args: ['--scenario', 'happy-path', '--seed', '1', '--finality', 'fast'], message: /--finality must be one of optimistic, zk, hybrid/ },
		{ args: ['--scenario', 'happy-path', '--seed', '1', '--until', 'soon'], message: /--until must be a duration/ },
		{ args: ['--bogus'], message: /Unknown option '--bogus'/ },
		{ args: ['--seed', '1'], message: /--scenario or --scenario-file is required/ },
		{ args: ['--scenario', 'happy-path', '--scenario-file', 'x.json', '--seed', '1'], message: /not both/ },
		{ args: ['--scenario-file', '/nonexistent/lesson.json', '--seed', '1'], message: /cannot read the scenario file \/nonexistent\/lesson\.json: no such file/ }
	])('refuses $args with a clear message', ({ args, message }) => {
		const r = sim(args);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(message);
	});

	it('runs a hand-written scenario file, and refuses a bad one with the field named', () => {
		const dir = mkdtempSync(join(tmpdir(), 'rollup-lab-scenario-'));
		const good = { format: 'rollup-lab/scenario@1', name: 'my-lesson', title: 'My lesson', summary: 'A teacher wrote this.', users: 3, validators: 1, sequencers: [{ stake: '30000' }, { stake: '30000' }, { stake: '30000' }], params: { trafficUntilMs: 60000 } };
		writeFileSync(join(dir, 'good.json'), JSON.stringify(good));
		const ran = sim(['--scenario-file', join(dir, 'good.json'), '--seed', '2', '--until', '10m']);
		expect(ran.code).toBe(0);
		expect(JSON.parse(ran.stdout)).toMatchObject({ format: 'rollup-lab/world-export@2', scenario: 'my-lesson', seed: 2 });
		writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...good, sequencers: [{ stake: 'lots' }] }));
		const refused = sim(['--scenario-file', join(dir, 'bad.json'), '--seed', '2']);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toMatch(/bad\.json is not a valid scenario:\nsequencers\[0\]\.stake: expected a non-negative decimal METIS amount/);
		writeFileSync(join(dir, 'broken.json'), '{ "format": ');
		expect(sim(['--scenario-file', join(dir, 'broken.json'), '--seed', '2']).stderr).toMatch(/\(file\): not valid JSON/);
	});
});
