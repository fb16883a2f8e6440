/** What the stage scene draws: one frame of the world as the page knows it. */
import type { WorldSnapshot } from '$lib/sim';
import type { BatchTrack, ValidatorCheck } from '$lib/player/batchLedger';
import type { EffectsView } from '$lib/player/effects';
import type { WorldInfo } from '$lib/player/protocol';

/** Props shared by the stage and its SVG scene. */
export interface SceneProps {
	/** World facts. */
	info: WorldInfo;
	/** The snapshot. */
	snapshot: WorldSnapshot;
	/** Every batch. */
	batches: BatchTrack[];
	/** Validators' latest checks. */
	checks: Record<string, ValidatorCheck>;
	/** Validator totals. */
	checkTotals: { checked: number; mismatches: number };
	/** Users who just sent. */
	senders: string[];
	/** Selected batch. */
	selected: number | null;
	/** Select a batch. */
	onselect: (index: number) => void;
	/** Effects to draw over the stage (none when omitted). */
	effects?: EffectsView;
}
