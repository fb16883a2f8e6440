/** The course, read from `content/` when the site is built (never shipped as Markdown). */
import { buildCourse } from './content/course';
import type { Course } from './lessonTypes';

const raw = import.meta.glob('/content/{lessons,tests}/**/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** The course, parsed once. */
export const course: Course = buildCourse(Object.fromEntries(Object.entries(raw).map(([path, text]) => [path.replace(/^\/content\//, ''), text])));
