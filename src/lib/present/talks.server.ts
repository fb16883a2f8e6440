/** The talk tracks in `content/talks/*.md`, read and resolved once at build time, in each language (`name.zh-CN.md` beside a talk translates it). */
import { baseLocale, getLocale } from '$lib/paraglide/runtime';
import { parseTalk } from './talk';
import { resolveTalk } from './resolve';
import type { Talk, TalkSource } from './talkTypes';

const raw = import.meta.glob('/content/talks/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const nameOf = (path: string) => path.split('/').pop()!.replace(/\.md$/, '');

/** Builds the English talks from file texts keyed by path (`name.md`; translations beside them are read by `talks`). */
export function buildTalks(files: Record<string, string>): Talk[] {
	return Object.entries(files)
		.filter(([path]) => !nameOf(path).includes('.'))
		.map(([path, text]) => resolveTalk(parseTalk(text, nameOf(path))))
		.sort((a, b) => a.slug.localeCompare(b.slug));
}

/** A talk in another language: its words from the translation, its worlds (checked to be the same) from the original. */
export function translateTalk(talk: Talk, source: TalkSource, translation: TalkSource): Talk {
	const file = `talks/${translation.slug}.md`;
	if (translation.scenes.length !== source.scenes.length) throw new Error(`${file}: it has ${translation.scenes.length} scenes; the talk it translates has ${source.scenes.length}`);
	if (translation.minutes !== source.minutes) throw new Error(`${file}: minutes differ from the talk it translates`);
	const scenes = talk.scenes.map((scene, i) => {
		const a = source.scenes[i];
		const b = translation.scenes[i];
		const same = (s: typeof a) => JSON.stringify([s.world, s.time, s.pace, s.lesson]);
		if (same(a) !== same(b)) throw new Error(`${file}, scene ${i + 1}: its ::world line must be the same as the original's (only the words are translated)`);
		return { ...scene, subtitle: b.subtitle, notes: b.notes };
	});
	return { ...talk, title: translation.title, summary: translation.summary, scenes };
}

const cached = new Map<string, Talk[]>();

/** Every talk in `locale` (the request's language by default), in file-name order. */
export function talks(locale: string = getLocale()): Talk[] {
	let found = cached.get(locale);
	if (!found) {
		// Each language's talks share the original's worlds: resolved once.
		const english = cached.get(baseLocale) ?? buildTalks(raw);
		cached.set(baseLocale, english);
		found = locale === baseLocale ? english : localTalks(english, locale);
		cached.set(locale, found);
	}
	return found;
}

function localTalks(english: Talk[], locale: string): Talk[] {
	return english.map((talk) => {
		const text = raw[`/content/talks/${talk.slug}.${locale}.md`];
		if (text === undefined) return talk;
		const source = parseTalk(raw[`/content/talks/${talk.slug}.md`], talk.slug);
		return translateTalk(talk, source, parseTalk(text, `${talk.slug}.${locale}`));
	});
}

/** The talk called `slug`, if there is one. */
export function findTalk(slug: string): Talk | undefined {
	return talks().find((t) => t.slug === slug);
}
