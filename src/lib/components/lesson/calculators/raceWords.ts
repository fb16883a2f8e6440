/** The finality race in the learner's words, from the messages catalogue: rows, rungs, assumptions and durations. */
import type { Assumption, RaceRow, RaceRung, RungTime } from '$lib/learn/calc/finalityRace';
import { formatDuration } from '$lib/player/numberWords';
import { m } from '$lib/paraglide/messages.js';

/** Each system's name. */
export const ROW_NAMES: Record<RaceRow['id'], () => string> = {
	ethereum: m.learn_race_row_ethereum,
	'op-mainnet': m.learn_race_row_op_mainnet,
	arbitrum: m.learn_race_row_arbitrum,
	'zksync-era': m.learn_race_row_zksync_era,
	metis: m.learn_race_row_metis,
	'metis-hybrid': m.learn_race_row_metis_hybrid
};

/** What kind of system each is, shown under its name. */
export const ROW_KINDS: Record<RaceRow['id'], () => string> = {
	ethereum: m.learn_race_kind_l1,
	'op-mainnet': m.learn_race_kind_optimistic,
	arbitrum: m.learn_race_kind_optimistic,
	'zksync-era': m.learn_race_kind_zk,
	metis: m.learn_race_kind_optimistic,
	'metis-hybrid': m.learn_race_claimed
};

/** Each rung's name and what it means. */
export const RUNG_NAMES: Record<RaceRung, () => string> = {
	soft: m.learn_race_rung_soft,
	posted: m.learn_race_rung_posted,
	'l1-final': m.learn_race_rung_l1_final,
	proven: m.learn_race_rung_proven,
	settled: m.learn_race_rung_settled
};

/** What was assumed, for each assumption. */
export const ASSUMPTIONS: Record<Assumption, () => string> = {
	'eth-slot': m.learn_race_note_eth_slot,
	'eth-final': m.learn_race_note_eth_final,
	'op-soft': m.learn_race_note_op_soft,
	'op-withdrawal': m.learn_race_note_op_withdrawal,
	'arb-soft': m.learn_race_note_arb_soft,
	'arb-posted': m.learn_race_note_arb_posted,
	'arb-withdrawal': m.learn_race_note_arb_withdrawal,
	'plus-l1-final': m.learn_race_note_plus_l1_final,
	'zk-soft': m.learn_race_note_zk_soft,
	'zk-posted': m.learn_race_note_zk_posted,
	'zk-proof': m.learn_race_note_zk_proof,
	'zk-execution': m.learn_race_note_zk_execution,
	'metis-soft': m.learn_race_note_metis_soft,
	'metis-posted': m.learn_race_note_metis_posted,
	'metis-withdrawal': m.learn_race_note_metis_withdrawal,
	'hybrid-claim': m.learn_race_note_hybrid_claim
};

/** A time in seconds as a learner reads it: "250 ms", "7.5 min", "6.4 days". */
export function raceTime(seconds: number): string {
	return seconds < 1 ? m.say_ms({ n: Math.round(seconds * 1000) }) : formatDuration(seconds * 1000);
}

/** A rung's time with its spread, when a source gives one: "5 min to 10 min". */
export function rungTime(r: RungTime): string {
	return r.range ? m.learn_race_range({ low: raceTime(r.range.low), high: raceTime(r.range.high) }) : raceTime(r.seconds);
}
