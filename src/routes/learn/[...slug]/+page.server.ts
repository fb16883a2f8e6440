import { error } from '@sveltejs/kit';
import { allLearnPaths, learnPage } from '$lib/learn/learnPage.server';
import type { EntryGenerator, PageServerLoad } from './$types';

/** Every lesson, step and test is prerendered. */
export const entries: EntryGenerator = () => allLearnPaths().map((slug) => ({ slug }));

/** A step (with its lesson and neighbours), a lesson's overview, or a test. */
export const load: PageServerLoad = ({ params }) => learnPage(params.slug) ?? error(404, 'There is no such lesson or step.');
