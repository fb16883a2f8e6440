/**
 * The LRS side of a cmi5 launch: the auth token from the one-time `fetch` URL (POST), the LMS's
 * launch data (the `LMS.LaunchData` state document), and statements put one at a time with that
 * token, so the LRS stores them in the order the learner did things. Errors say what failed.
 */
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages.js';
import type { Cmi5Launch } from './launch';
import { XAPI_VERSION, type Context, type Statement } from './xapi';

/** How the LMS launched the AU (only Normal records completion and success). */
export type LaunchMode = 'Normal' | 'Browse' | 'Review';

/** What the LMS wrote for this launch in `LMS.LaunchData`. */
export interface LaunchData {
	contextTemplate: Context;
	launchMode: LaunchMode;
	masteryScore: number | null;
	moveOn: string | null;
	returnURL: string | null;
}

/** A failure talking to the LRS, in the learner's words. */
export class LrsError extends Error {}

const TokenReply = v.union([v.object({ 'auth-token': v.pipe(v.string(), v.minLength(1)) }), v.object({ 'error-code': v.string(), 'error-text': v.optional(v.string()) })]);

const LaunchDataDoc = v.object({
	contextTemplate: v.record(v.string(), v.unknown()),
	launchMode: v.picklist(['Normal', 'Browse', 'Review']),
	masteryScore: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
	moveOn: v.optional(v.string()),
	returnURL: v.optional(v.string())
});

/** The fetch function used (the browser's, or a fake one in tests). */
export type Http = (input: string, init?: RequestInit) => Promise<Response>;

/** An open cmi5 session: its launch data, and a way to put statements. */
export interface Cmi5Session {
	launchData: LaunchData;
	/** Stores one statement; `keepalive` lets it finish while the page closes. */
	put(statement: Statement, keepalive?: boolean): Promise<void>;
}

function base(endpoint: string): string {
	return endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
}

async function call(http: Http, what: string, url: string, init: RequestInit): Promise<Response> {
	let reply: Response;
	try {
		reply = await http(url, init);
	} catch {
		throw new LrsError(m.embed_lrs_unreachable({ what }));
	}
	if (!reply.ok) throw new LrsError(m.embed_lrs_refused({ what, status: reply.status }));
	return reply;
}

async function json(reply: Response, what: string): Promise<unknown> {
	try {
		return await reply.json();
	} catch {
		throw new LrsError(m.embed_lrs_not_json({ what }));
	}
}

/** Opens a cmi5 session: takes the token from `fetch` (once), then reads the launch data. */
export async function openSession(launch: Cmi5Launch, http: Http): Promise<Cmi5Session> {
	const tokenWhat = m.embed_lrs_what_token();
	const tokenReply = v.safeParse(TokenReply, await json(await call(http, tokenWhat, launch.fetch, { method: 'POST' }), tokenWhat));
	if (!tokenReply.success) throw new LrsError(m.embed_lrs_not_json({ what: tokenWhat }));
	if ('error-code' in tokenReply.output) throw new LrsError(m.embed_lrs_token_error({ code: tokenReply.output['error-code'], text: tokenReply.output['error-text'] ?? '' }));
	const headers = { Authorization: `Basic ${tokenReply.output['auth-token']}`, 'X-Experience-API-Version': XAPI_VERSION };

	const stateUrl = new URL('activities/state', base(launch.endpoint));
	stateUrl.search = new URLSearchParams({ stateId: 'LMS.LaunchData', activityId: launch.activityId, agent: JSON.stringify(launch.actor), registration: launch.registration }).toString();
	const stateWhat = m.embed_lrs_what_launch_data();
	const doc = v.safeParse(LaunchDataDoc, await json(await call(http, stateWhat, stateUrl.href, { headers }), stateWhat));
	if (!doc.success) throw new LrsError(m.embed_lrs_bad_launch_data());
	const launchData: LaunchData = {
		contextTemplate: doc.output.contextTemplate as Context,
		launchMode: doc.output.launchMode,
		masteryScore: doc.output.masteryScore ?? null,
		moveOn: doc.output.moveOn ?? null,
		returnURL: doc.output.returnURL ?? null
	};

	const statements = new URL('statements', base(launch.endpoint));
	return {
		launchData,
		async put(statement, keepalive = false) {
			const url = new URL(statements);
			url.searchParams.set('statementId', statement.id);
			await call(http, m.embed_lrs_what_statement({ verb: statement.verb.display['en-US'] ?? statement.verb.id }), url.href, {
				method: 'PUT',
				headers: { ...headers, 'Content-Type': 'application/json' },
				body: JSON.stringify(statement),
				keepalive
			});
		}
	};
}
