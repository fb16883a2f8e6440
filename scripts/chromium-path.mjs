/** Where the test browser is: $CHROMIUM_PATH, else Debian's Chromium, else Playwright's own (undefined). */
import { existsSync } from 'node:fs';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The Chromium executable to launch, or undefined to let Playwright use its own browser. */
export function chromiumPath() {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
	if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
	return undefined;
}
