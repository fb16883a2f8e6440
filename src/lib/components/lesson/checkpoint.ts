/** Where a step's world was left (its link and simulated time), and where each of a step's side-by-side worlds is kept; no world code, so a step page can name checkpoints before any world loads. */

/** Where a step's world was left: its link and its simulated time. */
export interface WorldCheckpoint {
	/** The world's share-link query. */
	query: string;
	/** Simulated ms. */
	t: number;
}

/** The progress key of world `index` of a step with worlds side by side. */
export function sideWorldKey(path: string, index: number): string {
	return `${path}#${index + 1}`;
}
