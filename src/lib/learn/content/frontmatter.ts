/**
 * The frontmatter a lesson, step or test may carry, checked field by field so a typo in a lesson
 * fails the build with the file and field named, never a blank page.
 */
import * as v from 'valibot';
import { parseDuration } from '$lib/sim/units';

const Text = (what: string, max = 200) => v.pipe(v.string(`${what}: expected text`), v.trim(), v.minLength(1, `${what}: expected text`), v.maxLength(max, `${what}: at most ${max} characters`));

const Source = v.strictObject({
	title: Text('sources.title'),
	url: v.pipe(v.string('sources.url: expected an address'), v.url('sources.url: expected an address'), v.startsWith('https://', 'sources.url: expected an https address')),
	asOf: v.pipe(v.union([v.string(), v.date()], 'sources.asOf: expected a date'), v.transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)), v.regex(/^\d{4}-\d{2}(-\d{2})?$/, 'sources.asOf: expected YYYY-MM or YYYY-MM-DD'))
});

const Gate = v.strictObject({
	event: v.pipe(v.string('waitFor.event: expected an event type'), v.regex(/^[a-z]+(\.[a-z0-9-]+)?$/, 'waitFor.event: expected an event type like finality.posted')),
	where: v.optional(v.record(v.string(), v.union([v.string(), v.number(), v.boolean()]), 'waitFor.where: expected fields and values')),
	count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000))),
	label: Text('waitFor.label')
});

const Duration = v.pipe(
	v.union([v.string(), v.number()], 'at: expected a duration like 2m30s'),
	v.transform((d) => (typeof d === 'number' ? d : parseDuration(d))),
	v.number('at: expected a duration like 2m30s'),
	v.minValue(0, 'at: expected a duration like 2m30s'),
	v.maxValue(90 * 86_400_000, 'at: at most 90 days')
);

const Scenario = v.pipe(v.string('scenario: expected a scenario name'), v.regex(/^[a-z0-9-]+$/, 'scenario: expected a scenario name'));
const Finality = v.picklist(['optimistic', 'zk', 'hybrid'], 'finality: expected optimistic, zk or hybrid');
const Seed = v.pipe(v.number('seed: expected a whole number'), v.integer('seed: expected a whole number'), v.minValue(0), v.maxValue(2 ** 31));

/** One of the worlds a step shows side by side. */
const SideWorld = v.strictObject({ label: Text('worlds.label', 60), scenario: Scenario, finality: v.optional(Finality), seed: v.optional(Seed), focus: v.optional(Text('worlds.focus', 40)) });

/** A step's frontmatter. */
export const StepFront = v.strictObject({
	title: Text('title'),
	scenario: v.optional(Scenario),
	finality: v.optional(Finality),
	seed: v.optional(Seed),
	worlds: v.optional(v.pipe(v.array(SideWorld, 'worlds: expected a list'), v.minLength(2, 'worlds: at least two side by side'), v.maxLength(4, 'worlds: at most four side by side'))),
	focus: v.optional(Text('focus', 40)),
	at: v.optional(Duration),
	panel: v.optional(v.picklist(['ladder', 'supply', 'both'], 'panel: expected ladder, supply or both')),
	points: v.optional(v.pipe(v.number('points: expected a number'), v.integer('points: expected a whole number'), v.minValue(0), v.maxValue(100)), 10),
	waitFor: v.optional(Gate),
	sources: v.optional(v.array(Source, 'sources: expected a list'), [])
});

/** A lesson's frontmatter (its folder's index.md). */
export const LessonFront = v.strictObject({ title: Text('title'), summary: Text('summary', 400) });

/** A pre- or post-test's frontmatter. */
export const TestFront = v.strictObject({ title: Text('title') });

/** The frontmatter of a file, or an error naming the first bad field. */
export function readFront<S extends v.GenericSchema>(schema: S, front: unknown, file: string): v.InferOutput<S> {
	const result = v.safeParse(schema, front ?? {});
	if (result.success) return result.output;
	const issue = result.issues[0];
	const path = v.getDotPath(issue);
	throw new Error(`${file}: ${issue.message.includes(':') || !path ? issue.message : `${path}: ${issue.message}`}`);
}
