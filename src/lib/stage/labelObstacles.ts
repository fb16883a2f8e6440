/**
 * The stage's own text and pictures as boxes, for the label placement pass to keep clear of: panel
 * headings, each sequencer's node and captions, the batch card, the user and validator grids, their
 * counts, and the L1 lane. Mirrors the drawing components' geometry; viewBox units.
 */
import { cardOrigin, CARD } from './effectsGeometry';
import { MIN_FONT, textWidth } from './labelPlacement';
import type { Region, StageLayout } from './layout';
import { m } from '$lib/paraglide/messages.js';

/** Where a sequencer's captions sit below its centre, as offsets from its radius (SequencerNode draws them here). */
export const NODE_CAPTION = { barY: 6, stakeY: 19, statusY: 38 } as const;

/** Height of a panel's heading rows (title and one line under it). */
export const HEADING = 62;

/** The widest status a node shows ("⚠ 2 headers"), for its caption box. */
const statusWidth = () => textWidth(m.draw_node_fault({ fault: m.draw_badge_equivocate() }), MIN_FONT);

/** A sequencer's drawing and captions: its circle (with star and badges), stake bar and number, and status. */
export function nodeBoxes(layout: StageLayout, at: { x: number; y: number }): Region[] {
	const r = layout.pool.nodeR;
	const full = layout.stakeWidth.range()[1];
	const boxes: Region[] = [{ x: at.x - r - 8, y: at.y - r - 10, width: 2 * r + 20, height: 2 * r + 18 }];
	if (layout.pool.labels) {
		const status = statusWidth();
		// The stake number sits on the side away from the card (SequencerPool's `outward`).
		const number = 6 + textWidth('100k', MIN_FONT);
		const left = at.x < layout.pool.cx - 1;
		boxes.push({ x: at.x - full / 2 - (left ? number : 0), y: at.y + r + NODE_CAPTION.barY, width: full + number, height: NODE_CAPTION.stakeY - NODE_CAPTION.barY + 4 });
		boxes.push({ x: at.x - status / 2, y: at.y + r + NODE_CAPTION.statusY - MIN_FONT, width: status, height: MIN_FONT + 4 });
	}
	return boxes;
}

/** The L1 lane: its heading row between the title and the head block numbers (a narrow lane's second row), where L1 events are told (the row's own line gives way). */
export function l1Lane(layout: StageLayout): Region {
	const l = layout.l1;
	if (l.narrow) return { x: l.x + 8, y: l.y + 33, width: l.width - 16, height: l.blocksTop - l.y - 35 };
	const left = l.x + 14 + textWidth(m.draw_l1_title(), 20) + 8;
	const right = l.x + l.width - 14 - textWidth(m.draw_l1_head({ head: '000000', final: '000000' }), MIN_FONT) - 8;
	return { x: left, y: l.y + 3, width: Math.max(right - left, 0), height: 34 };
}

/** The pool lane: the pool's heading rows beside its title, where re-spans, slashes and no-quorum rounds are told (the rows' own words give way). */
export function poolLane(layout: StageLayout): Region {
	const p = layout.pool;
	return { x: p.x + 4, y: p.y + 4, width: p.width - 8, height: 66 };
}

/** The pool's title, which stays while the pool lane is busy. */
export function poolTitle(layout: StageLayout): Region {
	const p = layout.pool;
	return { x: p.x, y: p.y, width: 14 + textWidth(m.draw_pool_title(), 20) + 6, height: 34 };
}

/** Everything on the stage a label must not cover. */
export function stageObstacles(layout: StageLayout): Region[] {
	const { users: u, pool: p, validators: v, l1 } = layout;
	const heading = (r: Region): Region => ({ x: r.x, y: r.y, width: r.width, height: HEADING });
	const o = cardOrigin(layout);
	const rows = Math.ceil(Math.max(u.shown, 1) / u.cols);
	const vRows = Math.ceil(Math.max(layout.validatorCells.size, 1) / v.cols);
	const boxes: Region[] = [
		heading(u),
		heading(p),
		heading(v),
		{ x: o.x, y: o.y, width: CARD.width, height: CARD.height },
		{ x: u.gridLeft - u.pitch / 2, y: u.gridTop - u.pitch / 2, width: u.cols * u.pitch, height: rows * u.pitch + (u.shown < 0 ? 0 : 18) },
		{ x: u.x, y: u.y + u.height - 74, width: u.width, height: 74 },
		{ x: v.gridLeft, y: v.gridTop, width: v.cols * v.cell, height: vRows * v.cell },
		{ x: v.x, y: v.y + v.height - 54, width: v.width, height: 54 },
		{ x: l1.x, y: l1.blocksTop - 6, width: l1.width, height: l1.y + l1.height - l1.blocksTop + 6 }
	];
	for (const at of layout.nodes.values()) boxes.push(...nodeBoxes(layout, at));
	return boxes;
}
