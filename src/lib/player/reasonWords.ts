/**
 * The words for the codes events carry: what a cheater does in a batch, what a punishment is for,
 * what evidence shows, which command a person gave and which parameter changed. One catalogue, so
 * narration never shows a raw id and a translation has one place to go.
 */
import { m } from '$lib/paraglide/messages.js';
import type { Command, WorldParams } from '$lib/sim';
import type { EvidenceFault, Offence } from '$lib/sim/events';
import { listWords } from './count';

/** A cheating proposer's sentence. */
type Said = (inputs: { actor: string; batch: string }) => string;

/** What a cheating proposer does in its batch: "seq-2 cheats in batch 4: it …". */
const CHEATS: Record<string, Said> = {
	'wrong-state-root': m.say_cheat_wrong_state_root,
	'invalid-tx': m.say_cheat_invalid_tx,
	equivocate: m.say_cheat_equivocate,
	reorder: m.say_cheat_reorder,
	censor: m.say_cheat_censor,
	offline: m.say_cheat_offline
};

/** A cheating proposer's fault in a batch: "seq-2 cheats in batch 4: it claims a state root its transactions do not produce". */
export function cheatSentence(actor: string, behaviour: string, batch: string): string {
	return (CHEATS[behaviour] ?? m.say_cheat)({ actor, batch });
}

/** What a peer's evidence shows: "seq-2 signed two different headers for batch 4". */
export function evidencePhrase(accused: string, fault: EvidenceFault, batch: string): string {
	switch (fault) {
		case 'equivocation':
			return m.say_evidence_equivocation({ accused, batch });
		case 'invalid-tx':
			return m.say_evidence_invalid_tx({ accused, batch });
		case 'wrong-state-root':
			return m.say_evidence_wrong_state_root({ accused, batch });
		default:
			return m.say_evidence_other({ accused, batch });
	}
}

/** The few words a stage label gives a piece of evidence: "evidence: two headers". */
export function evidenceLabel(fault: string): string {
	const label: Record<string, () => string> = { equivocation: m.say_evidence_label_equivocation, 'invalid-tx': m.say_evidence_label_invalid_tx, 'wrong-state-root': m.say_evidence_label_wrong_state_root };
	return (label[fault] ?? m.say_evidence_label_other)();
}

/** What a punishment is for, after "for": "signing two different headers for batch 12". */
export function offencePhrase(offence: Offence, batch: string): string {
	switch (offence) {
		case 'wrong-state-root':
			return m.say_offence_wrong_state_root({ batch });
		case 'equivocation':
			return m.say_offence_equivocation({ batch });
		case 'invalid-tx':
			return m.say_offence_invalid_tx({ batch });
		case 'reorder':
			return m.say_offence_reorder({ batch });
		case 'missing-proof':
			return m.say_offence_missing_proof({ batch });
		default:
			return m.say_offence_other({ batch });
	}
}

/** How a slash was decided, after the offence: nothing for proof, the vote for MEV. */
export function decidedBy(byVote: boolean): string {
	return byVote ? m.say_decided_by_vote() : '';
}

/** A person's command, as "your change (…)" names it. */
const COMMAND_WORDS: Record<Command['type'], () => string> = {
	'traffic.rate': m.say_command_traffic_rate,
	'params.set': m.say_command_params_set,
	'stake.delegate': m.say_command_stake_delegate,
	'sequencer.unlock': m.say_command_sequencer_unlock,
	'stake.claim': m.say_command_stake_claim,
	'admin.eject': m.say_command_admin_eject,
	'sequencer.behaviour': m.say_command_sequencer_behaviour,
	'validator.behaviour': m.say_command_validator_behaviour
};

/** A command type in words: "the traffic rate"; an unknown one is "a change". */
export function commandWords(type: string): string {
	return ((COMMAND_WORDS as Record<string, () => string>)[type] ?? m.say_command_other)();
}

