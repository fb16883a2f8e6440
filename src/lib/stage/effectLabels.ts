/**
 * The words the effects layer shows, as label requests for the placement pass: which panel each
 * belongs to, where it would best sit and how it looks. A slash sits by its sequencer and a reward by
 * its challenger; pool events (re-span, no quorum, forced inclusion) share the pool lane (its second
 * heading row) and L1 events (evidence, challenge, aggregate, forced queue, a stall) the L1 lane.
 */
import { metisAmount } from '$lib/player/numberWords';
import { evidenceLabel } from '$lib/player/reasonWords';
import type { Effect, RespanReason, StallView } from '$lib/player/effects';
import { stallText, type QuorumRule } from '$lib/player/quorumWords';
import { batchPhrase } from './batchNames';
import { actorAt } from './effectsGeometry';
import { l1Lane, poolLane, poolTitle } from './labelObstacles';
import { MIN_FONT, pillSize, type LabelRequest } from './labelPlacement';
import type { Region, StageLayout } from './layout';
import { m } from '$lib/paraglide/messages.js';

/** A label request with its look. */
export interface EffectLabelRequest extends LabelRequest {
	/** Look of the pill. */
	tone: 'plain' | 'bad' | 'good' | 'money';
	/** The lane it is told in, if any (the lane's own words give way while it shows). */
	in: 'pool' | 'l1' | null;
	/** The glyph drawn in its icon room. */
	glyph?: 'flame' | 'pause';
}

/** Id of the stalled quorum's label (it is no effect: it lasts as long as the stall). */
export const STALL_LABEL = 'stall';

/** Room for a glyph inside a pill. */
const ICON = 20;

/** METIS without the unit: "30,000". */
function amount(wei: string): string {
	try {
		return metisAmount(wei);
	} catch {
		return m.draw_amount_wei({ wei });
	}
}

/** "re-span: seq-2 silent → seq-5". */
export function respanLines(e: Extract<Effect, { kind: 'respan' }>): string[] {
	const from = e.from ?? m.draw_nobody();
	const why: Record<RespanReason, string> = {
		silent: m.draw_respan_silent({ from }),
		slashed: m.draw_respan_slashed({ from }),
		ejected: m.draw_respan_ejected({ from }),
		refused: m.draw_respan_refused({ from }),
		replaced: from
	};
	return [m.draw_respan({ why: why[e.why], to: e.to ?? m.draw_nobody() })];
}

/** "slashed 5 × 40,000 · burned 100,000" (or the total, when the amounts differ). */
export function slashSummary(slashes: Extract<Effect, { kind: 'slash' }>[]): string {
	const sum = (pick: (e: Extract<Effect, { kind: 'slash' }>) => string) => slashes.reduce((t, e) => t + BigInt(pick(e)), 0n).toString();
	const same = slashes.every((e) => e.amount === slashes[0].amount);
	const burned = sum((e) => e.burned);
	const inputs = { count: slashes.length, amount: amount(same ? slashes[0].amount : sum((e) => e.amount)), burned: amount(burned) };
	if (same) return burned !== '0' ? m.draw_slash_each_burned(inputs) : m.draw_slash_each(inputs);
	return burned !== '0' ? m.draw_slash_total_burned(inputs) : m.draw_slash_total(inputs);
}

/** The panel an actor is drawn in. */
function panelOf(layout: StageLayout, id: string): Region {
	if (layout.nodes.has(id)) return layout.pool;
	if (/^val-/.test(id)) return layout.validators;
	if (/^user-/.test(id)) return layout.users;
	return layout.pool;
}

/** What the layer needs to word its labels. */
export interface EffectLabelInput {
	/** The stage layout. */
	layout: StageLayout;
	/** Effects live now. */
	effects: Effect[];
	/** A stalled quorum, if any. */
	stall: StallView | null;
	/** The quorum rule in force (a stall says which one the online sequencers cannot meet). */
	quorum: QuorumRule;
}

