/** The whole event log of a running world, read from its export (the page keeps only what it draws). */
import type { SimEvent } from '$lib/sim';

/** The world's events, oldest first, from a client that can export it. */
export async function worldEvents(client: { exportWorld(): Promise<string> }): Promise<SimEvent[]> {
	const parsed = JSON.parse(await client.exportWorld()) as { events?: SimEvent[] };
	return parsed.events ?? [];
}
