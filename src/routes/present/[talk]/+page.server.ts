import { error } from '@sveltejs/kit';
import { localCourse } from '$lib/learn/course.server';
import { findTalk, talks } from '$lib/present/talks.server';
import type { EntryGenerator, PageServerLoad } from './$types';

/** Every talk is prerendered. */
export const entries: EntryGenerator = () => talks().map((t) => ({ talk: t.slug }));

/** The talk, and the titles of the lessons its QR codes open. */
export const load: PageServerLoad = ({ params }) => {
	const talk = findTalk(params.talk) ?? error(404, 'There is no such talk.');
	const lessons = Object.fromEntries(localCourse().lessons.map((l) => [l.slug, l.title]));
	return { talk, lessons };
};
