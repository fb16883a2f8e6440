/** The course, read from `content/` when the site is built (never shipped as Markdown), in each language. */
import { baseLocale, getLocale } from '$lib/paraglide/runtime';
import { buildCourse } from './content/course';
import { translated } from './content/translated';
import type { Course } from './lessonTypes';

const raw = import.meta.glob('/content/{lessons,tests}/**/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const files = Object.fromEntries(Object.entries(raw).map(([path, text]) => [path.replace(/^\/content\//, ''), text]));

/** The course in English, parsed once: its paths, ids and points are every language's. */
export const course: Course = buildCourse(translated(files, baseLocale));

const local = new Map<string, Course>();

/** The course in `locale` (the request's language by default): each translated lesson file in place of the English one. */
export function localCourse(locale: string = getLocale()): Course {
	if (locale === baseLocale) return course;
	let found = local.get(locale);
	if (!found) local.set(locale, (found = buildCourse(translated(files, locale))));
	return found;
}
