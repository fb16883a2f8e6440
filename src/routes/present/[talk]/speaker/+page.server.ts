import { error } from '@sveltejs/kit';
import { findTalk, talks } from '$lib/present/talks.server';
import type { EntryGenerator, PageServerLoad } from './$types';

/** Every talk's speaker view is prerendered. */
export const entries: EntryGenerator = () => talks().map((t) => ({ talk: t.slug }));

/** The talk, notes and all. */
export const load: PageServerLoad = ({ params }) => ({ talk: findTalk(params.talk) ?? error(404, 'There is no such talk.') });
