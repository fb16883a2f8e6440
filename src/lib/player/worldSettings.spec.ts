import { describe, expect, it } from 'vitest';
import { parseDuration } from '$lib/sim/units';
import { defaultLink, type WorldLink } from './urlState';
import { formatDuration, formFromLink, linkFromForm, percentToBps, scenarioDefaults, type SettingsForm } from './worldSettings';

const demo = defaultLink();
const offline = { at: 30_000, command: { type: 'sequencer.behaviour' as const, sequencer: 'seq-6', behaviour: 'offline' as const } };
const traffic = { at: 40_000, command: { type: 'traffic.rate' as const, txPerSecond: 9 } };

describe('durations in the form', () => {
	it.each([
		[604_800_000, '7d'],
		[14_400_000, '4h'],
		[5_400_000, '1h30m'],
		[90_500, '1m30s500ms'],
		[0, '0']
	])('%d ms reads as %s and back', (ms, text) => {
		expect(formatDuration(ms)).toBe(text);
		expect(parseDuration(text)).toBe(ms);
	});
});

describe('the World settings form', () => {
	it('shows the scenario values with the link changes', () => {
		const form = formFromLink({ ...demo, seed: 9, shape: { users: 50 }, params: { sampleRate: 0.5, quorumBy: 'stake', challengeWindowMs: 3_600_000 } });
		expect(form).toEqual({
			seed: '9',
			sequencers: '7',
			validators: '20',
			users: '50',
			txPerSecond: '5',
			quorumBy: 'stake',
			quorumThreshold: 'at-least',
			quorumFraction: '2/3',
			sampleRate: '0.5',
			missingProofSlash: '0',
			challengeWindow: '1h',
			hybridProofDeadline: '4h',
			exitDelay: '21d'
		});
		expect(scenarioDefaults('demo')).toEqual({ ...form, seed: '1', users: '200', quorumBy: 'count', sampleRate: '0.25', challengeWindow: '7d' });
	});

	it('writes only what differs from the scenario, and keeps other overrides', () => {
		const link: WorldLink = { ...demo, params: { batchSize: 5, sampleRate: 0.5 } };
		const form: SettingsForm = { ...formFromLink(link), seed: '4', sequencers: '9', sampleRate: '0.25', quorumFraction: '3/4', exitDelay: '2d' };
		const r = linkFromForm(form, link, true);
		expect(r).toEqual({
			ok: true,
			link: { seed: 4, scenario: 'demo', finality: 'hybrid', shape: { sequencers: 9 }, params: { batchSize: 5, quorumNumerator: 3, quorumDenominator: 4, exitDelayMs: 172_800_000 } },
			skipped: 0
		});
	});

	it('writes the quorum threshold and the missing-proof slash (typed in %, kept in bps)', () => {
		const form: SettingsForm = { ...formFromLink(demo), quorumThreshold: 'more-than', missingProofSlash: '12.5' };
		expect(linkFromForm(form, demo, true)).toEqual({
			ok: true,
			link: { ...demo, params: { quorumThreshold: 'more-than', missingProofSlashBps: 1250 } },
			skipped: 0
		});
		const back = formFromLink({ ...demo, params: { quorumThreshold: 'more-than', missingProofSlashBps: 1250 } });
		expect(back).toMatchObject({ quorumThreshold: 'more-than', missingProofSlash: '12.5' });
		expect(formFromLink({ ...demo, scenario: 'as-deployed-metis' }).quorumThreshold).toBe('more-than');
	});

	it.each([
		['0', 0],
		['10', 1000],
		['12.5', 1250],
		['100 %', 10_000],
		['0.01', 1]
	])('reads %s%% as %d bps', (text, bps) => {
		expect(percentToBps(text)).toEqual({ ok: true, bps });
	});

	it('carries the learner changes over unless they name actors that would be gone', () => {
		const link: WorldLink = { ...demo, commands: [offline, traffic] };
		const form = { ...formFromLink(link), sequencers: '3' };
		expect(linkFromForm(form, link, true)).toMatchObject({ ok: true, link: { commands: [traffic] }, skipped: 1 });
		const fresh = linkFromForm(form, link, false);
		expect(fresh.ok && fresh.link.commands).toBeUndefined();
	});

	it.each([
		[{ seed: 'x1' }, { seed: 'expected a whole number (0 or more, at most 15 digits)' }],
		[{ users: '9000' }, { users: 'expected a whole number of users from 0 to 5000' }],
		[{ sequencers: 'lots', txPerSecond: '' }, { sequencers: 'expected a whole number of sequencers', txPerSecond: 'expected a number' }],
		[{ sampleRate: '1.5' }, { sampleRate: 'a probability cannot exceed 1' }],
		[{ quorumFraction: '4/3' }, { quorumFraction: 'a quorum above 100% (4/3) can never be reached' }],
		[{ quorumFraction: 'two thirds' }, { quorumFraction: 'expected a fraction such as 2/3' }],
		[{ challengeWindow: 'a week' }, { challengeWindow: 'expected a duration such as 7d, 4h, 90m or 30s' }],
		[{ txPerSecond: '5000' }, { txPerSecond: 'at most 1000 transactions per second' }],
		[{ quorumBy: 'weight' }, { quorumBy: 'expected "count" or "stake"' }],
		[{ quorumThreshold: 'most' }, { quorumThreshold: 'expected "at-least" or "more-than"' }],
		[{ quorumThreshold: 'more-than', quorumFraction: '3/3' }, { quorumThreshold: 'more than 3/3 (100%) can never sign' }],
		[{ missingProofSlash: '150' }, { missingProofSlash: 'a share cannot exceed 100%' }],
		[{ missingProofSlash: '150', sampleRate: '1.5' }, { missingProofSlash: 'a share cannot exceed 100%', sampleRate: 'a probability cannot exceed 1' }],
		[{ missingProofSlash: 'half' }, { missingProofSlash: 'expected a percentage such as 0, 10 or 12.5 (at most two decimals)' }],
		[{ missingProofSlash: '0.125' }, { missingProofSlash: 'expected a percentage such as 0, 10 or 12.5 (at most two decimals)' }]
	])('explains %j against its field', (patch, errors) => {
		const r = linkFromForm({ ...formFromLink(demo), ...patch }, demo, true);
		expect(r).toEqual({ ok: false, errors, general: [] });
	});
});
