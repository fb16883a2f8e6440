/** The administrator's effects on L1: admitting candidates after checking their proof of possession, funding rewards, setting parameters. */
import { formatErrors, resolveParams } from '../../scenario';
import { record, tell, type WorldCore } from '../core';
import { quorumRule } from '../lookups';
import { retimeTraffic } from '../timers';

/** The administrator whitelists a candidate on L1; the contract checks its proof of possession. */
export function onWhitelist(w: WorldCore, sequencer: string): void {
	const identity = w.cast.sequencerById.get(sequencer);
	if (!identity) return;
	const result = w.data.staking.whitelist({
		caller: w.cast.admin,
		id: identity.id,
		operator: identity.address,
		blsPublicKey: identity.blsPublicKey,
		blsProofOfPossession: identity.blsProofOfPossession
	});
	if (!result.ok) {
		record(w, { type: 'sequencer.refused', sequencer, reason: result.error });
		return;
	}
	record(w, { type: 'sequencer.whitelisted', sequencer, blsPublicKey: identity.blsPublicKey });
	tell(w, sequencer, { type: 'sequencer.admitted' });
}

/** The administrator funds the rewards pool. */
export function onFund(w: WorldCore, amount: string): void {
	const wei = BigInt(amount);
	const result = w.data.staking.fundRewards({ caller: w.cast.admin, amount: wei });
	if (result.ok) record(w, { type: 'rewards.funded', amount: wei.toString() });
	else record(w, { type: 'rewards.fund-refused', reason: result.error });
}

/** The administrator's parameter change takes effect on L1 and in every actor. */
export function onSetParams(w: WorldCore, overrides: Record<string, string | number>): void {
	const { data } = w;
	const resolved = resolveParams(overrides, 'params', data.params);
	if (!resolved.ok) {
		record(w, { type: 'params.refused', reason: formatErrors(resolved.errors) });
		return;
	}
	const p = (data.params = resolved.params);
	const staking = data.staking.setParams({
		caller: w.cast.admin,
		minStake: p.minStake,
		maxStake: p.maxStake,
		exitDelayMs: p.exitDelayMs,
		rewardPerBlock: p.rewardPerBlock,
		commissionBps: p.commissionBps
	});
	const quorum = data.inbox.setQuorum(quorumRule(w));
	for (const s of w.cast.sequencers) tell(w, s.id, { type: 'timing.updated', timing: { l2BlockMs: p.l2BlockMs, reviewMs: p.reviewMs, signTimeoutMs: p.signTimeoutMs } });
	for (const val of w.cast.validators) tell(w, val.id, { type: 'timing.updated', checkMs: p.validatorCheckMs });
	retimeTraffic(w, Object.keys(overrides));
	record(w, { type: 'params.changed', by: 'admin', changed: Object.keys(overrides), staking: staking.ok ? 'ok' : staking.error, quorum: quorum.ok ? 'ok' : quorum.error, quorumRule: data.inbox.quorum });
}
