/**
 * Votes on reordering: peers that refused a batch because its transactions were out of their gossip
 * order report the proposer, and the batch's set votes by stake. The same rule as the quorum decides
 * (at least, or more than, 2/3 of stake); a passed vote slashes the proposer (the punishment step).
 */
import type { EventOf } from '../../events';
import { hasQuorum, quorumRuleText } from '../../l1/rollupInbox';
import { record, type WorldCore } from '../core';
import { proposalById, quorumRule, refOf } from '../lookups';

/** A round ended without quorum with reorder reports: the set votes on them. */
export function onNoQuorum(w: WorldCore, e: EventOf<'batch.no-quorum'>): void {
	const p = proposalById(w, e.proposal);
	if (!p || e.reorderReports.length === 0 || !e.reorderAccused) return;
	const rule = { ...quorumRule(w), by: 'stake' as const };
	const members = p.activeSet.map((id) => ({ id, stake: BigInt(p.activeStakes[id]) }));
	const total = members.reduce((a, m) => a + m.stake, 0n);
	const stakeFor = e.reorderReports.reduce((a, r) => a + BigInt(p.activeStakes[r] ?? '0'), 0n);
	const passed = hasQuorum({ rule, activeSet: members, signers: e.reorderReports });
	record(w, {
		type: passed ? 'vote.passed' : 'vote.failed',
		...refOf(p),
		sequencer: e.reorderAccused,
		fault: 'reorder',
		votes: e.reorderReports,
		stakeFor: stakeFor.toString(),
		stakeTotal: total.toString(),
		rule: quorumRuleText(rule)
	});
}
