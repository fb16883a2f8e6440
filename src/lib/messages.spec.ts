import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const settings = JSON.parse(readFileSync(resolve(root, 'project.inlang/settings.json'), 'utf8')) as { baseLocale: string; locales: string[] };
const read = (locale: string) => JSON.parse(readFileSync(resolve(root, `messages/${locale}.json`), 'utf8')) as Record<string, string>;
const placeholders = (text: string) => [...text.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();

describe('every message in every language', () => {
	const base = read(settings.baseLocale);
	const keys = Object.keys(base).filter((k) => k !== '$schema');

	it('ships English and Simplified Chinese', () => {
		expect(settings.locales).toEqual(['en', 'zh-CN']);
	});

	it.each(settings.locales.filter((l) => l !== settings.baseLocale))('%s has every key English has, and no other', (locale) => {
		const other = read(locale);
		const otherKeys = Object.keys(other).filter((k) => k !== '$schema');
		expect(keys.filter((k) => !(k in other)), `missing in ${locale}`).toEqual([]);
		expect(otherKeys.filter((k) => !(k in base)), `in ${locale} but not in English`).toEqual([]);
	});

	it.each(settings.locales)('%s: every message has text and the same placeholders as the English', (locale) => {
		const messages = read(locale);
		for (const k of keys) {
			if (!(k in messages)) continue;
			expect(typeof messages[k] === 'string' && messages[k].trim().length > 0 || base[k].trim() === '', `${locale}: ${k} is empty`).toBe(true);
			expect(placeholders(messages[k]), `${locale}: ${k}`).toEqual(placeholders(base[k]));
		}
	});
});

describe('translated content', () => {
	const lessons = resolve(root, 'content/lessons');
	const firstThree = readdirSync(lessons).sort().slice(0, 3);

	it.each(firstThree)('lesson %s is in Chinese, every page of it', (lesson) => {
		const dirs = ['', ...readdirSync(resolve(lessons, lesson), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)];
		for (const dir of dirs) expect(readdirSync(resolve(lessons, lesson, dir)), `${lesson}/${dir}`).toContain('index.zh-CN.md');
	});

	it('both talks are in Chinese', () => {
		const talks = readdirSync(resolve(root, 'content/talks'));
		for (const t of talks.filter((f) => !f.includes('.zh-CN.'))) expect(talks, t).toContain(t.replace(/\.md$/, '.zh-CN.md'));
	});
});