/** The label requests for the live effects, oldest first (they get the first pick of free spots); each waits, unshown, while it has no free spot. */
export function effectLabels({ layout, effects, stall, quorum }: EffectLabelInput): EffectLabelRequest[] {
	const s = MIN_FONT;
	const pool = layout.pool;
	const lanes = { pool: poolLane(layout), l1: l1Lane(layout) };
	/** Spots along a lane, its lower row first, left first, for a label of these lines. */
	const along = (lane: Region, lines: string[], icon = 0) => {
		const { width, height } = pillSize(lines, s, icon);
		const rows = [lane.y + lane.height - 4 - height / 2, lane.y + 4 + height / 2];
		const out: { x: number; y: number }[] = [];
		for (const y of rows) for (let x = lane.x + width / 2; x <= lane.x + lane.width - width / 2 + 0.5; x += 24) out.push({ x, y });
		return out.length ? out : [{ x: lane.x + width / 2, y: rows[0] }];
	};
	const inLane = (id: string, which: 'pool' | 'l1', lines: string[], tone: EffectLabelRequest['tone'], more: Partial<EffectLabelRequest> = {}): EffectLabelRequest => ({
		id,
		lines,
		size: s,
		at: along(lanes[which], lines, more.icon),
		within: lanes[which],
		tone,
		in: which,
		lane: true,
		avoid: which === 'pool' ? [poolTitle(layout)] : [],
		optional: true,
		...more
	});
	const out: EffectLabelRequest[] = [];
	if (stall) out.push(inLane(STALL_LABEL, 'l1', [m.draw_stalled({ rule: stallText(quorum), silent: stall.silent.length })], 'bad', { icon: ICON, glyph: 'pause' }));
	// First come, first placed: a label keeps its spot when another arrives, and one with no room waits for it.
	const rank = (e: Effect) => ['slash', 'respan', 'reward', 'forced', 'no-quorum', 'challenge', 'evidence', 'aggregate'].indexOf(e.kind);
	// Three or more slashes at once (a colluding majority) are told together in the pool lane.
	const slashes = effects.filter((e): e is Extract<Effect, { kind: 'slash' }> => e.kind === 'slash');
	if (slashes.length > 2) out.push(inLane(String(slashes[0].id), 'pool', [slashSummary(slashes)], 'bad'));
	for (const e of [...effects].filter((x) => rank(x) >= 0).sort((a, b) => a.id - b.id)) {
		const id = String(e.id);
		if (e.kind === 'slash' && slashes.length > 2) continue;
		switch (e.kind) {
			case 'slash': {
				const at = actorAt(layout, e.sequencer);
				if (!at) break;
				const side = at.x < pool.cx - 1 ? -1 : 1;
				const burned = e.burned !== '0';
				const slashed = m.draw_slashed({ amount: amount(e.amount) });
				const lines = burned ? [slashed, m.draw_burned({ amount: amount(e.burned) })] : [slashed];
				const { width: w, height: h } = pillSize(lines, s, burned ? ICON : 0);
				const r = pool.nodeR;
				// Beside the node, away from the card; else above or below it, or on its other side.
				const dx = r + 12 + w / 2;
				const dy = r + 12 + h / 2;
				const at8 = [
					{ x: at.x + side * dx, y: at.y },
					{ x: at.x + side * dx, y: at.y - dy },
					{ x: at.x + side * dx, y: at.y + dy },
					{ x: at.x, y: at.y - dy },
					{ x: at.x, y: at.y + dy + 30 },
					{ x: at.x - side * dx, y: at.y }
				];
				// A crowded ring (seven or more nodes) may have no room: then it is told in the pool lane.
				const told = burned
					? m.draw_slashed_who_burned({ who: e.sequencer, amount: amount(e.amount), burned: amount(e.burned) })
					: m.draw_slashed_who({ who: e.sequencer, amount: amount(e.amount) });
				const fallback = inLane(id, 'pool', [told], 'bad');
				out.push({ id, lines, size: s, at: at8, within: pool, tone: 'bad', in: null, icon: burned ? ICON : 0, glyph: burned ? 'flame' : undefined, fallback, optional: true });
				break;
			}
			case 'reward': {
				const at = actorAt(layout, e.challenger);
				if (!at) break;
				// A sequencer's reward is told in the pool lane (the ring has no room); a validator's sits by its cell.
				if (layout.nodes.has(e.challenger)) {
					out.push(inLane(id, 'pool', [m.draw_reward({ amount: amount(e.amount), who: e.challenger })], 'money'));
					break;
				}
				const lines = [m.draw_reward_amount({ amount: amount(e.amount) }), m.draw_reward_to({ who: e.challenger })];
				out.push({ id, lines, size: s, at: [{ x: at.x, y: at.y - 50 }, { x: at.x, y: at.y + 60 }], within: panelOf(layout, e.challenger), tone: 'money', in: null, optional: true });
				break;
			}
			case 'respan':
				out.push(inLane(id, 'pool', respanLines(e), 'plain'));
				break;
			case 'no-quorum':
				if (e.refused > 0) out.push(inLane(id, 'pool', [m.draw_no_quorum({ refused: e.refused })], 'bad'));
				break;
			case 'forced': {
				const many = e.count > 1;
				const user = e.user || m.draw_forced_users();
				if (e.phase === 'included') out.push(inLane(id, 'pool', [many ? m.draw_forced_included_times({ count: e.count }) : m.draw_forced_included()], 'plain'));
				else out.push(inLane(id, 'l1', [many ? m.draw_forced_queued_times({ user, count: e.count }) : m.draw_forced_queued({ user })], 'plain'));
				break;
			}
			case 'challenge':
				out.push(inLane(id, 'l1', [m.draw_challenge({ batch: batchPhrase({ index: e.batch, attempt: e.attempt }) })], 'bad'));
				break;
			case 'evidence':
				out.push(inLane(id, 'l1', [evidenceLabel(e.fault)], 'bad'));
				break;
			case 'aggregate':
				out.push(inLane(id, 'l1', [m.draw_aggregate({ signers: e.signers })], 'plain'));
				break;
		}
	}
	return out;
}
