/**
 * What an embedded module's address tells it: the host's origin to post statements to (never `*`),
 * an optional mastery score, learner and registration, and a cmi5 launch (endpoint, fetch, actor,
 * registration, activityId). Whatever cannot be used is named, in the learner's words, and left out.
 */
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages.js';
import type { Agent } from './xapi';

/** A cmi5 launch: where the LRS is, where the token comes from, and who, which attempt, which AU. */
export interface Cmi5Launch {
	endpoint: string;
	fetch: string;
	actor: Agent;
	registration: string;
	activityId: string;
}

/** What the module was launched with. */
export interface EmbedLaunch {
	/** The host's origin, to post statements and sizes to (null: nothing is posted). */
	origin: string | null;
	/** Scaled score from which a module counts as passed (null: the module's default). */
	mastery: number | null;
	/** Who the host says the learner is (null: the browser's own key). */
	actor: Agent | null;
	/** The host's registration (attempt) id, if it gave one. */
	registration: string | null;
	/** The cmi5 launch, when every one of its five parameters was given and valid. */
	cmi5: Cmi5Launch | null;
	/** What in the address could not be used, in words. */
	problems: string[];
}

/** The names of a cmi5 launch's parameters. */
export const CMI5_PARAMS = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

const AccountAgent = v.object({
	objectType: v.optional(v.literal('Agent')),
	name: v.optional(v.pipe(v.string(), v.maxLength(500))),
	account: v.object({ homePage: v.pipe(v.string(), v.url()), name: v.pipe(v.string(), v.minLength(1), v.maxLength(500)) })
});
const MboxAgent = v.object({
	objectType: v.optional(v.literal('Agent')),
	name: v.optional(v.pipe(v.string(), v.maxLength(500))),
	mbox: v.pipe(v.string(), v.startsWith('mailto:'), v.maxLength(500))
});

/** The origin `text` names (scheme, host and port, nothing else), or null when it is not one a message can be posted to. */
export function targetOrigin(text: string): string | null {
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return null;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
	return url.origin === text.replace(/\/$/, '') ? url.origin : null;
}

/** An http(s) URL, or null. */
function httpUrl(text: string | null): string | null {
	if (!text) return null;
	try {
		const url = new URL(text);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
	} catch {
		return null;
	}
}

/** An absolute IRI (any scheme), or null. */
function iri(text: string | null): string | null {
	if (!text || text.length > 2000) return null;
	try {
		new URL(text);
		return text;
	} catch {
		return null;
	}
}

/** An agent read from JSON text, with or without an account required, or null. */
function agent(text: string | null, needAccount: boolean): Agent | null {
	if (!text) return null;
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return null;
	}
	const account = v.safeParse(AccountAgent, value);
	if (account.success) return { objectType: 'Agent', ...account.output } as Agent;
	if (needAccount) return null;
	const mbox = v.safeParse(MboxAgent, value);
	return mbox.success ? ({ objectType: 'Agent', ...mbox.output } as Agent) : null;
}

/** Reads a module's launch from its query string. Never throws. */
export function readLaunch(query: URLSearchParams): EmbedLaunch {
	const problems: string[] = [];
	const originText = query.get('origin');
	const origin = originText === null ? null : targetOrigin(originText);
	if (originText !== null && !origin) problems.push(m.embed_problem_origin({ value: originText.slice(0, 80) }));

	const masteryText = query.get('mastery');
	const masteryValue = masteryText === null ? NaN : Number(masteryText);
	const mastery = masteryText !== null && masteryText.trim() !== '' && masteryValue >= 0 && masteryValue <= 1 ? masteryValue : null;
	if (masteryText !== null && mastery === null) problems.push(m.embed_problem_mastery({ value: masteryText.slice(0, 40) }));

	// A launch is cmi5 when it names an LRS, a token or an AU; actor and registration alone may come from any host.
	const cmi5Given = ['endpoint', 'fetch', 'activityId'].some((name) => query.has(name));
	const endpoint = httpUrl(query.get('endpoint'));
	const fetchUrl = httpUrl(query.get('fetch'));
	const actor = agent(query.get('actor'), cmi5Given);
	const registrationText = query.get('registration');
	const registration = registrationText && UUID.test(registrationText) ? registrationText.toLowerCase() : null;
	const activityId = iri(query.get('activityId'));
	if (query.has('actor') && !actor) problems.push(m.embed_problem_actor());
	if (registrationText !== null && !registration) problems.push(m.embed_problem_registration());

	let cmi5: Cmi5Launch | null = null;
	if (cmi5Given) {
		const bad = CMI5_PARAMS.filter((name) => ({ endpoint, fetch: fetchUrl, actor, registration, activityId })[name] === null);
		if (bad.length) problems.push(m.embed_problem_cmi5({ names: bad.join(', ') }));
		else cmi5 = { endpoint: endpoint!, fetch: fetchUrl!, actor: actor!, registration: registration!, activityId: activityId! };
	}
	return { origin, mastery, actor, registration, cmi5, problems };
}
