/** Makes sure a browser for the end-to-end tests exists: installs Debian's Chromium when we can. */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEBIAN_CHROMIUM } from './chromium-path.mjs';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');

if (process.env.CHROMIUM_PATH || existsSync(DEBIAN_CHROMIUM)) {
	process.exit(0);
}
if (isRoot && hasApt) {
	console.log('Chromium is missing: installing Debian\'s chromium package (apt-get install -y chromium)…');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	try {
		execSync('apt-get install -y --no-install-recommends chromium', { stdio: 'inherit', env });
	} catch {
		execSync('apt-get update', { stdio: 'inherit', env });
		execSync('apt-get install -y --no-install-recommends chromium', { stdio: 'inherit', env });
	}
	if (!existsSync(DEBIAN_CHROMIUM)) {
		console.error(`apt-get finished but ${DEBIAN_CHROMIUM} is still missing.`);
		process.exit(1);
	}
} else {
	console.log('No Debian Chromium and no root apt-get here: Playwright will use its own browser (npx playwright install chromium).');
}
