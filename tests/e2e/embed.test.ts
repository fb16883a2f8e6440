import { expect, test, type Page } from '@playwright/test';
import { startHost } from '../../scripts/host.mjs';
import { answerAll } from './quiz';
import { startLrs } from './lrs';
import { axeClean, bringSeq5Back, watch } from './watch';

/** The step embedded: a quiz of three questions, no world. */
const STEP = 'what-a-sequencer-does/quiz';
const VERB = (name: string) => `http://adlnet.gov/expapi/verbs/${name}`;
const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVE_ON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';

type Statement = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Message = { origin: string; data: { context?: string; action?: string; statement?: Statement; height?: number } };

test.use({ viewport: { width: 1280, height: 900 } });

/** The embedded module's frame, once it is hydrated. */
async function moduleFrame(page: Page) {
	const frame = page.frameLocator('iframe');
	await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
	await expect.poll(() => page.frames().find((f) => f.url().includes('/embed/'))?.evaluate(() => document.documentElement.dataset.ready)).toBe('true');
	return frame;
}

/** The first-try score the answered statements show: questions whose first answer was right, of all questions answered. */
function firstTryScore(statements: Statement[]): { raw: number; max: number } {
	const first = new Map<string, boolean>();
	for (const s of statements) if (s.verb.id === VERB('answered') && !first.has(s.object.id)) first.set(s.object.id, s.result.success);
	return { raw: [...first.values()].filter(Boolean).length, max: first.size };
}

test('a host on another origin embeds a step, and receives its statements in order, from the site, with its size; a third origin receives nothing', async ({ page, baseURL }) => {
	const seen = watch(page);
	const lab = new URL(baseURL!).origin;
	const host = await startHost(0);
	const third = await startHost(0);
	try {
		await page.goto(`${host.origin}/?lab=${encodeURIComponent(lab)}&module=${STEP}`);
		const frame = await moduleFrame(page);
		await expect(frame.getByText(`This module tells the page around it (${host.origin})`)).toBeVisible();
		const finish = frame.getByRole('button', { name: 'Finish' });
		await expect(finish).toBeDisabled();
		expect(await answerAll(frame)).toBeGreaterThan(0);
		await finish.click();
		await expect(frame.getByTestId('embed-result')).toContainText('right first time');

		await expect.poll(async () => (await page.evaluate(() => (window as unknown as { statements: Statement[] }).statements)).length).toBeGreaterThanOrEqual(6);
		const messages = await page.evaluate(() => (window as unknown as { messages: Message[] }).messages);
		// Everything came from the site's origin, shaped as the module's messages.
		expect(new Set(messages.map((x) => x.origin))).toEqual(new Set([lab]));
		expect(messages.every((x) => x.data.context === 'rollup-lab')).toBe(true);
		const statements = messages.filter((x) => x.data.action === 'xapi').map((x) => x.data.statement!);
		const verbs = statements.map((s) => s.verb.id.split('/').pop());
		expect(verbs[0]).toBe('initialized');
		expect(verbs.slice(1, -2).every((v) => v === 'answered')).toBe(true);
		expect(verbs.filter((v) => v === 'answered').length).toBeGreaterThanOrEqual(4);
		expect(verbs.at(-2)).toBe('completed');
		expect(['passed', 'failed']).toContain(verbs.at(-1));
		// Activity ids: the step's page for the step, `step#n` for its questions, the lesson and the course around them.
		const stepId = `${lab}/learn/${STEP}`;
		expect(statements.filter((s) => s.verb.id !== VERB('answered')).every((s) => s.object.id === stepId)).toBe(true);
		for (const s of statements.filter((s) => s.verb.id === VERB('answered'))) {
			expect(s.object.id).toMatch(new RegExp(`^${stepId}#\\d+$`));
			expect(s.object.definition.interactionType).toBe('choice');
			expect(s.context.contextActivities.parent[0].id).toBe(stepId);
			expect(s.result.score).toEqual({ min: 0, max: 1, raw: s.result.success ? 1 : 0, scaled: s.result.success ? 1 : 0 });
		}
		expect(statements.at(-1)!.context.contextActivities.parent.map((a: Statement) => a.id)).toEqual([`${lab}/learn/what-a-sequencer-does`]);
		expect(statements.at(-1)!.context.contextActivities.grouping.map((a: Statement) => a.id)).toEqual([`${lab}/learn`]);
		// The score is the questions right at the first try, and passed or failed follows the default mastery (0.8).
		const { raw, max } = firstTryScore(statements);
		expect(max).toBe(3);
		const verdict = statements.at(-1)!;
		expect(verdict.result.score).toEqual({ min: 0, max, raw, scaled: Math.round((raw / max) * 10_000) / 10_000 });
		expect(verdict.verb.id).toBe(VERB(raw / max >= 0.8 ? 'passed' : 'failed'));
		expect(verdict.result.duration).toMatch(/^PT[\d.HMS]+$/);
		// One learner throughout (the browser's own key); ids unique; time runs forward.
		expect(new Set(statements.map((s) => JSON.stringify(s.actor))).size).toBe(1);
		expect(statements[0].actor.account.name).toMatch(/^0x[0-9a-f]{40}$/);
		expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
		const times = statements.map((s) => Date.parse(s.timestamp));
		expect(times).toEqual([...times].sort((a, b) => a - b));
		// The module told the host its height, and the host fitted the frame to it.
		const last = messages.filter((x) => x.data.action === 'resize').at(-1)!.data.height!;
		expect(last).toBeGreaterThan(600);
		await expect.poll(() => page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height)).toBeGreaterThanOrEqual(last);
		await expect(page.getByRole('listitem').filter({ hasText: /^(passed|failed): Check what you know/ })).toBeVisible();

		// A third origin embeds the same step, but the address names the first host as the one to report to: the browser delivers nothing.
		const other = await page.context().newPage();
		const elsewhere = `${lab}/embed/${STEP}?origin=${encodeURIComponent(host.origin)}`;
		await other.goto(`${third.origin}/?src=${encodeURIComponent(elsewhere)}`);
		const otherFrame = await moduleFrame(other);
		await answerAll(otherFrame);
		await otherFrame.getByRole('button', { name: 'Finish' }).click();
		await expect(otherFrame.getByTestId('embed-result')).toBeVisible();
		// And one that names no origin posts nothing at all.
		await other.goto(`${third.origin}/?src=${encodeURIComponent(`${lab}/embed/${STEP}`)}`);
		const silent = await moduleFrame(other);
		await expect(silent.getByText('This module tells the page around it')).toHaveCount(0);
		await answerAll(silent);
		await silent.getByRole('button', { name: 'Finish' }).click();
		await expect(silent.getByTestId('embed-result')).toBeVisible();
		expect(await other.evaluate(() => (window as unknown as { messages: Message[] }).messages)).toEqual([]);
		await other.close();
		expect(seen.errors).toEqual([]);
	} finally {
		await host.close();
		await third.close();
	}
});

