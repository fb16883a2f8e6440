/**
 * The key to the stage: every glyph, badge, colour and line the stage, the ladder and the timeline
 * draw, grouped by where they appear, each with the sample `LegendSample` draws for it.
 */
import { m } from '$lib/paraglide/messages.js';
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

/** The whole key, in the catalogue's words (read when the key opens, so it follows the language). */
export function legend(): readonly LegendGroup[] {
	return [
		{
			title: m.ui_legend_group_users(),
			entries: [
				{ sample: 'user', label: m.ui_legend_user_label(), meaning: m.ui_legend_user_meaning() },
				{ sample: 'user-sent', label: m.ui_legend_user_sent_label(), meaning: m.ui_legend_user_sent_meaning() },
				{ sample: 'user-idle', label: m.ui_legend_user_idle_label(), meaning: m.ui_legend_user_idle_meaning() },
				{ sample: 'particle', label: m.ui_legend_particle_label(), meaning: m.ui_legend_particle_meaning() }
			]
		},
		{
			title: m.ui_legend_group_pool(),
			entries: [
				{ sample: 'sequencer', label: m.ui_legend_sequencer_label(), meaning: m.ui_legend_sequencer_meaning() },
				{ sample: 'proposer', label: m.ui_legend_proposer_label(), meaning: m.ui_legend_proposer_meaning() },
				{ sample: 'signed', label: m.ui_legend_signed_label(), meaning: m.ui_legend_signed_meaning() },
				{ sample: 'refused', label: m.ui_legend_refused_label(), meaning: m.ui_legend_refused_meaning() },
				{ sample: 'checking', label: m.ui_legend_checking_label(), meaning: m.ui_legend_checking_meaning() },
				{ sample: 'offline', label: m.ui_legend_offline_label(), meaning: m.ui_legend_offline_meaning() },
				{ sample: 'fault', label: m.ui_legend_fault_label(), meaning: m.ui_legend_fault_meaning() },
				{ sample: 'envelope', label: m.ui_legend_envelope_label(), meaning: m.ui_legend_envelope_meaning() },
				{ sample: 'signature', label: m.ui_legend_signature_label(), meaning: m.ui_legend_signature_meaning() },
				{ sample: 'respan', label: m.ui_legend_respan_label(), meaning: m.ui_legend_respan_meaning() }
			]
		},
		{
			title: m.ui_legend_group_batch(),
			entries: [
				{ sample: 'meter', label: m.ui_legend_meter_label(), meaning: m.ui_legend_meter_meaning() },
				{ sample: 'stall', label: m.ui_legend_stall_label(), meaning: m.ui_legend_stall_meaning() },
				{ sample: 'aggregate', label: m.ui_legend_aggregate_label(), meaning: m.ui_legend_aggregate_meaning() }
			]
		},
		{
			title: m.ui_legend_group_finality(),
			entries: [
				{ sample: 'pie-signing', label: m.ui_legend_pie_signing_label(), meaning: m.ui_legend_pie_signing_meaning() },
				{ sample: 'pie-signed', label: m.ui_legend_pie_signed_label(), meaning: m.ui_legend_pie_signed_meaning() },
				{ sample: 'pie-posted', label: m.ui_legend_pie_posted_label(), meaning: m.ui_legend_pie_posted_meaning() },
				{ sample: 'pie-l1-final', label: m.ui_legend_pie_l1_final_label(), meaning: m.ui_legend_pie_l1_final_meaning() },
				{ sample: 'pie-settled', label: m.ui_legend_pie_settled_label(), meaning: m.ui_legend_pie_settled_meaning() },
				{ sample: 'pie-failed', label: m.ui_legend_pie_failed_label(), meaning: m.ui_legend_pie_failed_meaning() },
				{ sample: 'rung-done', label: m.ui_legend_rung_done_label(), meaning: m.ui_legend_rung_done_meaning() },
				{ sample: 'rung-next', label: m.ui_legend_rung_next_label(), meaning: m.ui_legend_rung_next_meaning() }
			]
		},
		{
			title: m.ui_legend_group_validators(),
			entries: [
				{ sample: 'val-idle', label: m.ui_legend_val_idle_label(), meaning: m.ui_legend_val_idle_meaning() },
				{ sample: 'val-checking', label: m.ui_legend_val_checking_label(), meaning: m.ui_legend_val_checking_meaning() },
				{ sample: 'val-ok', label: m.ui_legend_val_ok_label(), meaning: m.ui_legend_val_ok_meaning() },
				{ sample: 'val-mismatch', label: m.ui_legend_val_mismatch_label(), meaning: m.ui_legend_val_mismatch_meaning() },
				{ sample: 'val-off', label: m.ui_legend_val_off_label(), meaning: m.ui_legend_val_off_meaning() },
				{ sample: 'probe', label: m.ui_legend_probe_label(), meaning: m.ui_legend_probe_meaning() }
			]
		},
		{
			title: m.ui_legend_group_l1(),
			entries: [
				{ sample: 'l1-block', label: m.ui_legend_l1_block_label(), meaning: m.ui_legend_l1_block_meaning() },
				{ sample: 'l1-next', label: m.ui_legend_l1_next_label(), meaning: m.ui_legend_l1_next_meaning() },
				{ sample: 'l1-chip', label: m.ui_legend_l1_chip_label(), meaning: m.ui_legend_l1_chip_meaning() }
			]
		},
		{
			title: m.ui_legend_group_punishing(),
			entries: [
				{ sample: 'evidence', label: m.ui_legend_evidence_label(), meaning: m.ui_legend_evidence_meaning() },
				{ sample: 'challenge', label: m.ui_legend_challenge_label(), meaning: m.ui_legend_challenge_meaning() },
				{ sample: 'dispute', label: m.ui_legend_dispute_label(), meaning: m.ui_legend_dispute_meaning() },
				{ sample: 'slash', label: m.ui_legend_slash_label(), meaning: m.ui_legend_slash_meaning() },
				{ sample: 'burn', label: m.ui_legend_burn_label(), meaning: m.ui_legend_burn_meaning() },
				{ sample: 'coin', label: m.ui_legend_coin_label(), meaning: m.ui_legend_coin_meaning() },
				{ sample: 'forced', label: m.ui_legend_forced_label(), meaning: m.ui_legend_forced_meaning() }
			]
		},
		{
			title: m.ui_legend_group_marks(),
			entries: [
				{ sample: 'mark-fault', label: m.ui_legend_mark_fault_label(), meaning: m.ui_legend_mark_fault_meaning() },
				{ sample: 'mark-dispute', label: m.ui_legend_mark_dispute_label(), meaning: m.ui_legend_mark_dispute_meaning() },
				{ sample: 'mark-slash', label: m.ui_legend_mark_slash_label(), meaning: m.ui_legend_mark_slash_meaning() },
				{ sample: 'mark-pool', label: m.ui_legend_mark_pool_label(), meaning: m.ui_legend_mark_pool_meaning() },
				{ sample: 'mark-settled', label: m.ui_legend_mark_settled_label(), meaning: m.ui_legend_mark_settled_meaning() },
				{ sample: 'mark-forced', label: m.ui_legend_mark_forced_label(), meaning: m.ui_legend_mark_forced_meaning() }
			]
		}
	];
}
