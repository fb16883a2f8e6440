/**
 * A small LRS and LMS stand-in for a cmi5 launch, on 127.0.0.1: a one-time fetch URL that hands
 * out the auth token, the LMS.LaunchData state document, and a statements resource that checks the
 * token and the xAPI version header and keeps what it is given, in order. CORS is open, as an LRS
 * serving content from another origin must be.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/** A statement as the LRS stored it. */
export type Stored = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What the stand-in was launched with, and what it received. */
export interface Lrs {
	origin: string;
	endpoint: string;
	fetchUrl: string;
	token: string;
	sessionId: string;
	publisherId: string;
	returnURL: string;
	masteryScore: number;
	/** Statements stored, in the order they came. */
	statements: Stored[];
	/** Requests refused, with why. */
	refused: string[];
	/** How many times the fetch URL was called. */
	fetches: number;
	close(): Promise<void>;
}

const CORS = {
	'Access-Control-Allow-Origin': '*',
	'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
	'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version'
};

function body(req: IncomingMessage): Promise<string> {
	return new Promise((resolve) => {
		let text = '';
		req.on('data', (chunk) => (text += chunk));
		req.on('end', () => resolve(text));
	});
}

function json(res: ServerResponse, status: number, value: unknown): void {
	res.writeHead(status, { ...CORS, 'Content-Type': 'application/json' }).end(JSON.stringify(value));
}

/** Starts the stand-in for one launch of `activityId` by `actor` under `registration`. */
export async function startLrs({ activityId, actor, registration, masteryScore = 0.5 }: { activityId: string; actor: unknown; registration: string; masteryScore?: number }): Promise<Lrs> {
	const token = Buffer.from('learner-session:secret').toString('base64');
	const lrs: Lrs = { origin: '', endpoint: '', fetchUrl: '', token, sessionId: 'session-7f3c', publisherId: 'https://example.org/courses/rollup/au/quiz', returnURL: '', masteryScore, statements: [], refused: [], fetches: 0, close: async () => {} };
	const server = createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', lrs.origin);
		if (req.method === 'OPTIONS') return void res.writeHead(204, CORS).end();
		if (url.pathname === '/fetch' && req.method === 'POST') {
			lrs.fetches++;
			return json(res, 200, lrs.fetches === 1 ? { 'auth-token': token } : { 'error-code': '1', 'error-text': 'The authorization token has already been returned.' });
		}
		if (url.pathname === '/returned') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Back at the LMS</title><link rel="icon" href="data:,"><h1>Back at the LMS</h1>');
		if (!url.pathname.startsWith('/xapi/')) return void res.writeHead(404, CORS).end();
		if (req.headers.authorization !== `Basic ${token}` || req.headers['x-experience-api-version'] !== '1.0.3') {
			lrs.refused.push(`${req.method} ${url.pathname}: auth ${req.headers.authorization}, version ${req.headers['x-experience-api-version']}`);
			return json(res, 401, { error: 'unauthorized' });
		}
		if (url.pathname === '/xapi/activities/state' && req.method === 'GET') {
			const q = url.searchParams;
			if (q.get('stateId') !== 'LMS.LaunchData' || q.get('activityId') !== activityId || q.get('registration') !== registration || JSON.stringify(JSON.parse(q.get('agent') ?? 'null')) !== JSON.stringify(actor)) {
				lrs.refused.push(`state: ${url.search}`);
				return json(res, 404, { error: 'no such state' });
			}
			return json(res, 200, {
				contextTemplate: { contextActivities: { grouping: [{ objectType: 'Activity', id: lrs.publisherId }] }, extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': lrs.sessionId } },
				launchMode: 'Normal',
				masteryScore,
				moveOn: 'CompletedAndPassed',
				returnURL: lrs.returnURL
			});
		}
		if (url.pathname === '/xapi/statements' && req.method === 'PUT') {
			const text = await body(req);
			let statement: Stored;
			try {
				statement = JSON.parse(text);
			} catch {
				lrs.refused.push('statement: not JSON');
				return json(res, 400, { error: 'not JSON' });
			}
			if (statement.id !== url.searchParams.get('statementId')) {
				lrs.refused.push(`statement: id ${statement.id} under statementId ${url.searchParams.get('statementId')}`);
				return json(res, 400, { error: 'id mismatch' });
			}
			if (!lrs.statements.some((s) => s.id === statement.id)) lrs.statements.push(statement);
			return void res.writeHead(204, CORS).end();
		}
		lrs.refused.push(`${req.method} ${url.pathname}`);
		json(res, 405, { error: 'not here' });
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as { port: number }).port;
	lrs.origin = `http://127.0.0.1:${port}`;
	lrs.endpoint = `${lrs.origin}/xapi/`;
	lrs.fetchUrl = `${lrs.origin}/fetch`;
	lrs.returnURL = `${lrs.origin}/returned`;
	lrs.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
	return lrs;
}
