import { describe, expect, it } from 'vitest';
import { readLaunch, targetOrigin } from './launch';

const actor = JSON.stringify({ objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: 'ada' } });
const cmi5 = { endpoint: 'https://lrs.example.org/xapi/', fetch: 'https://lms.example.org/fetch/1', actor, registration: 'C0A8E3A4-6F0E-4C1F-9D39-2F6A1C7E5B21', activityId: 'https://lms.example.org/au/7' };

describe('targetOrigin', () => {
	it('takes an origin and nothing looser', () => {
		expect(targetOrigin('https://host.example:8443')).toBe('https://host.example:8443');
		expect(targetOrigin('http://127.0.0.1:5000/')).toBe('http://127.0.0.1:5000');
		for (const bad of ['*', 'null', '', 'https://host.example/path', 'javascript:alert(1)', 'file:///etc', 'host.example', 'https://host.example?x=1']) expect(targetOrigin(bad)).toBeNull();
	});
});

describe('readLaunch', () => {
	it('reads nothing from a bare address', () => {
		expect(readLaunch(new URLSearchParams())).toEqual({ origin: null, mastery: null, actor: null, registration: null, cmi5: null, problems: [] });
	});

	it('reads the host origin and mastery, and names each one it cannot use', () => {
		expect(readLaunch(new URLSearchParams({ origin: 'https://host.example', mastery: '0.5' }))).toMatchObject({ origin: 'https://host.example', mastery: 0.5, problems: [] });
		const bad = readLaunch(new URLSearchParams({ origin: '*', mastery: '2', registration: 'nope', actor: '{"name":1}' }));
		expect(bad).toMatchObject({ origin: null, mastery: null, registration: null, actor: null, cmi5: null });
		expect(bad.problems).toHaveLength(4);
		expect(bad.problems[0]).toContain('“*”');
	});

	it('reads a whole cmi5 launch, with the registration in lower case', () => {
		const launch = readLaunch(new URLSearchParams(cmi5));
		expect(launch.problems).toEqual([]);
		expect(launch.cmi5).toEqual({ ...cmi5, actor: JSON.parse(actor), registration: cmi5.registration.toLowerCase() });
	});

	it('refuses a partial or broken cmi5 launch and names what is missing or wrong', () => {
		const { activityId: _, ...partial } = cmi5;
		const missing = readLaunch(new URLSearchParams(partial));
		expect(missing.cmi5).toBeNull();
		expect(missing.problems.join(' ')).toContain('activityId');
		const mboxOnly = readLaunch(new URLSearchParams({ ...cmi5, actor: JSON.stringify({ mbox: 'mailto:ada@example.org' }) }));
		expect(mboxOnly.cmi5).toBeNull();
		expect(mboxOnly.problems.join(' ')).toContain('actor');
		// Outside cmi5 an mbox learner is fine.
		expect(readLaunch(new URLSearchParams({ actor: JSON.stringify({ mbox: 'mailto:ada@example.org' }) })).actor).toEqual({ objectType: 'Agent', mbox: 'mailto:ada@example.org' });
	});
});
