/**
 * The finality race with today's real parameters: how long one transaction takes to climb each
 * rung of the ladder (soft → posted → l1-final → proven → settled) on Ethereum, two optimistic
 * rollups, a ZK rollup, Metis as deployed and Metis' hybrid claim. Times are seconds after the
 * transaction is sent; every number names its source, and says so when it is an assumption.
 */

/** Where a number comes from, as a lesson cites it. */
export interface RaceSource {
	/** What the source is, e.g. "L2BEAT: OP Mainnet". */
	title: string;
	/** Its https address. */
	url: string;
	/** When it was read (YYYY-MM or YYYY-MM-DD). */
	asOf: string;
}

/** A rung of the ladder, in climbing order; `proven` only where a validity proof is checked on L1. */
export const RACE_RUNGS = ['soft', 'posted', 'l1-final', 'proven', 'settled'] as const;

/** A rung of the ladder. */
export type RaceRung = (typeof RACE_RUNGS)[number];

/** What was assumed for a number that is not a quoted parameter; the words are in the messages catalogue. */
export type Assumption =
	| 'eth-slot'
	| 'eth-final'
	| 'op-soft'
	| 'op-withdrawal'
	| 'arb-soft'
	| 'arb-posted'
	| 'arb-withdrawal'
	| 'plus-l1-final'
	| 'zk-soft'
	| 'zk-posted'
	| 'zk-proof'
	| 'zk-execution'
	| 'metis-soft'
	| 'metis-posted'
	| 'metis-withdrawal'
	| 'hybrid-claim';

/** When one rung is reached. */
export interface RungTime {
	/** The rung. */
	rung: RaceRung;
	/** Seconds after the transaction is sent: the point drawn. */
	seconds: number;
	/** The spread a source gives, when it gives one. */
	range?: { low: number; high: number };
	/** Where the number comes from (one or more). */
	sources: RaceSource[];
	/** What was assumed, when the number is not a quoted parameter. */
	assumption?: Assumption;
}

/** One system's row: its rungs in order, and the rung at which the transaction itself is final. */
export interface RaceRow {
	/** Its id. */
	id: 'ethereum' | 'op-mainnet' | 'arbitrum' | 'zksync-era' | 'metis' | 'metis-hybrid';
	/** Whether the numbers run today or are a design's claim. */
	kind: 'deployed' | 'claim';
	/** The rungs it climbs, in order. */
	rungs: RungTime[];
	/** The rung from which the transaction can no longer change (withdrawals may wait longer). */
	txFinal: RaceRung;
}

/** An Ethereum slot, in seconds. */
const SLOT = 12;
/** Ethereum's finality: about two epochs of 32 slots (12.8 min). */
const L1_FINALITY = 2 * 32 * SLOT;
const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
/** Arbitrum One's challenge period: 45,818 L1 blocks of 12 s (about 6.4 days). */
const ARBITRUM_CHALLENGE = 45_818 * SLOT;

const ETHEREUM_POS: RaceSource = { title: 'ethereum.org: proof-of-stake', url: 'https://ethereum.org/en/developers/docs/consensus-mechanisms/pos/', asOf: '2026-12-01' };
const OP_FINALITY: RaceSource = { title: 'Optimism docs: transaction finality', url: 'https://docs.optimism.io/stack/transactions/transaction-finality', asOf: '2026-12-01' };
const OP_FAULT_PROOFS: RaceSource = { title: 'Optimism docs: fault proofs explainer', url: 'https://docs.optimism.io/stack/fault-proofs/explainer', asOf: '2026-12-01' };
const L2BEAT_OP: RaceSource = { title: 'L2BEAT: OP Mainnet', url: 'https://l2beat.com/scaling/projects/op-mainnet', asOf: '2026-01' };
const ARB_TIMING: RaceSource = { title: 'Arbitrum docs: sequencer timing adjustments', url: 'https://docs.arbitrum.io/launch-arbitrum-chain/features/advanced/sequencer-timing-adjustments', asOf: '2026-12-01' };
const ARB_MONITORING: RaceSource = { title: 'Arbitrum docs: monitor withdrawals', url: 'https://docs.arbitrum.io/arbitrum-bridge/withdrawal-monitoring', asOf: '2026-12-01' };
const ARB_WITHDRAW: RaceSource = { title: 'Arbitrum docs: withdraw tokens to parent chain', url: 'https://docs.arbitrum.io/build-decentralized-apps/token-bridging/withdraw-tokens', asOf: '2026-12-01' };
const L2BEAT_ARB: RaceSource = { title: 'L2BEAT: Arbitrum One', url: 'https://l2beat.com/scaling/projects/arbitrum', asOf: '2026-01' };
const SUPERBRIDGE_ARB: RaceSource = { title: 'Superbridge docs: Arbitrum withdrawals', url: 'https://docs.superbridge.app/arbitrum/withdrawals', asOf: '2026-12-01' };
const ZK_FINALITY: RaceSource = { title: 'ZKsync docs: finality', url: 'https://docs.zksync.io/zksync-protocol/rollup/finality', asOf: '2026-12-01' };
const L2BEAT_ZK: RaceSource = { title: 'L2BEAT: ZKsync Era', url: 'https://l2beat.com/scaling/projects/zksync-era', asOf: '2026-01' };
const ZK_TIMELOCK: RaceSource = { title: 'matter-labs/era-contracts: ValidatorTimelock', url: 'https://github.com/matter-labs/era-contracts', asOf: '2026-12-01' };
const L2BEAT_METIS: RaceSource = { title: 'L2BEAT: Metis', url: 'https://l2beat.com/scaling/projects/metis', asOf: '2025-07-28' };
const METIS_DOCS: RaceSource = { title: 'Metis docs', url: 'https://docs.metis.io/', asOf: '2025-07' };
const METIS_MVM: RaceSource = { title: 'MetisProtocol/mvm (FRAUD_PROOF_WINDOW)', url: 'https://github.com/MetisProtocol/mvm', asOf: '2025-07' };
const TECHFLOW: RaceSource = { title: 'TechFlow: how Metis makes Layer 2 truly decentralized', url: 'https://www.techflowpost.com/en-US/article/15313', asOf: '2023-12-27' };

