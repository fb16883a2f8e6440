import { describe, expect, it } from 'vitest';
import { activity, CMI5, type Statement } from './xapi';
import { EmbedBridge, type BridgeDeps, type EmbedMessage } from './bridge.svelte';
import { readLaunch } from './launch';
import type { Http } from './lrs';

const site = 'https://lab.example';
const course = activity(`${site}/learn`, 'course', 'Course');
const lesson = activity(`${site}/learn/one`, 'lesson', 'Lesson 1');
const step = activity(`${site}/learn/one/quiz`, 'page', 'Quiz');
const question = activity(`${site}/learn/one/quiz#0`, 'q', 'Who orders?');
const actor = { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'ada' } };
const cmi5Query = { endpoint: 'https://lrs.example/xapi', fetch: 'https://lms.example/fetch', actor: JSON.stringify(actor), registration: 'c0a8e3a4-6f0e-4c1f-9d39-2f6a1c7e5b21', activityId: 'https://lms.example/au/1' };

/** A fake LRS: answers fetch, the launch data and statements; `hold` delays the launch data until released. */
function fakeLrs({ launchMode = 'Normal', masteryScore = 0.5, failPuts = 0 } = {}) {
	const stored: Statement[] = [];
	const calls: string[] = [];
	let release: () => void = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	let failures = failPuts;
	const http: Http = async (url, init) => {
		calls.push(`${init?.method ?? 'GET'} ${new URL(url).pathname}`);
		const reply = (status: number, body?: unknown) => new Response(body === undefined ? null : JSON.stringify(body), { status });
		if (url === cmi5Query.fetch) return reply(200, { 'auth-token': 'tok' });
		if ((init?.headers as Record<string, string>).Authorization !== 'Basic tok') return reply(401, {});
		if (url.includes('/activities/state')) {
			await held;
			return reply(200, { contextTemplate: { extensions: { [CMI5.sessionId]: 's-9' } }, launchMode, masteryScore, returnURL: 'https://lms.example/back' });
		}
		if (failures > 0) {
			failures--;
			return reply(503);
		}
		stored.push(JSON.parse(String(init!.body)));
		return reply(204);
	};
	return { http, stored, calls, release };
}

function bridge(query: Record<string, string>, http: Http, module = { activity: step, parent: [lesson], course }) {
	let clock = 1_000;
	let id = 0;
	const posted: EmbedMessage[] = [];
	const deps: BridgeDeps = { now: () => (clock += 500), uuid: () => `00000000-0000-4000-8000-${String(++id).padStart(12, '0')}`, post: (msg) => posted.push(msg), http, learner: async () => ({ objectType: 'Agent', account: { homePage: site, name: '0xabc' } }) };
	return { b: new EmbedBridge(readLaunch(new URLSearchParams(query)), module, deps), posted };
}

const verbs = (list: readonly Statement[]) => list.map((s) => s.verb.display['en-US']);
const statementsPosted = (posted: EmbedMessage[]) => posted.flatMap((m) => (m.action === 'xapi' ? [m.statement] : []));

describe('EmbedBridge, posting to a host', () => {
	it('posts ready, then initialized, answers, completed and failed below the default mastery, as the browser learner', async () => {
		const { b, posted } = bridge({ origin: 'https://host.example' }, async () => new Response(null, { status: 500 }));
		await b.start();
		b.answered(question, step, 0, false);
		b.answered(question, step, 1, true);
		b.finish({ raw: 1, max: 2 });
		b.finish({ raw: 2, max: 2 });
		expect(posted[0]).toEqual({ context: 'rollup-lab', action: 'ready', activity: step.id });
		const made = statementsPosted(posted);
		expect(verbs(made)).toEqual(['initialized', 'answered', 'answered', 'completed', 'failed']);
		expect(made.every((s) => s.actor.account?.name === '0xabc')).toBe(true);
		expect(made[1].context.contextActivities?.parent?.map((a) => a.id)).toEqual([step.id]);
		expect(made[1].context.contextActivities?.grouping?.map((a) => a.id)).toEqual([lesson.id, course.id]);
		expect(made.at(-1)!.result).toEqual({ score: { min: 0, max: 2, raw: 1, scaled: 0.5 }, success: false, duration: expect.stringMatching(/^PT/) });
		expect(b.made).toEqual(made);
		expect(b.lrs).toBe('none');
	});

	it('passes at the mastery the host gives, reports a lesson step done inside a lesson module, and ends with terminated once', async () => {
		const { b, posted } = bridge({ origin: 'https://host.example', mastery: '0.5' }, async () => new Response(null), { activity: lesson, parent: [], course });
		await b.start();
		b.stepDone(step);
		b.finish({ raw: 1, max: 2 });
		expect(b.terminate()).toBeNull();
		expect(b.terminate()).toBeNull();
		const made = statementsPosted(posted);
		expect(verbs(made)).toEqual(['initialized', 'completed', 'completed', 'passed', 'terminated']);
		expect(made[1].object.id).toBe(step.id);
		expect(made[1].context.contextActivities?.parent?.map((a) => a.id)).toEqual([lesson.id]);
	});
});

