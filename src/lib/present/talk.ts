/**
 * A talk track from its Markdown file: frontmatter (title, summary, minutes, lesson), then one
 * `## subtitle` per scene, each followed by a `::world{…}` line and the speaker's notes. Used at
 * build time; a mistake fails the build naming the file, the scene and the field.
 */
import type { Heading, RootContent } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import * as v from 'valibot';
import { parseDuration } from '$lib/sim/units';
import { nodesToHtml, parseMarkdown, plainText } from '$lib/learn/content/markdown';
import { readFront } from '$lib/learn/content/frontmatter';
import type { SceneSource, SceneTime, TalkSource } from './talkTypes';

const Text = (what: string, max = 200) => v.pipe(v.string(`${what}: expected text`), v.trim(), v.minLength(1, `${what}: expected text`), v.maxLength(max, `${what}: at most ${max} characters`));
const Slug = (what: string) => v.pipe(v.string(`${what}: expected a name like a-pool-of-sequencers`), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, `${what}: expected a name like a-pool-of-sequencers`));

/** A talk's frontmatter. */
const TalkFront = v.strictObject({
	title: Text('title', 80),
	summary: Text('summary', 300),
	minutes: v.pipe(v.number('minutes: expected a number'), v.minValue(1, 'minutes: at least 1'), v.maxValue(120, 'minutes: at most 120')),
	lesson: Slug('lesson')
});

/** The longest subtitle (it is shown in very large type). */
export const MAX_SUBTITLE = 90;
const MAX_AT = 90 * 86_400_000;

const WorldAttrs = v.strictObject({
	scenario: Slug('scenario'),
	seed: v.optional(v.pipe(v.string(), v.regex(/^\d{1,9}$/, 'seed: expected a whole number'), v.transform(Number))),
	finality: v.optional(v.picklist(['optimistic', 'zk', 'hybrid'], 'finality: expected optimistic, zk or hybrid')),
	focus: v.optional(Text('focus', 40)),
	at: v.optional(v.string()),
	moment: v.optional(v.pipe(v.string(), v.regex(/^[a-z]+(\.[a-z0-9-]+)?$/, 'moment: expected an event type like finality.posted'))),
	where: v.optional(v.string()),
	nth: v.optional(v.pipe(v.string(), v.regex(/^[1-9]\d{0,3}$/, 'nth: expected a whole number from 1'), v.transform(Number))),
	pace: v.string('pace: expected a wall time like 40s'),
	lesson: v.optional(Slug('lesson'))
});

/** Reads a talk file (`slug` is its file name without `.md`). Throws naming the first mistake. */
export function parseTalk(text: string, slug: string): TalkSource {
	const file = `talks/${slug}.md`;
	const { front, body } = parseMarkdown(text);
	const f = readFront(TalkFront, front, file);
	const scenes: SceneSource[] = [];
	let current: { heading: Heading; nodes: RootContent[] } | null = null;
	const close = () => current && scenes.push(readScene(current.heading, current.nodes, `${file}, scene ${scenes.length + 1}`, f.lesson));
	for (const node of body) {
		if (node.type === 'heading' && node.depth === 2) {
			close();
			current = { heading: node, nodes: [] };
		} else if (!current) throw new Error(`${file}: everything after the frontmatter belongs to a scene; start one with "## subtitle"`);
		else current.nodes.push(node);
	}
	close();
	if (!scenes.length) throw new Error(`${file}: a talk needs at least one scene ("## subtitle" then "::world{…}")`);
	return { slug, title: f.title, summary: f.summary, minutes: f.minutes, scenes };
}

function readScene(heading: Heading, nodes: RootContent[], where: string, talkLesson: string): SceneSource {
	const subtitle = plainText(heading.children);
	if (!subtitle) throw new Error(`${where}: the heading is the subtitle and cannot be empty`);
	if (subtitle.length > MAX_SUBTITLE) throw new Error(`${where}: the subtitle is shown huge; keep it to ${MAX_SUBTITLE} characters (it has ${subtitle.length})`);
	const [first, ...notes] = nodes;
	if (!first || first.type !== 'leafDirective' || (first as LeafDirective).name !== 'world') throw new Error(`${where} ("${subtitle}"): the line after the heading must be ::world{scenario="…" at="…" pace="…"}`);
	if (notes.some((n) => n.type === 'leafDirective' || n.type === 'containerDirective')) throw new Error(`${where} ("${subtitle}"): one ::world line per scene, and no other blocks in the notes`);
	const attrs = readAttrs((first as LeafDirective).attributes ?? {}, `${where} ("${subtitle}")`);
	return { subtitle, ...attrs, lesson: attrs.lesson ?? talkLesson, notes: nodesToHtml(notes) };
}

function readAttrs(raw: Record<string, string | null | undefined>, where: string): Omit<SceneSource, 'subtitle' | 'notes' | 'lesson'> & { lesson?: string } {
	const result = v.safeParse(WorldAttrs, raw);
	if (!result.success) {
		const issue = result.issues[0];
		const key = v.getDotPath(issue);
		throw new Error(`${where}: ${issue.message.includes(':') || !key ? issue.message.replace(/^Invalid key: Expected never but received "(.*)"$/, 'unknown attribute $1') : `${key}: ${issue.message}`}`);
	}
	const a = result.output;
	const pace = parseDuration(a.pace);
	if (pace === null || pace < 5_000 || pace > 30 * 60_000) throw new Error(`${where}: pace: expected a wall time from 5s to 30m, like 40s`);
	if ((a.at === undefined) === (a.moment === undefined)) throw new Error(`${where}: give either at (a simulated time) or moment (an event type), not both or neither`);
	if (a.moment === undefined && (a.where !== undefined || a.nth !== undefined)) throw new Error(`${where}: where and nth go with moment`);
	let time: SceneTime;
	if (a.at !== undefined) {
		const at = parseDuration(a.at);
		if (at === null || at < 0 || at > MAX_AT) throw new Error(`${where}: at: expected a simulated time like 2m30s, at most 90 days`);
		time = { at };
	} else time = { moment: { event: a.moment!, where: readWhere(a.where ?? '', where), nth: a.nth ?? 1 } };
	const world = { scenario: a.scenario, ...(a.seed !== undefined && { seed: a.seed }), ...(a.finality && { finality: a.finality }), ...(a.focus && { focus: a.focus }) };
	return { world, time, pace, ...(a.lesson && { lesson: a.lesson }) };
}

/** `batch=0, sequencer=seq-1` as fields (numbers and true/false read as such). */
function readWhere(text: string, where: string): Record<string, string | number | boolean> {
	const out: Record<string, string | number | boolean> = {};
	for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
		const m = /^([A-Za-z][A-Za-z0-9]*)=(.+)$/.exec(part);
		if (!m) throw new Error(`${where}: where: expected field=value pairs separated by commas, like batch=0`);
		const value = m[2].trim();
		out[m[1]] = /^-?\d+$/.test(value) ? Number(value) : value === 'true' ? true : value === 'false' ? false : value;
	}
	return out;
}
