import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const settings = JSON.parse(readFileSync(resolve(root, 'project.inlang/settings.json'), 'utf8')) as { baseLocale: string; locales: string[] };
const read = (locale: string) => JSON.parse(readFileSync(resolve(root, `messages/${locale}.json`), 'utf8')) as Record<string, string>;

describe('the languages', () => {
	const base = read(settings.baseLocale);
	const keys = Object.keys(base).filter((k) => k !== '$schema');

	it('ships English and Simplified Chinese', () => {
		expect(settings.locales).toEqual(['en', 'zh-CN']);
	});

	// scripts/messages.spec.ts checks that every language has every key, with the same parameters.
	it.each(settings.locales)('%s: every message has words', (locale) => {
		const messages = read(locale);
		expect(keys.filter((k) => typeof messages[k] !== 'string' || !messages[k].trim()), locale).toEqual([]);
	});
});

describe('translated content', () => {
	const lessons = resolve(root, 'content/lessons');
	const all = readdirSync(lessons).sort();

	it.each(all)('lesson %s is in Chinese, every page of it', (lesson) => {
		const dirs = ['', ...readdirSync(resolve(lessons, lesson), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)];
		for (const dir of dirs) expect(readdirSync(resolve(lessons, lesson, dir)), `${lesson}/${dir}`).toContain('index.zh-CN.md');
	});

	it('every scenario has its title, summary and what to watch in Chinese', () => {
		const scenarios = resolve(root, 'content/scenarios');
		for (const file of readdirSync(scenarios).filter((f) => f.endsWith('.json'))) {
			const zh = JSON.parse(readFileSync(resolve(scenarios, 'zh-CN', file), 'utf8')) as Record<string, unknown>;
			for (const field of ['title', 'summary', 'watch']) expect(zh[field], `${file} ${field}`).toMatch(/[\u4e00-\u9fff]/);
		}
	});

	it('both talks are in Chinese', () => {
		const talks = readdirSync(resolve(root, 'content/talks'));
		for (const t of talks.filter((f) => !f.includes('.zh-CN.'))) expect(talks, t).toContain(t.replace(/\.md$/, '.zh-CN.md'));
	});
});