test('an embedded mission is passed once its world shows it done, and the host hears so', async ({ page, baseURL }) => {
	test.setTimeout(180_000);
	const seen = watch(page);
	const lab = new URL(baseURL!).origin;
	const host = await startHost(0);
	try {
		await page.goto(`${host.origin}/?lab=${encodeURIComponent(lab)}&module=mission/third-offline`);
		const frame = await moduleFrame(page);
		await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Live with a third offline');
		await expect(frame.getByRole('button', { name: /^(Play|Pause)$/ })).toBeEnabled({ timeout: 45_000 });
		await bringSeq5Back(frame, "Narration of this step's world");
		await expect(frame.getByTestId('embed-result')).toContainText('Finished and passed', { timeout: 90_000 });
		await expect(frame.getByTestId('try-it')).toContainText('Mission done');

		await expect.poll(async () => (await page.evaluate(() => (window as unknown as { statements: Statement[] }).statements)).length).toBe(3);
		const statements = await page.evaluate(() => (window as unknown as { statements: Statement[] }).statements);
		expect(statements.map((s) => s.verb.id.split('/').pop())).toEqual(['initialized', 'completed', 'passed']);
		expect(statements.every((s) => s.object.id === `${lab}/embed/mission/third-offline`)).toBe(true);
		expect(statements[2].result.score).toEqual({ min: 0, max: 40, raw: 40, scaled: 1 });
		expect(statements[2].object.definition.type).toBe('http://adlnet.gov/expapi/activities/simulation');
		expect(seen.errors).toEqual([]);
	} finally {
		await host.close();
	}
});