/** Every parameter in words, for "the administrator changed …". */
const PARAM_WORDS: Record<keyof WorldParams, () => string> = {
	chainId: m.say_param_chain_id,
	l1BlockMs: m.say_param_l1_block_ms,
	l1FinalityBlocks: m.say_param_l1_finality_blocks,
	l2BlockMs: m.say_param_l2_block_ms,
	maxTxPerBlock: m.say_param_max_tx_per_block,
	epochLength: m.say_param_epoch_length,
	batchSize: m.say_param_batch_size,
	maxBatchDelayMs: m.say_param_max_batch_delay_ms,
	respanDelayMs: m.say_param_respan_delay_ms,
	gossipDelayMs: m.say_param_gossip_delay_ms,
	reviewMs: m.say_param_review_ms,
	signTimeoutMs: m.say_param_sign_timeout_ms,
	quorumBy: m.say_param_quorum_by,
	quorumNumerator: m.say_param_quorum_numerator,
	quorumDenominator: m.say_param_quorum_numerator,
	quorumThreshold: m.say_param_quorum_threshold,
	minStake: m.say_param_min_stake,
	maxStake: m.say_param_max_stake,
	exitDelayMs: m.say_param_exit_delay_ms,
	rewardPerBlock: m.say_param_reward_per_block,
	commissionBps: m.say_param_commission_bps,
	rewardsPoolFunding: m.say_param_rewards_pool_funding,
	sampleRate: m.say_param_sample_rate,
	validatorCheckMs: m.say_param_validator_check_ms,
	challengeWindowMs: m.say_param_challenge_window_ms,
	zkProofBaseMs: m.say_param_zk_proof_base_ms,
	zkProofPerTxMs: m.say_param_zk_proof_per_tx_ms,
	hybridProofDeadlineMs: m.say_param_hybrid_proof_deadline_ms,
	zkProofDeadlineMs: m.say_param_zk_proof_deadline_ms,
	disputeMoveMs: m.say_param_dispute_move_ms,
	disputeClockMs: m.say_param_dispute_clock_ms,
	verificationReward: m.say_param_verification_reward,
	verificationCostGas: m.say_param_verification_cost_gas,
	censorshipPatienceMs: m.say_param_censorship_patience_ms,
	slashing: m.say_param_slashing,
	slashFractionBps: m.say_param_slash_fraction_bps,
	voteSlashFractionBps: m.say_param_vote_slash_fraction_bps,
	missingProofSlashBps: m.say_param_missing_proof_slash_bps,
	challengerShareBps: m.say_param_challenger_share_bps,
	forceInclusionDelayMs: m.say_param_force_inclusion_delay_ms,
	forceInclusion: m.say_param_force_inclusion,
	txPerSecond: m.say_param_tx_per_second,
	trafficFromMs: m.say_param_traffic_from_ms,
	trafficUntilMs: m.say_param_traffic_until_ms,
	swapShare: m.say_param_swap_share,
	swapMaxMetis: m.say_param_swap_max_metis,
	swapSlippageBps: m.say_param_swap_slippage_bps,
	userL2Balance: m.say_param_user_l2_balance,
	userL2Usd: m.say_param_user_l2_usd,
	userL1Balance: m.say_param_user_l1_balance,
	dexMetis: m.say_param_dex_metis,
	dexUsd: m.say_param_dex_usd,
	validatorL1Balance: m.say_param_validator_l1_balance,
	treasury: m.say_param_treasury,
	checkpointEveryMs: m.say_param_checkpoint_every_ms
};

/** Changed parameters in words, each once: "the quorum threshold", "the challenge window and the exit delay". */
export function paramsWords(names: readonly string[]): string {
	const words = [...new Set(names.map((n) => ((PARAM_WORDS as Record<string, () => string>)[n] ?? m.say_param_other)()))];
	if (words.length <= 1) return words[0] ?? m.say_params_none();
	return listWords(words);
}

/** A refusal's reason with parameter names in words: "txPerSecond: at most 1000 tx/s" → "the traffic rate: at most 1000 tx/s". */
export function reasonWords(reason: string): string {
	return reason.replace(/(^|; |\n)(?:params\.)?([a-zA-Z]+)(?=: )/g, (all, start: string, name: string) => {
		const words = (PARAM_WORDS as Record<string, () => string>)[name];
		return words ? `${start}${words()}` : all;
	});
}
