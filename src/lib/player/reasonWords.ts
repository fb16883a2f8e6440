/**
 * The words for the codes events carry: what a cheater does in a batch, what a punishment is for,
 * what evidence shows, which command a person gave and which parameter changed. One catalogue, so
 * narration never shows a raw id and a translation has one place to go.
 */
import type { Command, WorldParams } from '$lib/sim';
import type { EvidenceFault, Offence } from '$lib/sim/events';

/** What a cheating proposer does in its batch, after "seq-2 …". */
const CHEATS: Record<string, string> = {
	'wrong-state-root': 'claims a state root its transactions do not produce',
	'invalid-tx': 'slips in a transaction with a forged signature',
	equivocate: 'signs two different headers for the same batch',
	reorder: "reorders transactions to sandwich users' swaps",
	censor: "leaves out one user's transactions",
	offline: 'stops answering'
};

/** A cheating proposer's fault in a batch: "seq-2 cheats in batch 4: it claims a state root its transactions do not produce". */
export function cheatSentence(actor: string, behaviour: string, batch: string): string {
	const does = CHEATS[behaviour];
	return does ? `${actor} cheats in ${batch}: it ${does}` : `${actor} cheats in ${batch}`;
}

/** What a peer's evidence shows: "seq-2 signed two different headers for batch 4". */
export function evidencePhrase(accused: string, fault: EvidenceFault, batch: string): string {
	switch (fault) {
		case 'equivocation':
			return `${accused} signed two different headers for ${batch}`;
		case 'invalid-tx':
			return `${accused} signed a header with a forged transaction in ${batch}`;
		case 'wrong-state-root':
			return `${accused} signed a state root its transactions do not produce in ${batch}`;
		default:
			return `${accused} broke the protocol in ${batch}`;
	}
}

/** The few words a stage label gives a piece of evidence: "evidence: two headers". */
export function evidenceLabel(fault: string): string {
	const short: Record<string, string> = { equivocation: 'two headers', 'invalid-tx': 'forged tx', 'wrong-state-root': 'wrong root' };
	return `evidence: ${short[fault] ?? 'a fault'}`;
}

/** What a punishment is for, after "for": "signing two different headers for batch 12". */
export function offencePhrase(offence: Offence, batch: string): string {
	switch (offence) {
		case 'wrong-state-root':
			return `signing a provably wrong state root in ${batch}`;
		case 'equivocation':
			return `signing two different headers for ${batch}`;
		case 'invalid-tx':
			return `signing a header with a forged transaction in ${batch}`;
		case 'reorder':
			return `reordering transactions for profit (sandwiching) in ${batch}`;
		case 'missing-proof':
			return `signing ${batch}, which never got a validity proof`;
		default:
			return `breaking the protocol in ${batch}`;
	}
}

/** How a slash was decided, after the offence: nothing for proof, the vote for MEV. */
export function decidedBy(byVote: boolean): string {
	return byVote ? ', by a vote of the pool’s stake' : '';
}

/** A person's command, as "your change (…)" names it. */
const COMMAND_WORDS: Record<Command['type'], string> = {
	'traffic.rate': 'the traffic rate',
	'params.set': 'new parameters',
	'stake.delegate': 'a delegation',
	'sequencer.unlock': 'an unlock',
	'stake.claim': 'a claim',
	'admin.eject': 'an ejection',
	'sequencer.behaviour': "a sequencer's behaviour",
	'validator.behaviour': "a validator's behaviour"
};

/** A command type in words: "the traffic rate"; an unknown one is "a change". */
export function commandWords(type: string): string {
	return (COMMAND_WORDS as Record<string, string>)[type] ?? 'a change';
}

/** Every parameter in words, for "the administrator changed …". */
const PARAM_WORDS: Record<keyof WorldParams, string> = {
	chainId: 'the chain id',
	l1BlockMs: 'the L1 block time',
	l1FinalityBlocks: 'the L1 finality depth',
	l2BlockMs: 'the L2 block time',
	maxTxPerBlock: 'the block size',
	epochLength: 'the epoch length',
	batchSize: 'the batch size',
	maxBatchDelayMs: 'the longest wait for a batch',
	respanDelayMs: 'the re-span delay',
	gossipDelayMs: 'the gossip delay',
	reviewMs: 'the review time',
	signTimeoutMs: 'the signing timeout',
	quorumBy: 'what the quorum counts',
	quorumNumerator: 'the quorum fraction',
	quorumDenominator: 'the quorum fraction',
	quorumThreshold: 'the quorum threshold',
	minStake: 'the minimum stake',
	maxStake: 'the maximum stake',
	exitDelayMs: 'the exit delay',
	rewardPerBlock: 'the reward per block',
	commissionBps: 'the operator commission',
	rewardsPoolFunding: 'the rewards funding',
	sampleRate: 'the validators’ sample rate',
	validatorCheckMs: 'the validators’ check time',
	challengeWindowMs: 'the challenge window',
	zkProofBaseMs: 'the proving time',
	zkProofPerTxMs: 'the proving time per transaction',
	hybridProofDeadlineMs: 'the hybrid proof deadline',
	zkProofDeadlineMs: 'the validity-proof deadline',
	disputeMoveMs: 'the dispute move time',
	disputeClockMs: 'the dispute clock',
	verificationReward: 'the verification reward',
	verificationCostGas: 'the verification cost',
	censorshipPatienceMs: 'how long users wait before forcing a transaction',
	slashing: 'the punishment rule',
	slashFractionBps: 'the share slashed with proof',
	voteSlashFractionBps: 'the share slashed by vote',
	missingProofSlashBps: 'the slash for a missing proof',
	challengerShareBps: 'the challenger’s share',
	forceInclusionDelayMs: 'the forced-inclusion deadline',
	forceInclusion: 'the forced-inclusion rule',
	txPerSecond: 'the traffic rate',
	trafficFromMs: 'when traffic starts',
	trafficUntilMs: 'when traffic ends',
	swapShare: 'the share of swaps',
	swapMaxMetis: 'the largest swap',
	swapSlippageBps: 'the swap slippage',
	userL2Balance: 'the users’ L2 balance',
	userL2Usd: 'the users’ USD',
	userL1Balance: 'the users’ L1 balance',
	dexMetis: 'the DEX’s METIS',
	dexUsd: 'the DEX’s USD',
	validatorL1Balance: 'the validators’ balance',
	treasury: 'the treasury',
	checkpointEveryMs: 'the checkpoint interval'
};

/** Changed parameters in words, each once: "the quorum threshold", "the challenge window and the exit delay". */
export function paramsWords(names: readonly string[]): string {
	const words = [...new Set(names.map((n) => (PARAM_WORDS as Record<string, string>)[n] ?? 'a parameter'))];
	if (words.length <= 1) return words[0] ?? 'nothing';
	return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** A refusal's reason with parameter names in words: "txPerSecond: at most 1000 tx/s" → "the traffic rate: at most 1000 tx/s". */
export function reasonWords(reason: string): string {
	return reason.replace(/(^|; |\n)(?:params\.)?([a-zA-Z]+)(?=: )/g, (all, start: string, name: string) => {
		const words = (PARAM_WORDS as Record<string, string>)[name];
		return words ? `${start}${words}` : all;
	});
}
