import { describe, expect, it } from 'vitest';
import { CMI5, VERBS, activity, choiceActivity, duration, score, statement, type Cmi5Context } from './xapi';

const actor = { objectType: 'Agent' as const, account: { homePage: 'https://lms.example.org', name: 'ada' } };
const au = activity('https://lms.example.org/au/1', 'http://adlnet.gov/expapi/activities/lesson', 'Lesson 1');
const question = choiceActivity('https://site/learn/a/quiz#0', 'Who orders?', ['L1', 'The proposer'], 1);
const cmi5: Cmi5Context = {
	registration: 'c0a8e3a4-6f0e-4c1f-9d39-2f6a1c7e5b21',
	template: { contextActivities: { grouping: [{ objectType: 'Activity', id: 'https://publisher/au' }] }, extensions: { [CMI5.sessionId]: 's-1' } },
	activityId: au.id,
	masteryScore: 0.6
};

describe('duration', () => {
	it('writes ISO 8601 durations to the hundredth of a second', () => {
		expect(duration(0)).toBe('PT0S');
		expect(duration(810)).toBe('PT0.81S');
		expect(duration(64_250)).toBe('PT1M4.25S');
		expect(duration(3_600_000)).toBe('PT1H');
		expect(duration(3_661_000)).toBe('PT1H1M1S');
		expect(duration(-5)).toBe('PT0S');
	});
});

describe('score', () => {
	it('scales to four decimals, and to 0 when there is nothing to score', () => {
		expect(score(1, 3)).toEqual({ min: 0, max: 3, raw: 1, scaled: 0.3333 });
		expect(score(0, 0).scaled).toBe(0);
	});
});

describe('statement', () => {
	it('shapes a question answered as H5P does: a choice interaction with its right answer, scored 0 or 1', () => {
		const s = statement({ id: 'id-1', at: 0, actor, verb: 'answered', object: question, result: { success: true, response: '1', score: score(1, 1) }, parent: [au] });
		expect(s.verb).toEqual({ id: VERBS.answered, display: { 'en-US': 'answered' } });
		expect(s.object.definition).toMatchObject({ interactionType: 'choice', correctResponsesPattern: ['1'], choices: [{ id: '0' }, { id: '1' }] });
		expect(s.context.contextActivities?.parent?.[0].id).toBe(au.id);
		expect(s.timestamp).toBe('1970-01-01T00:00:00.000Z');
		expect(s.context.registration).toBeUndefined();
	});

	it('keeps a cmi5 template whole, adds the cmi5 category to defined statements, moveOn where the result judges, and the mastery score to passed', () => {
		const passed = statement({ id: 'id', at: 0, actor, verb: 'passed', object: au, result: { success: true, score: score(2, 3) }, grouping: [activity('https://site/learn', 'x', 'Course')], cmi5 });
		expect(passed.context.registration).toBe(cmi5.registration);
		expect(passed.context.extensions).toEqual({ [CMI5.sessionId]: 's-1', [CMI5.masteryScore]: 0.6 });
		expect(passed.context.contextActivities?.grouping?.map((a) => a.id)).toEqual(['https://publisher/au', 'https://site/learn']);
		expect(passed.context.contextActivities?.category?.map((a) => a.id)).toEqual([CMI5.category, CMI5.moveOn]);
		const initialized = statement({ id: 'id', at: 0, actor, verb: 'initialized', object: au, cmi5 });
		expect(initialized.context.contextActivities?.category?.map((a) => a.id)).toEqual([CMI5.category]);
		expect(initialized.context.extensions).toEqual({ [CMI5.sessionId]: 's-1' });
		// An answer to a question is cmi5 allowed: the template, but no cmi5 category.
		const answered = statement({ id: 'id', at: 0, actor, verb: 'answered', object: question, parent: [au], cmi5 });
		expect(answered.context.contextActivities?.category).toBeUndefined();
		expect(answered.context.extensions).toEqual({ [CMI5.sessionId]: 's-1' });
		// The template's template is never overwritten.
		expect(cmi5.template.contextActivities?.grouping).toHaveLength(1);
	});
});