describe('EmbedBridge, under cmi5', () => {
	it('waits for the launch data so initialized goes first, uses the AU id and the LMS mastery, and puts one statement at a time', async () => {
		const lrs = fakeLrs({ masteryScore: 0.5 });
		const { b, posted } = bridge(cmi5Query, lrs.http);
		const started = b.start();
		b.answered(question, step, 1, true); // before the LRS has answered
		expect(statementsPosted(posted)).toEqual([]);
		lrs.release();
		await started;
		b.finish({ raw: 1, max: 2 });
		expect(b.terminate()).toBe('https://lms.example/back');
		await b.settled();
		expect(lrs.calls.slice(0, 2)).toEqual(['POST /fetch', 'GET /xapi/activities/state']);
		expect(verbs(lrs.stored)).toEqual(['initialized', 'answered', 'completed', 'passed', 'terminated']);
		expect(lrs.stored.map((s) => s.timestamp)).toEqual([...lrs.stored.map((s) => s.timestamp)].sort());
		expect(lrs.stored.filter((s) => s.verb.display['en-US'] !== 'answered').every((s) => s.object.id === cmi5Query.activityId)).toBe(true);
		expect(lrs.stored[1].context.contextActivities?.parent?.[0].id).toBe(cmi5Query.activityId);
		expect(lrs.stored.every((s) => s.context.extensions?.[CMI5.sessionId] === 's-9' && JSON.stringify(s.actor) === JSON.stringify(actor))).toBe(true);
		expect(verbs(statementsPosted(posted))).toEqual(verbs(lrs.stored));
		expect(b.lrs).toBe('live');
	});

	it('sends no judging statements to the LRS when launched to browse', async () => {
		const lrs = fakeLrs({ launchMode: 'Browse' });
		lrs.release();
		const { b } = bridge(cmi5Query, lrs.http);
		await b.start();
		b.finish({ raw: 2, max: 2 });
		b.terminate();
		await b.settled();
		expect(verbs(lrs.stored)).toEqual(['initialized', 'terminated']);
	});

	it('names a failure, keeps what was not sent, and sends it again in order on retry', async () => {
		const lrs = fakeLrs({ failPuts: 1 });
		lrs.release();
		const { b } = bridge(cmi5Query, lrs.http);
		await b.start();
		b.answered(question, step, 1, true);
		await b.settled();
		expect(b.lrs).toBe('failed');
		expect(b.problem).toContain('HTTP 503');
		expect(b.canRetry).toBe(true);
		b.retry();
		b.finish(null);
		await b.settled();
		expect(b.lrs).toBe('live');
		expect(verbs(lrs.stored)).toEqual(['initialized', 'answered', 'completed']);
	});

	it('names a fetch URL used twice, and still reports to the host', async () => {
		const http: Http = async () => new Response(JSON.stringify({ 'error-code': '1', 'error-text': 'already returned' }), { status: 200 });
		const { b, posted } = bridge({ ...cmi5Query, origin: 'https://host.example' }, http);
		await b.start();
		expect(b.lrs).toBe('failed');
		expect(b.problem).toContain('error 1: already returned');
		expect(b.canRetry).toBe(false);
		expect(verbs(statementsPosted(posted))).toEqual(['initialized']);
		expect(statementsPosted(posted)[0].actor).toEqual(actor);
	});
});
