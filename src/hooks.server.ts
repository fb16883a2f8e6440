/** Each page is rendered (and prerendered) in the language its URL names, with `<html lang>` to match. */
import type { Handle } from '@sveltejs/kit';
import { paraglideMiddleware } from '$lib/paraglide/server';

/** Sets the request's locale for the messages, the content and `<html lang>`. */
export const handle: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
	});
