import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every source file under src/ that can use the catalogue. */
function sources(dir: string, out: string[] = []): string[] {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) {
			if (entry.name !== 'paraglide') sources(path, out);
		} else if (/\.(ts|svelte)$/.test(entry.name) && !entry.name.endsWith('.spec.ts')) out.push(path);
	}
	return out;
}

const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as { baseLocale: string; locales: string[] };
const catalogue = (locale: string) => {
	const { $schema: _schema, ...messages } = JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>;
	return messages;
};

describe('messages catalogue', () => {
	const base = catalogue(settings.baseLocale);

	it('has every key in every language', () => {
		for (const locale of settings.locales) expect(Object.keys(catalogue(locale)).sort(), locale).toEqual(Object.keys(base).sort());
	});

	it('has no message that nothing uses', () => {
		const code = sources('src').map((f) => readFileSync(f, 'utf8')).join('\n');
		const unused = Object.keys(base).filter((key) => !new RegExp(`\\bm\\.${key}\\b`).test(code));
		expect(unused).toEqual([]);
	});

	it('gives every message the same parameters in every language', () => {
		const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
		for (const locale of settings.locales) {
			const messages = catalogue(locale);
			for (const [key, text] of Object.entries(base)) expect(params(messages[key]), `${locale} ${key}`).toEqual(params(text));
		}
	});
});
