/** The language is in the URL (`/zh-CN/learn/…`); each page's route is found from its address without it. */
import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

/** Routes `/zh-CN/x` to the route of `/x`. */
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
