/** Makes sure the end-to-end tests have a browser and a font with Chinese glyphs: installs Debian's Chromium and WenQuanYi Micro Hei when we can. */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEBIAN_CHROMIUM } from './chromium-path.mjs';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };

/** Installs a Debian package (updating the package lists once if the first try fails). */
function aptInstall(pkg) {
	try {
		execSync(`apt-get install -y --no-install-recommends ${pkg}`, { stdio: 'inherit', env });
	} catch {
		execSync('apt-get update', { stdio: 'inherit', env });
		execSync(`apt-get install -y --no-install-recommends ${pkg}`, { stdio: 'inherit', env });
	}
}

/** Whether fontconfig knows a font that covers Chinese. */
function hasChineseFont() {
	try {
		return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).trim().length > 0;
	} catch {
		return false;
	}
}

if (!process.env.CHROMIUM_PATH && !existsSync(DEBIAN_CHROMIUM)) {
	if (isRoot && hasApt) {
		console.log("Chromium is missing: installing Debian's chromium package (apt-get install -y chromium)…");
		aptInstall('chromium');
		if (!existsSync(DEBIAN_CHROMIUM)) {
			console.error(`apt-get finished but ${DEBIAN_CHROMIUM} is still missing.`);
			process.exit(1);
		}
	} else console.log('No Debian Chromium and no root apt-get here: Playwright will use its own browser (npx playwright install chromium).');
}

// The Chinese pages are tested (and pictured) with real glyphs, never boxes.
if (!hasChineseFont()) {
	if (isRoot && hasApt) {
		console.log('No font with Chinese glyphs: installing fonts-wqy-microhei…');
		aptInstall('fonts-wqy-microhei');
	} else console.log('No font with Chinese glyphs here: the Chinese pages will show boxes in screenshots.');
}
