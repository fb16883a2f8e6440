import { describe, expect, it } from 'vitest';
import { missionPath, moduleOf, plainText, questionActivity } from './activities';

describe('plainText', () => {
	it('drops tags, decodes entities and collapses space', () => {
		expect(plainText('<strong>Two</strong> &amp; a <em>half</em>&nbsp;&#8211;&#x2192;  done\n')).toBe('Two & a half –→ done');
		expect(plainText('&bogus; &#0;')).toBe('&bogus; &#0;');
	});
});

describe('activities', () => {
	it('makes a question a choice interaction under its step, with the right choice named', () => {
		const q = questionActivity('https://lab', { id: 'one/quiz#1', concept: 'c', prompt: '<p>Who <em>orders</em>?</p>', options: [{ html: 'L1', right: false, explanation: '' }, { html: 'The <b>proposer</b>', right: true, explanation: '' }] });
		expect(q.id).toBe('https://lab/learn/one/quiz#1');
		expect(q.definition).toMatchObject({ name: { 'en-US': 'Who orders?' }, correctResponsesPattern: ['1'], choices: [{ id: '0', description: { 'en-US': 'L1' } }, { id: '1', description: { 'en-US': 'The proposer' } }] });
	});

	it('builds each kind of module with what sits around it', () => {
		const lesson = { slug: 'one', number: 1, title: 'One' };
		const step = moduleOf('https://lab', { kind: 'step', path: 'one/quiz' }, { step: { path: 'one/quiz', title: 'Quiz' }, lesson });
		expect([step.activity.id, step.parent.map((a) => a.id), step.course.id]).toEqual(['https://lab/learn/one/quiz', ['https://lab/learn/one'], 'https://lab/learn']);
		expect(moduleOf('https://lab', { kind: 'lesson', slug: 'one' }, { lesson }).parent).toEqual([]);
		const mission = moduleOf('https://lab', { kind: 'mission', id: 'mission-sandwich' }, { mission: { id: 'mission-sandwich', title: 'Sandwich', description: 'Make one pay.' } });
		expect(mission.activity.id).toBe('https://lab/embed/mission/sandwich');
		expect(missionPath('mission-third-offline')).toBe('mission/third-offline');
		expect(() => moduleOf('https://lab', { kind: 'lesson', slug: 'one' }, {})).toThrow();
	});
});
