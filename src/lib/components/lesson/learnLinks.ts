/** Where a lesson's links lead: pages under /learn on the site, pages under /embed inside a host's frame. */
import { getContext, setContext } from 'svelte';
import { localizeHref } from '$lib/paraglide/runtime';

/** How a lesson page links to its neighbours. */
export interface LearnLinks {
	/** The address of the page at `path` (a step, a lesson). */
	href: (path: string) => string;
	/** The course's own page, or null where there is none to go to (an embedded module). */
	course: string | null;
	/** Whether the trail links every step of the lesson (false: a single embedded step stays on its page). */
	steps: boolean;
}

/** The site's own links. */
export const SITE_LINKS: LearnLinks = {
	href: (path) => localizeHref(`/learn/${path}`),
	get course() {
		return localizeHref('/learn');
	},
	steps: true
};

const KEY = Symbol('learn-links');

/** Sets the links of the pages below. */
export function provideLinks(links: LearnLinks): void {
	setContext(KEY, links);
}

/** The links of this page (the site's own unless a frame set others). */
export function learnLinks(): LearnLinks {
	return getContext<LearnLinks | undefined>(KEY) ?? SITE_LINKS;
}