test('an embedded step has no site chrome, names a bad origin, and is accessible', async ({ page }) => {
	const seen = watch(page);
	await page.goto(`/embed/${STEP}?origin=*`);
	await expect(page.locator('html[data-ready="true"]')).toBeAttached();
	await expect(page.locator('header.site-header')).toHaveCount(0);
	await expect(page.getByRole('alert')).toContainText('“*” is not an origin this module can report to');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check what you know');
	await axeClean(page);
	// A lesson module: its pages link to each other under /embed, keeping the launch and the lesson it spans.
	await page.goto('/embed/what-a-sequencer-does?origin=https%3A%2F%2Fhost.example');
	await expect(page.locator('html[data-ready="true"]')).toBeAttached();
	await expect(page.getByRole('link', { name: 'Course' })).toHaveCount(0);
	await page.getByRole('link', { name: 'Start the lesson' }).click();
	await expect(page).toHaveURL(/\/embed\/what-a-sequencer-does\/[a-z-]+\?origin=https%3A%2F%2Fhost.example&module=what-a-sequencer-does$/);
	await expect(page.getByRole('navigation', { name: 'Where you are' }).getByRole('listitem')).toHaveCount(6);
	await expect(page.getByRole('link', { name: '← Back' })).toHaveAttribute('href', '/embed/what-a-sequencer-does?origin=https%3A%2F%2Fhost.example&module=what-a-sequencer-does');
	// A mission's page, with its world drawn, is accessible too.
	await page.goto('/embed/mission/third-offline');
	await expect(page.getByRole('button', { name: /^(Play|Pause)$/ })).toBeEnabled({ timeout: 45_000 });
	await axeClean(page);
	expect(seen.errors).toEqual([]);
});

test('a cmi5 launch takes its token from fetch and sends initialized, answers, completed, passed and terminated to the LRS, then returns', async ({ page, baseURL }) => {
	const seen = watch(page);
	const activityId = 'https://lms.example.org/activities/rollup-lab/quiz-7d1e';
	const registration = 'c0a8e3a4-6f0e-4c1f-9d39-2f6a1c7e5b21';
	const actor = { objectType: 'Agent', name: 'Ada Learner', account: { homePage: 'https://lms.example.org', name: 'ada' } };
	// A mastery below one in three: the learner passes with a single first-try right answer.
	const lrs = await startLrs({ activityId, actor, registration, masteryScore: 0.3 });
	try {
		const launch = new URLSearchParams({ endpoint: lrs.endpoint, fetch: lrs.fetchUrl, actor: JSON.stringify(actor), registration, activityId });
		await page.goto(`${baseURL}/embed/${STEP}?${launch}`);
		await expect(page.getByText('Your learning platform records what you answer and finish.')).toBeVisible();
		await answerAll(page);
		await page.getByRole('button', { name: 'Finish' }).click();
		await expect(page.getByTestId('embed-result')).toContainText('passed');
		await page.getByRole('button', { name: 'Exit' }).click();
		await expect(page).toHaveURL(lrs.returnURL);

		expect(lrs.refused).toEqual([]);
		expect(lrs.fetches).toBe(1);
		const statements = lrs.statements;
		const verbs = statements.map((s) => s.verb.id.split('/').pop());
		expect(verbs[0]).toBe('initialized');
		expect(verbs.slice(1, -3).every((v) => v === 'answered')).toBe(true);
		expect(verbs.slice(-3)).toEqual(['completed', 'passed', 'terminated']);
		for (const s of statements) {
			expect(s.actor).toEqual(actor);
			expect(s.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
			expect(s.context.registration).toBe(registration);
			expect(s.context.extensions[SESSION]).toBe(lrs.sessionId);
			expect(s.context.contextActivities.grouping.map((a: Statement) => a.id)).toContain(lrs.publisherId);
			const categories = (s.context.contextActivities.category ?? []).map((a: Statement) => a.id);
			if (s.verb.id === VERB('answered')) {
				// cmi5 allowed: about a question of the AU, without the cmi5 category.
				expect(categories).toEqual([]);
				expect(s.context.contextActivities.parent[0].id).toBe(activityId);
			} else {
				// cmi5 defined: about the AU itself, with the cmi5 category; moveOn where the result judges.
				expect(s.object.id).toBe(activityId);
				expect(categories.includes(CMI5_CATEGORY)).toBe(true);
				expect(categories.includes(MOVE_ON)).toBe(['completed', 'passed'].includes(s.verb.id.split('/').pop()));
			}
		}
		const [completed, passed, terminated] = statements.slice(-3);
		expect(completed.result).toEqual({ completion: true, duration: expect.stringMatching(/^PT/) });
		expect(passed.result.success).toBe(true);
		expect(passed.result.score.scaled).toBeGreaterThanOrEqual(lrs.masteryScore);
		expect(passed.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/masteryscore']).toBe(lrs.masteryScore);
		expect(terminated.result).toEqual({ duration: expect.stringMatching(/^PT/) });
		const times = statements.map((s) => Date.parse(s.timestamp));
		expect(times).toEqual([...times].sort((a, b) => a - b));
		expect(seen.errors).toEqual([]);
	} finally {
		await lrs.close();
	}
});
