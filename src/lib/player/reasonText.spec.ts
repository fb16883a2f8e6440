import { afterEach, describe, expect, it } from 'vitest';
import happyPath from '../../../content/scenarios/happy-path.json';
import { overwriteGetLocale } from '$lib/paraglide/runtime';
import { createWorld, parseScenario } from '$lib/sim';
import { parseCommand } from '$lib/sim/commandSchema';
import { paramBoundError, timeBoundError } from '$lib/sim/paramBounds';
import { SECOND } from '$lib/sim/units';
import { knowsReason, reasonText, REWORDED } from './reasonText';

let locale = 'en';
overwriteGetLocale(() => locale as 'en');
afterEach(() => (locale = 'en'));

/** The reasons a learner's refused commands get from a real world: the staking pool's and the command step's own. */
function refusedReasons(): string[] {
	const parsed = parseScenario(happyPath);
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	const world = createWorld({ seed: 1, scenario: parsed.scenario });
	world.runUntil(5 * SECOND);
	const commands = [
		{ type: 'stake.delegate', user: 'user-0', sequencer: 'seq-0', amount: '10000000' },
		{ type: 'stake.delegate', user: 'user-0', sequencer: 'seq-0', amount: '0' },
		{ type: 'stake.delegate', user: 'user-99', sequencer: 'seq-0', amount: '1' },
		{ type: 'stake.claim', owner: 'seq-0' },
		{ type: 'stake.claim', owner: 'val-99' },
		{ type: 'sequencer.unlock', sequencer: 'seq-9' },
		{ type: 'admin.eject', sequencer: 'seq-1' },
		{ type: 'admin.eject', sequencer: 'seq-1' },
		{ type: 'stake.delegate', user: 'user-0', sequencer: 'seq-1', amount: '1' },
		{ type: 'sequencer.unlock', sequencer: 'seq-2' },
		{ type: 'stake.claim', owner: 'seq-2' }
	];
	return commands.flatMap((c) => {
		const r = world.dispatch(c);
		return r.ok ? [] : [r.error];
	});
}

describe('reasonText', () => {
	const reasons = refusedReasons();

	it('knows every reason a refused command gets, and gives each back word for word in English', () => {
		expect(reasons.length).toBeGreaterThanOrEqual(9);
		for (const reason of reasons) {
			expect(knowsReason(reason), reason).toBe(true);
			if (!REWORDED.test(reason)) expect(reasonText(reason)).toBe(reason);
		}
	});

	it('reads an amount in wei as METIS and a time in ms as the clock', () => {
		expect(reasons.map(reasonText)).toEqual(
			expect.arrayContaining(['max stake exceeded: seq-0 would hold 10,045,000 METIS, the maximum is 100,000 METIS', 'exit delay not over: the earliest entry is claimable at day 21, 00:00:05, now is day 0, 00:00:05'])
		);
		expect(reasonText('insufficient balance: 0xab holds 5000000000000000000 wei, needs 20000000000000000000')).toBe('insufficient balance: 0xab holds 5 METIS, needs 20 METIS');
		locale = 'zh-CN';
		expect(reasonText('exit delay not over: the earliest entry is claimable at 1814405000, now is 5000')).toBe('退出延迟尚未结束：最早的一笔在 第 21 天 00:00:05 可领取，现在是 第 0 天 00:00:05');
	});

	it('says each of them in Chinese with no English word left but the units', () => {
		locale = 'zh-CN';
		for (const reason of reasons) {
			const said = reasonText(reason);
			expect(said, reason).not.toBe(reason);
			expect(said.replace(/\b(?:seq|val|user)-\d+\b|0x[0-9a-f]+|METIS|wei/gi, '')).not.toMatch(/[a-z]{3,}/i);
		}
	});

	it('says what a hand-edited link or file got wrong about a parameter or a time', () => {
		const problems = [
			paramBoundError('epochLength', 0),
			paramBoundError('l2BlockMs', 5),
			paramBoundError('sampleRate', 2),
			paramBoundError('slashFractionBps', 20_000),
			paramBoundError('quorumBy', 'weight'),
			paramBoundError('minStake', 0n),
			paramBoundError('maxStake', 10n ** 40n),
			paramBoundError('respanDelayMs', Number.NaN),
			timeBoundError(-1),
			timeBoundError(10 ** 12),
			...[{ type: 'traffic.rate', txPerSecond: 5000 }, { type: 'traffic.rate', txPerSecond: -1 }, { type: 'admin.eject', sequencer: 'sequencer-one' }].map((c) => {
				const r = parseCommand(c);
				return r.ok ? '' : r.error.replace(/^[^:]+: /, '');
			})
		].map(String);
		for (const problem of problems) {
			expect(knowsReason(problem), problem).toBe(true);
			expect(reasonText(problem)).toBe(problem);
		}
		locale = 'zh-CN';
		for (const problem of problems) expect(reasonText(problem).replace(/METIS|ms|ID|"[a-z-]+"|\b(?:seq|val|user)-\d+\b/g, ''), problem).not.toMatch(/[a-z]{2,}/i);
		expect(reasonText(String(paramBoundError('l2BlockMs', 5)))).toBe('应为以整毫秒计、从 100 ms 到 1 小时 的时长，而不是 5');
	});

	it('reads a reason inside another, clause by clause', () => {
		const reason = 'fraud proven: ZK fraud proof: the state root does not follow from the transactions';
		expect(reasonText(reason)).toBe(reason);
		locale = 'zh-CN';
		expect(reasonText(reason)).toBe('欺诈已证实：ZK 欺诈证明：状态根与这些交易的执行结果不符');
		expect(reasonText('transaction 3 is invalid: nonce too low: 2 < 4')).toBe('第 3 笔交易无效：nonce 过低：2 < 4');
	});

	it('states a quorum rule in the words the stage uses', () => {
		locale = 'zh-CN';
		expect(reasonText('more than 2/3 of stake')).not.toMatch(/more than|stake/);
		locale = 'en';
		expect(reasonText('more than 2/3 of stake')).toBe('more than 2/3 of stake');
	});

	it('shows a reason it does not know as the simulation wrote it', () => {
		locale = 'zh-CN';
		expect(knowsReason('a reason from a newer world')).toBe(false);
		expect(reasonText('a reason from a newer world')).toBe('a reason from a newer world');
	});
});
