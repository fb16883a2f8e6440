/** Words for a drawn statechart: what fires a transition, its guard, and a delay's length now. */
import type { MachineTransition } from '$lib/sim';

/** A delay in words: `500 ms`, `2 s`, `1.5 min`, `2 h`. */
export function formatDelay(ms: number): string {
	const round = (n: number) => String(Math.round(n * 10) / 10);
	if (ms < 1000) return `${Math.round(ms)} ms`;
	if (ms < 60_000) return `${round(ms / 1000)} s`;
	if (ms < 3_600_000) return `${round(ms / 60_000)} min`;
	return `${round(ms / 3_600_000)} h`;
}

/** What fires it: the event type, `after 2 s` (the named delay's length now, else its name), or `always`. */
export function triggerText(t: MachineTransition, delays: Record<string, number>): string {
	switch (t.trigger.kind) {
		case 'event':
			return t.trigger.event;
		case 'always':
			return 'always';
		case 'after': {
			const { delay } = t.trigger;
			const ms = typeof delay === 'number' ? delay : delays[delay];
			return `after ${ms === undefined ? delay : formatDelay(ms)}`;
		}
	}
}

/** Its condition: `[guard]`, `otherwise` after guarded siblings, or null. */
export function guardText(t: MachineTransition): string | null {
	if (t.guard) return `[${t.guard}]`;
	return t.otherwise ? 'otherwise' : null;
}

/** The lines drawn beside an edge for one transition: the trigger, then the condition if any. */
export function transitionLines(t: MachineTransition, delays: Record<string, number>): string[] {
	const guard = guardText(t);
	return guard ? [triggerText(t, delays), guard] : [triggerText(t, delays)];
}

/** One transition as a sentence for the text alternative, e.g. `batch.received → reviewing (runs rememberBatch)`. */
export function transitionSentence(t: MachineTransition, delays: Record<string, number>, keyOf: (id: string) => string): string {
	const when = [triggerText(t, delays), guardText(t)].filter(Boolean).join(' ');
	const delay = t.trigger.kind === 'after' && typeof t.trigger.delay === 'string' && delays[t.trigger.delay] !== undefined ? ` (${t.trigger.delay})` : '';
	const to = t.targets.length ? ` → ${t.targets.map(keyOf).join(', ')}` : ', stays';
	const runs = t.actions.length ? `; runs ${t.actions.join(', ')}` : '';
	return `${when}${delay}${to}${runs}`;
}
