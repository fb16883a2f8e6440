/** The course's Markdown files read from disk (Node only: for tests, which build the course as the site's build does). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** The content folder of this checkout. */
export const CONTENT_DIR = resolve(import.meta.dirname, '../../../../content');

/** Every lesson and test file under `dir` (content/ by default), by its path under content/. */
export function contentFiles(dir: string = CONTENT_DIR): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (d: string) => {
		for (const name of readdirSync(d)) {
			const p = join(d, name);
			if (statSync(p).isDirectory()) walk(p);
			else if (name.endsWith('.md')) out[relative(dir, p)] = readFileSync(p, 'utf8');
		}
	};
	for (const sub of ['lessons', 'tests']) walk(join(dir, sub));
	return out;
}
