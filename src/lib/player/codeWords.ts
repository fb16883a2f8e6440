/**
 * The words for the short codes the simulation writes into its state and events: a finality mode,
 * a transaction's kind, a side of a dispute, a dispute's game, a sequencer's standing in the pool,
 * an actor's role.
 * A code the catalogue does not know is shown as it is.
 */
import { m } from '$lib/paraglide/messages.js';

/** A code's words, or the code itself when the catalogue has none. */
function wordsOf(table: Record<string, () => string>, code: string): string {
	return Object.hasOwn(table, code) ? table[code]() : code;
}

const FINALITY: Record<string, () => string> = { optimistic: m.word_finality_optimistic, zk: m.word_finality_zk, hybrid: m.word_finality_hybrid };
const TX_KIND: Record<string, () => string> = { transfer: m.word_tx_transfer, swap: m.word_tx_swap };
const PARTY: Record<string, () => string> = { challenger: m.word_party_challenger, defender: m.word_party_defender };
const DISPUTE: Record<string, () => string> = { bisection: m.word_dispute_bisection, 'zk-fraud-proof': m.word_dispute_zk_fraud_proof };
const ROLE: Record<string, () => string> = { sequencer: m.word_role_sequencer, validator: m.word_role_validator, user: m.word_role_user, admin: m.word_role_admin, 'dispute-game': m.word_role_dispute_game };
const STANDING: Record<string, () => string> = { whitelisted: m.word_seq_whitelisted, exiting: m.word_seq_exiting, ejected: m.word_seq_ejected, candidate: m.word_seq_candidate };

/** A finality mode in words: "optimistic", "ZK", "hybrid". */
export const finalityWords = (mode: string): string => wordsOf(FINALITY, mode);
/** A user transaction's kind in words: "transfer", "swap". */
export const txKindWords = (kind: string): string => wordsOf(TX_KIND, kind);
/** A side of a dispute in words: "challenger", "defender". */
export const partyWords = (party: string): string => wordsOf(PARTY, party);
/** A dispute's game in words: "bisection game", "ZK fraud proof". */
export const disputeKindWords = (kind: string): string => wordsOf(DISPUTE, kind);
/** A sequencer's standing in the pool in words: "whitelisted", "exiting", "ejected", "candidate". */
export const standingWords = (status: string): string => wordsOf(STANDING, status);

/** An actor's role in words: "sequencer", "validator", "user", "administrator", "dispute game". */
export const roleWords = (role: string): string => wordsOf(ROLE, role);
