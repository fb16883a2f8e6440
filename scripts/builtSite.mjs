/** For the measuring scripts: ensure a browser, build the site (unless told not to) and serve it on 127.0.0.1. */
import { spawn, spawnSync } from 'node:child_process';

/** Ensures Chromium and builds the site; exits the process on failure. `quiet` keeps the build's output off stdout. */
export function prepareSite({ build = true, quiet = false, log = console.log } = {}) {
	if (spawnSync(process.execPath, ['scripts/ensure-chromium.mjs'], { stdio: ['ignore', 'inherit', 'inherit'] }).status !== 0) process.exit(1);
	if (!build) return;
	log('building the site…');
	const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'] });
	if (built.status !== 0) process.exit(built.status ?? 1);
}

/** Serves the built site on `port` and waits until it answers; returns a function that stops it (also run on exit). */
export async function serveSite(port) {
	const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
	const stop = () => {
		try {
			process.kill(-server.pid);
		} catch {
			/* already gone */
		}
	};
	process.on('exit', stop);
	for (let i = 0; i < 120; i++) {
		try {
			if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return stop;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	stop();
	throw new Error(`preview server did not start on port ${port}`);
}
