import { describe, expect, it } from 'vitest';
import { translated } from './translated';

describe('content in a language', () => {
	const files = { 'lessons/01-a/index.md': 'en', 'lessons/01-a/index.zh-CN.md': 'zh', 'lessons/02-b/index.md': 'en b', 'talks/x.md': 'talk', 'talks/x.zh-CN.md': 'talk zh', 'talks/y.fr.md': 'fr' };

	it('puts each translation in place of its file, and keeps the rest as they are', () => {
		expect(translated(files, 'zh-CN')).toEqual({ 'lessons/01-a/index.md': 'zh', 'lessons/02-b/index.md': 'en b', 'talks/x.md': 'talk zh' });
	});

	it('reads the original language without any translation', () => {
		expect(translated(files, 'en')).toEqual({ 'lessons/01-a/index.md': 'en', 'lessons/02-b/index.md': 'en b', 'talks/x.md': 'talk' });
	});

	it('ignores a translation of a file that does not exist', () => {
		expect(translated({ 'a/index.zh-CN.md': 'zh' }, 'zh-CN')).toEqual({});
	});
});
