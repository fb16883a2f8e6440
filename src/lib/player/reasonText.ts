/**
 * The simulation writes its reasons in English ("nonce too low: 3 < 4", "fraud proven: …"): the
 * event log is the world's record and stays one language. This catalogue reads each reason back
 * into the page's language, clause by clause; in English it gives back the very same text, except
 * that amounts in wei read as METIS and times in ms as the clock (`REWORDED`). A reason no rule
 * knows is shown as the simulation wrote it.
 */
import { m } from '$lib/paraglide/messages.js';
import { clockText } from './clockWords';
import { standingWords } from './codeWords';
import { metisText } from './numberWords';
import { ruleText } from './quorumWords';

/** A reason's shape and how to say it; `say` gets the captured parts and the translator for nested reasons. */
type Rule = readonly [RegExp, (parts: string[], again: (reason: string) => string) => string];

const HEX = '(0x[0-9a-fA-F]+)';
const ID = '([a-z]+-\\d+)';
const N = '(-?\\d+)';
const rule = (pattern: string, say: Rule[1]): Rule => [new RegExp(`^${pattern}$`), say];
const fixed = (text: string, say: () => string): Rule => [new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), () => say()];

/** Every reason the simulation writes, the longest and most specific first. */
const RULES: readonly Rule[] = [
	// Wrappers around another reason.
	rule('fraud proven: (.+)', ([why], again) => m.why_fraud_proven({ why: again(why) })),
	rule('ZK fraud proof: (.+)', ([why], again) => m.why_zk_fraud_proof({ why: again(why) })),
	rule(`transaction ${N} is invalid: (.+)`, ([index, why], again) => m.why_tx_invalid({ index, why: again(why) })),
	rule('the header reached L1 with a quorum: (.+)', ([how], again) => m.why_reached_with_quorum({ how: again(how) })),
	rule('the L1 tip cannot be reproduced from its transactions; (.+)', ([waits], again) => m.why_tip_unreproducible({ waits: again(waits) })),
	rule('L1 reverts it, since a batch nobody proved never executes \\(nothing is proven wrong; (.+)\\)', ([then], again) => m.why_unproven_reverts({ then: again(then) })),
	// Peer review of a header.
	fixed('previous state root cannot be reproduced (built on a fraudulent batch)', m.why_tip_fraudulent),
	fixed('previous state root cannot be reproduced', m.why_prev_root_unknown),
	fixed('the state root does not follow from the transactions', m.why_root_does_not_follow),
	fixed('txRoot does not match the transactions', m.why_tx_root_mismatch),
	rule(`equivocation: ${ID} signed two headers for batch ${N}`, ([proposer, batch]) => m.why_equivocation({ proposer, batch })),
	rule(`reordering: transaction ${HEX}… never reached the mempool but ${ID} placed it in block ${N}`, ([hash, producer, block]) => m.why_reorder_unseen({ hash, producer, block })),
	rule(`reordering: in block ${N} ${ID} placed transaction ${HEX}… after one that arrived later`, ([block, producer, hash]) => m.why_reorder_swapped({ block, producer, hash })),
	rule(`unknown previous state root ${HEX}`, ([root]) => m.why_unknown_prev_root({ root })),
	fixed('waiting for a challenge to revert it', m.why_waits_challenge),
	fixed('waiting for it to miss its proof deadline', m.why_waits_proof_deadline),
	// Evidence sent to L1.
	fixed('a validator’s challenge decides it', m.why_challenge_decides),
	fixed('its missing validity proof decides', m.why_missing_proof_decides),
	fixed('two different headers for one batch index, both signed with the accused proposer’s key', m.why_evidence_two_headers),
	fixed('the signed header commits to a transaction whose signature recovers to nobody', m.why_evidence_forged_tx),
	fixed('the evidence does not show the fault', m.why_evidence_not_shown),
	fixed('the header does not carry the accused proposer’s valid signature', m.why_evidence_unsigned),
	fixed('the pool refused this signed header; L1 decides its root by re-execution (a dispute)', m.why_evidence_dispute),
	// Reverts, disputes and reorgs.
	rule(`built on batch ${N} \\(attempt ${N}\\), which was reverted`, ([batch, attempt]) => m.why_built_on_reverted({ batch, attempt })),
	rule(`batch ${N} below it was reverted first`, ([batch]) => m.why_below_reverted({ batch })),
	fixed('no validity proof by the deadline: the batch never executes', m.why_no_proof_by_deadline),
	fixed('it holds a transaction whose signature recovers to nobody', m.why_holds_forged_tx),
	rule(`bisection narrowed to tx ${N} step ${N}; L1 executed it`, ([tx, step]) => m.why_bisection_narrowed({ tx, step })),
	fixed('the defender ran out of time', m.why_defender_timeout),
	fixed('the challenger ran out of time', m.why_challenger_timeout),
	fixed('the ZK proof confirmed the claimed root', m.why_zk_proof_confirmed),
	rule(`peers refused a batch with ${ID}'s reordered blocks`, ([producer]) => m.why_peers_refused_reorder({ producer })),
	fixed('slashing for a missing proof is on, so its signers lose stake', m.why_missing_proof_slashes),
	fixed('nobody is slashed or paid', m.why_nobody_slashed),
	// What a slash is for.
	fixed('signed a header whose state root is provably wrong', m.why_slash_wrong_root),
	fixed('signed two different headers for one batch (equivocation)', m.why_slash_equivocation),
	fixed('signed a header with an invalid transaction', m.why_slash_invalid_tx),
	fixed('reordered transactions for profit (sandwiching)', m.why_slash_reorder),
	fixed('signed a batch that never got a validity proof', m.why_slash_missing_proof),
	fixed('nothing left to slash: its stake is already gone', m.why_nothing_to_slash),
	fixed('no sequencer has at least the minimum stake', m.why_pool_empty),
	// A quorum rule, as votes and the inbox state it.
	rule(`(at least|more than) ${N}/${N} (by count|of stake)`, ([kind, numerator, denominator, by]) => ruleText({ strict: kind === 'more than', numerator: Number(numerator), denominator: Number(denominator), by: by === 'by count' ? 'count' : 'stake' })),
	rule(`no quorum: ${N} of ${N} sequencers signed, (.+) must sign`, ([signed, of, needs], again) => m.why_no_quorum_count({ signed, of, needs: again(needs) })),
	rule(`no quorum: signers hold ${N} of ${N} wei of the set's stake, (.+) must sign`, ([signed, of, needs], again) => m.why_no_quorum_stake({ signed: metisText(signed), of: metisText(of), needs: again(needs) })),
	fixed("bad aggregate signature: it does not verify for the signers' BLS keys over the signing root", m.why_bad_aggregate),
	// A transaction the L2 cannot include, or a swap that reverts.
	fixed('undecodable transaction', m.why_tx_undecodable),
	rule(`wrong chain id ${N}`, ([id]) => m.why_tx_wrong_chain({ id })),
	fixed('bad signature', m.why_tx_bad_signature),
	fixed('contract creation is not supported', m.why_tx_creation),
	rule(`nonce too low: ${N} < ${N}`, ([nonce, expected]) => m.why_nonce_low({ nonce, expected })),
	rule(`nonce too high: ${N} > ${N}`, ([nonce, expected]) => m.why_nonce_high({ nonce, expected })),
	fixed('priority fee above max fee', m.why_tx_priority_fee),
	fixed('max fee below base fee', m.why_tx_max_fee),
	rule(`gas limit ${N} below the ${N} needed`, ([limit, needed]) => m.why_tx_gas_limit({ limit, needed })),
	fixed('insufficient funds for value + gas × max fee', m.why_tx_funds),
	fixed('value must equal amountIn', m.why_swap_value),
	fixed('value must be 0 when selling USD', m.why_swap_value_usd),
	fixed('zero input', m.why_swap_zero_input),
	fixed('no liquidity', m.why_swap_no_liquidity),
	fixed('insufficient USD', m.why_swap_no_usd),
	fixed('zero output', m.why_swap_zero_output),
	rule(`slippage: output ${N} below minOut ${N}`, ([out, min]) => m.why_swap_slippage({ out, min })),
	fixed('unknown DEX call', m.why_swap_unknown_call),
	fixed('invalid', m.why_invalid),
	fixed('refused', m.why_refused),
	// The staking pool, as a learner's stake or the administrator meets it.
	rule(`sequencer ${ID} is (\\w+): it takes no new stake`, ([sequencer, status]) => m.why_stake_closed({ sequencer, status: standingWords(status) })),
	rule(`amount must be positive \\(got ${N}\\)`, ([amount]) => m.why_amount_positive({ amount })),
	rule(`max stake exceeded: ${ID} would hold ${N} wei, the maximum is ${N}`, ([sequencer, after, max]) => m.why_max_stake({ sequencer, after: metisText(after), max: metisText(max) })),
	rule(`unknown sequencer (\\S+)`, ([sequencer]) => m.why_unknown_sequencer({ sequencer })),
	rule(`sequencer ${ID} is already (\\w+)`, ([sequencer, status]) => m.why_sequencer_already({ sequencer, status: standingWords(status) })),
	rule('nothing to claim: (\\S+) has no unbonding stake', ([owner]) => m.why_nothing_to_claim({ owner })),
	rule(`exit delay not over: the earliest entry is claimable at ${N}, now is ${N}`, ([at, now]) => m.why_exit_delay({ at: clockText(Number(at)), now: clockText(Number(now)) })),
	rule('no user (\\S+)', ([user]) => m.why_no_user({ user })),
	rule('no sequencer (\\S+)', ([sequencer]) => m.why_no_sequencer({ sequencer })),
	rule('no actor (\\S+)', ([actor]) => m.why_no_actor({ actor })),
	fixed('amount: expected a positive METIS amount', m.why_amount_expected),
	// A parameter, a time or a file field out of its range (a hand-edited link or file).
	rule('expected (a .+|whole basis points .+), not (\\S+)', ([what, got], again) => m.why_expected_not({ what: again(what), got })),
	rule('expected one of (.+)', ([choices]) => m.why_expected_one_of({ choices })),
	fixed('expected a METIS amount as a decimal string, e.g. "20000"', m.why_expected_metis),
	fixed('expected a non-negative number', m.why_expected_non_negative),
	fixed('expected a string', m.why_expected_string),
	fixed('expected an amount of more than zero', m.why_expected_positive),
	fixed('expected a time in ms, zero or more', m.why_expected_time),
	rule('expected (a .+|whole basis points .+)', ([what], again) => m.why_expected({ what: again(what) })),
	rule('a whole number from ([\\d,]+) to ([\\d,]+)', ([min, max]) => m.why_whole_from_to({ min, max })),
	rule('a duration in whole ms from (.+) to (.+)', ([min, max]) => m.why_duration_from_to({ min: durationWords(min), max: durationWords(max) })),
	rule('a number from 0 to ([\\d.,]+)', ([max]) => m.why_number_to({ max })),
	fixed('whole basis points from 0 to 10,000', m.why_bps),
	rule('at most ([\\d,]+) METIS', ([amount]) => m.why_at_most_metis({ amount })),
	rule('at most 90 days \\(([\\d,]+) ms\\) of simulated time, not (\\S+)', ([ms, got]) => m.why_at_most_world({ ms, got })),
	fixed('at most 1000 tx/s', m.why_at_most_rate),
	fixed('cannot be negative', m.why_not_negative),
	rule('expected an id like ([a-z]+-0)', ([example]) => m.why_id_like({ example })),
	rule('unknown parameter "(.+)"', ([name]) => m.why_unknown_parameter({ name })),
	rule(`insufficient balance: (\\S+) holds ${N} wei, needs ${N}`, ([key, balance, amount]) => m.why_insufficient_balance({ key, balance: metisText(balance), amount: metisText(amount) }))
];

/** A duration as the bounds word it: "1 s", "100 ms", "1 hour", "90 days", "0". */
function durationWords(text: string): string {
	const hit = /^(\d+) (ms|s|hour|days)$/.exec(text);
	if (!hit) return text;
	const [, n, unit] = hit;
	return { ms: m.why_unit_ms, s: m.why_unit_s, hour: m.why_unit_hour, days: m.why_unit_days }[unit as 'ms']({ n });
}

/** A reason the simulation wrote, in the page's language; the simulation's own words when no rule knows it. */
export function reasonText(reason: string): string {
	for (const [pattern, say] of RULES) {
		const hit = pattern.exec(reason);
		if (hit) return say(hit.slice(1), reasonText);
	}
	return reason;
}

/** The reasons whose English reads better than the simulation's: amounts in wei as METIS, times in ms as the clock. */
export const REWORDED = /^(no quorum: signers hold|max stake exceeded|exit delay not over|insufficient balance)/;

/** Whether some rule knows this reason (a reason none knows stays in English on every page). */
export function knowsReason(reason: string): boolean {
	return RULES.some(([pattern]) => pattern.test(reason));
}
