/**
 * The key to the stage: every glyph, badge, colour and line the stage, the ladder and the timeline
 * draw, grouped by where they appear, each with the sample `LegendSample` draws for it.
 */
import type { MomentShape } from './timeline';

/** The samples `LegendSample` can draw. */
export type SampleKind =
	| 'user'
	| 'user-sent'
	| 'user-idle'
	| 'particle'
	| 'sequencer'
	| 'proposer'
	| 'signed'
	| 'refused'
	| 'checking'
	| 'offline'
	| 'fault'
	| 'envelope'
	| 'signature'
	| 'meter'
	| 'stall'
	| 'aggregate'
	| 'val-idle'
	| 'val-checking'
	| 'val-ok'
	| 'val-mismatch'
	| 'val-off'
	| 'probe'
	| 'l1-block'
	| 'l1-next'
	| 'l1-chip'
	| 'evidence'
	| 'challenge'
	| 'dispute'
	| 'slash'
	| 'burn'
	| 'coin'
	| 'respan'
	| 'forced'
	| `pie-${'signing' | 'signed' | 'posted' | 'l1-final' | 'settled' | 'failed'}`
	| `rung-${'done' | 'next'}`
	| `mark-${MomentShape}`;

/** One line of the key. */
export interface LegendEntry {
	/** What to draw. */
	sample: SampleKind;
	/** What it is, in a few words. */
	label: string;
	/** What it means, in a sentence. */
	meaning: string;
}

/** A group of lines, by where they appear. */
export interface LegendGroup {
	/** Where on the page. */
	title: string;
	/** Its lines. */
	entries: LegendEntry[];
}

