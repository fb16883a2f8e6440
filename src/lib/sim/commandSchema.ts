/**
 * Commands: what a person (or a scenario's timeline) does to a running world. They are data, so a
 * run is replayable from `{ seed, scenario, commands }` alone — the share URL holds exactly that.
 */
import * as v from 'valibot';
import { SEQUENCER_BEHAVIOURS, VALIDATOR_BEHAVIOURS } from './behaviours';

const Id = (prefix: string) => v.pipe(v.string(), v.regex(new RegExp(`^${prefix}-\\d+$`), `expected an id like ${prefix}-0`));

/** The command schema (commands arrive from URLs and files, so they are validated). */
export const CommandSchema = v.variant('type', [
	v.strictObject({ type: v.literal('traffic.rate'), txPerSecond: v.pipe(v.number(), v.minValue(0, 'cannot be negative'), v.maxValue(1000, 'at most 1000 tx/s')) }),
	v.strictObject({ type: v.literal('params.set'), params: v.record(v.string(), v.union([v.string(), v.number()])) }),
	v.strictObject({ type: v.literal('stake.delegate'), user: Id('user'), sequencer: Id('seq'), amount: v.string() }),
	v.strictObject({ type: v.literal('sequencer.unlock'), sequencer: Id('seq') }),
	v.strictObject({ type: v.literal('stake.claim'), owner: v.string() }),
	v.strictObject({ type: v.literal('admin.eject'), sequencer: Id('seq') }),
	v.strictObject({
		type: v.literal('sequencer.behaviour'),
		sequencer: Id('seq'),
		behaviour: v.picklist(SEQUENCER_BEHAVIOURS, `expected one of ${SEQUENCER_BEHAVIOURS.join(', ')}`),
		target: v.optional(Id('user'))
	}),
	v.strictObject({
		type: v.literal('validator.behaviour'),
		validator: Id('val'),
		behaviour: v.picklist(VALIDATOR_BEHAVIOURS, `expected one of ${VALIDATOR_BEHAVIOURS.join(', ')}`)
	})
]);

/** A command. */
export type Command = v.InferOutput<typeof CommandSchema>;

/** A command with the time it is applied at. */
export interface TimedCommand {
	/** Simulated time it is applied at. */
	at: number;
	/** The command. */
	command: Command;
}

/** Validates an untrusted command; returns an error message naming the field, or the command. */
export function parseCommand(input: unknown): { ok: true; command: Command } | { ok: false; error: string } {
	const r = v.safeParse(CommandSchema, input);
	if (r.success) return { ok: true, command: r.output };
	const issue = r.issues[0];
	const field = (issue.path ?? []).map((p) => String((p as { key: unknown }).key)).join('.') || 'command';
	return { ok: false, error: `${field}: ${issue.message}` };
}