/** A rung reached Ethereum's finality after another one: its block is final about 12.8 minutes later. */
const finalAfter = (posted: number, sources: RaceSource[] = []): RungTime => ({ rung: 'l1-final', seconds: posted + L1_FINALITY, sources: [...sources, ETHEREUM_POS], assumption: 'plus-l1-final' });

/** Metis' batches reach L1 about every 30 minutes: a transaction just after one waits for the next. */
const METIS_POSTED = 30 * MINUTE;

/** Metis as deployed up to l1-final, which its hybrid design would keep. */
const METIS_EARLY: RungTime[] = [
	{ rung: 'soft', seconds: 2, sources: [METIS_DOCS], assumption: 'metis-soft' },
	{ rung: 'posted', seconds: METIS_POSTED, sources: [L2BEAT_METIS, METIS_DOCS], assumption: 'metis-posted' },
	finalAfter(METIS_POSTED)
];

/** The race: one row per system, in the order the chart draws them. */
export const FINALITY_RACE: readonly RaceRow[] = [
	{
		id: 'ethereum',
		kind: 'deployed',
		txFinal: 'l1-final',
		rungs: [
			{ rung: 'posted', seconds: SLOT, sources: [ETHEREUM_POS], assumption: 'eth-slot' },
			{ rung: 'l1-final', seconds: SLOT + L1_FINALITY, sources: [ETHEREUM_POS], assumption: 'eth-final' }
		]
	},
	{
		id: 'op-mainnet',
		kind: 'deployed',
		txFinal: 'l1-final',
		rungs: [
			{ rung: 'soft', seconds: 2, sources: [OP_FINALITY], assumption: 'op-soft' },
			{ rung: 'posted', seconds: 7.5 * MINUTE, range: { low: 5 * MINUTE, high: 10 * MINUTE }, sources: [OP_FINALITY] },
			{ rung: 'l1-final', seconds: 25 * MINUTE, range: { low: 20 * MINUTE, high: 30 * MINUTE }, sources: [OP_FINALITY] },
			{ rung: 'settled', seconds: 7 * DAY + HOUR, sources: [OP_FINALITY, OP_FAULT_PROOFS, L2BEAT_OP], assumption: 'op-withdrawal' }
		]
	},
	{
		id: 'arbitrum',
		kind: 'deployed',
		txFinal: 'l1-final',
		rungs: [
			{ rung: 'soft', seconds: 0.25, sources: [ARB_TIMING], assumption: 'arb-soft' },
			{ rung: 'posted', seconds: 5 * MINUTE, sources: [ARB_MONITORING], assumption: 'arb-posted' },
			finalAfter(5 * MINUTE, [ARB_MONITORING]),
			{ rung: 'settled', seconds: ARBITRUM_CHALLENGE + HOUR, sources: [ARB_WITHDRAW, L2BEAT_ARB, SUPERBRIDGE_ARB], assumption: 'arb-withdrawal' }
		]
	},
	{
		id: 'zksync-era',
		kind: 'deployed',
		txFinal: 'settled',
		rungs: [
			{ rung: 'soft', seconds: 1, sources: [ZK_FINALITY], assumption: 'zk-soft' },
			{ rung: 'posted', seconds: 5 * MINUTE, sources: [ZK_FINALITY], assumption: 'zk-posted' },
			finalAfter(5 * MINUTE),
			{ rung: 'proven', seconds: 5 * MINUTE + HOUR, sources: [ZK_FINALITY], assumption: 'zk-proof' },
			{ rung: 'settled', seconds: 5 * MINUTE + 3 * HOUR, sources: [ZK_FINALITY, L2BEAT_ZK, ZK_TIMELOCK], assumption: 'zk-execution' }
		]
	},
	{
		id: 'metis',
		kind: 'deployed',
		txFinal: 'l1-final',
		rungs: [...METIS_EARLY, { rung: 'settled', seconds: METIS_POSTED + 7 * DAY, sources: [L2BEAT_METIS, METIS_MVM], assumption: 'metis-withdrawal' }]
	},
	{
		id: 'metis-hybrid',
		kind: 'claim',
		txFinal: 'l1-final',
		rungs: [...METIS_EARLY, { rung: 'settled', seconds: 4 * HOUR, sources: [TECHFLOW], assumption: 'hybrid-claim' }]
	}
];

/** A row's rungs up to the one the view ends at: settled (withdrawals) or where the transaction is final. */
export function rungsShown(row: RaceRow, view: 'settled' | 'final'): RungTime[] {
	if (view === 'settled') return row.rungs;
	const end = row.rungs.findIndex((r) => r.rung === row.txFinal);
	return row.rungs.slice(0, end + 1);
}

/** The earliest and latest times in the race, with their spreads: what the time axis must hold. */
export function raceExtent(rows: readonly RaceRow[] = FINALITY_RACE): { low: number; high: number } {
	const all = rows.flatMap((row) => row.rungs.flatMap((r) => [r.seconds, r.range?.low ?? r.seconds, r.range?.high ?? r.seconds]));
	return { low: Math.min(...all), high: Math.max(...all) };
}
