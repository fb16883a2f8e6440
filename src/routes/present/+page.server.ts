import { talks } from '$lib/present/talks.server';
import type { PageServerLoad } from './$types';

/** The talks, for the list. */
export const load: PageServerLoad = () => ({
	talks: talks().map((t) => ({ slug: t.slug, title: t.title, summary: t.summary, minutes: t.minutes, scenes: t.scenes.length }))
});
