/** Whether a step's gate is open: how many logged events match what the step waits for. */
import type { SimEvent } from '$lib/sim/events';
import type { Gate } from './lessonTypes';

/** Whether an event is of a type and has the given fields. */
export function eventMatches(e: SimEvent, type: string, where: Gate['where'] = {}): boolean {
	if (e.type !== type) return false;
	const fields = e as unknown as Record<string, unknown>;
	return Object.entries(where).every(([k, v]) => fields[k] === v);
}

/** Events in a log that count toward a gate. */
export function gateCount(events: readonly SimEvent[], gate: Gate): number {
	let n = 0;
	for (const e of events) if (eventMatches(e, gate.event, gate.where)) n++;
	return n;
}

/** Whether a log opens a gate. */
export function gateOpen(events: readonly SimEvent[], gate: Gate): boolean {
	return gateCount(events, gate) >= (gate.count ?? 1);
}