/** The whole key. */
export const LEGEND: readonly LegendGroup[] = [
	{
		title: 'Users',
		entries: [
			{ sample: 'user', label: 'Blue dot', meaning: 'a user (up to 200 are drawn; the rest are counted)' },
			{ sample: 'user-sent', label: 'Big orange dot', meaning: 'a user who just signed and sent a transaction' },
			{ sample: 'user-idle', label: 'White dot', meaning: 'users send nothing (traffic stopped)' },
			{ sample: 'particle', label: 'Orange particle', meaning: 'a transaction flying to the proposer' }
		]
	},
	{
		title: 'Sequencer pool',
		entries: [
			{ sample: 'sequencer', label: 'Blue circle', meaning: 'a sequencer; its bar is its stake' },
			{ sample: 'proposer', label: 'Thick ring and ★', meaning: 'the proposer: it orders transactions and builds blocks this epoch' },
			{ sample: 'signed', label: '✓ badge', meaning: 'signed the current batch header (BLS)' },
			{ sample: 'refused', label: 'Red ring, ✗ refused', meaning: 'refused to sign: it found the batch invalid' },
			{ sample: 'checking', label: 'Short dashes', meaning: 're-executing the batch before it signs' },
			{ sample: 'offline', label: 'Grey, long dashes', meaning: 'offline, or not in the active set' },
			{ sample: 'fault', label: '⚠ badge with a letter', meaning: 'a fault: R bad state root, T forged transaction, E two headers, S sandwiches, C censors' },
			{ sample: 'envelope', label: 'Envelope', meaning: 'the proposer gossiping a batch header to its peers' },
			{ sample: 'signature', label: 'Flying ✓', meaning: 'a signature on its way to the quorum meter' },
			{ sample: 'respan', label: 'Moving ★', meaning: 'a re-span: another sequencer becomes the proposer' }
		]
	},
	{
		title: 'Batch card',
		entries: [
			{ sample: 'meter', label: 'Quorum meter', meaning: 'one box per sequencer: blue signed, red dashed refused, grey waiting; the black line is the quorum' },
			{ sample: 'stall', label: 'Hatched, “stalled”', meaning: 'too many sequencers are silent: the quorum cannot be reached' },
			{ sample: 'aggregate', label: 'Blue pill', meaning: 'the signatures aggregated into one, going to L1' }
		]
	},
	{
		title: 'Finality (pies on cards, chips and the ladder)',
		entries: [
			{ sample: 'pie-signing', label: 'Sky, a sliver', meaning: 'soft: in L2 blocks, collecting signatures' },
			{ sample: 'pie-signed', label: 'Blue, 2/5', meaning: 'signed: the pool reached its quorum' },
			{ sample: 'pie-posted', label: 'Orange, 3/5', meaning: 'posted: L1 accepted the batch' },
			{ sample: 'pie-l1-final', label: 'Purple, 4/5', meaning: 'l1-final: its L1 block can no longer be reorganised' },
			{ sample: 'pie-settled', label: 'Green, full, ✓', meaning: 'settled: nothing can revert it; withdrawals can be claimed' },
			{ sample: 'pie-failed', label: 'Red cross', meaning: 'no quorum, rejected by L1, or reverted' },
			{ sample: 'rung-done', label: 'Filled rung ✓', meaning: 'a ladder rung the batch has reached, with the time it did' },
			{ sample: 'rung-next', label: 'Dashed rung …', meaning: 'the rung the batch waits for now' }
		]
	},
	{
		title: 'Validators',
		entries: [
			{ sample: 'val-idle', label: 'Grey square', meaning: 'a validator, waiting for a batch to sample' },
			{ sample: 'val-checking', label: 'Orange diamond', meaning: 're-executing a posted batch' },
			{ sample: 'val-ok', label: 'Green ✓', meaning: 'its roots matched the batch' },
			{ sample: 'val-mismatch', label: 'Red ⚑', meaning: 'its roots did not match the batch' },
			{ sample: 'val-off', label: 'Dashed, ✗ or zz', meaning: 'offline (✗), or lazy: attests without checking (zz)' },
			{ sample: 'probe', label: 'Line and lens', meaning: 'a validator sampling a batch (red when it finds a mismatch)' }
		]
	},
	{
		title: 'Ethereum L1',
		entries: [
			{ sample: 'l1-block', label: 'Block #n', meaning: 'an L1 block, one every 12 s' },
			{ sample: 'l1-next', label: 'Dashed block', meaning: 'the next L1 block, filling as it forms' },
			{ sample: 'l1-chip', label: 'Chip B3', meaning: 'batch 3 in that L1 block, with its finality pie' }
		]
	},
	{
		title: 'Catching and punishing',
		entries: [
			{ sample: 'evidence', label: 'Document', meaning: 'a peer sending signed evidence to L1' },
			{ sample: 'challenge', label: 'Red flag', meaning: 'a challenge opened on L1, by a validator or a peer' },
			{ sample: 'dispute', label: 'Dispute bar ⚖', meaning: 'the bisection game: green agreed, the outlined range still disputed' },
			{ sample: 'slash', label: '“slashed”, hatched bar', meaning: 'stake taken from a sequencer' },
			{ sample: 'burn', label: 'Flame', meaning: 'the part of a slash that is burned' },
			{ sample: 'coin', label: 'Coin M', meaning: 'the challenger’s share of a slash' },
			{ sample: 'forced', label: 'Purple diamond', meaning: 'a forced transaction: user → L1 queue → L2 block' }
		]
	},
	{
		title: 'Timeline marks',
		entries: [
			{ sample: 'mark-fault', label: 'Orange triangle', meaning: 'a fault, a sandwich or a behaviour change' },
			{ sample: 'mark-dispute', label: 'Red diamond', meaning: 'a mismatch, evidence, challenge or proof' },
			{ sample: 'mark-slash', label: 'Black ✕', meaning: 'a slash, revert, ejection or force-unlock' },
			{ sample: 'mark-pool', label: 'Purple square', meaning: 'no quorum, a rejection, a stall, a re-span, a vote, accepted evidence or a re-derivation' },
			{ sample: 'mark-settled', label: 'Green dot', meaning: 'a batch settled' },
			{ sample: 'mark-forced', label: 'Sky triangle', meaning: 'forced inclusion' }
		]
	}
];
