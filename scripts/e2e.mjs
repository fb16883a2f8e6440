/** Runs the Playwright suite: ensures a browser, keeps browser temp files in .tmp/, never reuses a stale server. */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const run = (cmd, args, env = process.env) => spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;

const ensured = run(process.execPath, ['scripts/ensure-chromium.mjs']);
if (ensured !== 0) process.exit(ensured);

const tmp = resolve('.tmp');
mkdirSync(tmp, { recursive: true });
const env = { ...process.env, CI: '1', TMPDIR: tmp };
process.exit(run('npx', ['playwright', 'test', ...process.argv.slice(2)], env));
