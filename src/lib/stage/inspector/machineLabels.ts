/** Words for a drawn statechart: what fires a transition, its guard, and a delay's length now. */
import type { MachineState, MachineTransition } from '$lib/sim';
import { m } from '$lib/paraglide/messages.js';

/** A delay in words: `500 ms`, `2 s`, `1.5 min`, `2 h`. */
export function formatDelay(ms: number): string {
	const round = (n: number) => String(Math.round(n * 10) / 10);
	if (ms < 1000) return m.say_ms({ n: Math.round(ms) });
	if (ms < 60_000) return m.say_seconds({ n: round(ms / 1000) });
	if (ms < 3_600_000) return m.say_minutes({ n: round(ms / 60_000) });
	return m.say_hours({ n: round(ms / 3_600_000) });
}

/** A nested state's title: its key, marked when its regions run in parallel. */
export function stateTitle(state: Pick<MachineState, 'key' | 'type'>): string {
	return state.type === 'parallel' ? m.draw_machine_state_parallel({ state: state.key }) : state.key;
}

/** What fires it: the event type, `after 2 s` (the named delay's length now, else its name), or `always`. */
export function triggerText(t: MachineTransition, delays: Record<string, number>): string {
	switch (t.trigger.kind) {
		case 'event':
			return t.trigger.event;
		case 'always':
			return m.draw_machine_always();
		case 'after': {
			const { delay } = t.trigger;
			const ms = typeof delay === 'number' ? delay : delays[delay];
			return m.draw_machine_after({ delay: ms === undefined ? delay : formatDelay(ms) });
		}
	}
}

/** Its condition: `[guard]`, `otherwise` after guarded siblings, or null. */
export function guardText(t: MachineTransition): string | null {
	if (t.guard) return `[${t.guard}]`;
	return t.otherwise ? m.draw_machine_otherwise() : null;
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
	const to = t.targets.length ? ` → ${t.targets.map(keyOf).join(', ')}` : m.draw_machine_sentence_stays();
	const runs = t.actions.length ? m.draw_machine_sentence_runs({ actions: t.actions.join(', ') }) : '';
	return `${when}${delay}${to}${runs}`;
}
