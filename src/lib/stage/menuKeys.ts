/**
 * Keyboard and placement rules for the stage's actors and their menus (WAI-ARIA menu and roving
 * tabindex patterns), as pure functions of an index and a key.
 */

/**
 * Where a roving focus moves inside a group of `count` items laid out in rows of `cols` (a ring is
 * one row that wraps): arrows step, Up/Down jump a row in a grid, Home/End go to the ends. Null
 * when the key is not a move.
 */
export function rovingIndex(o: { index: number; key: string; count: number; cols?: number }): number | null {
	const { index, key, count } = o;
	if (count <= 0) return null;
	const cols = o.cols ?? 0;
	const wrap = (i: number) => ((i % count) + count) % count;
	switch (key) {
		case 'Home':
			return 0;
		case 'End':
			return count - 1;
		case 'ArrowRight':
			return wrap(index + 1);
		case 'ArrowLeft':
			return wrap(index - 1);
		case 'ArrowDown':
			return cols > 1 ? Math.min(count - 1, index + cols) : wrap(index + 1);
		case 'ArrowUp':
			return cols > 1 ? Math.max(0, index - cols) : wrap(index - 1);
		default:
			return null;
	}
}

/** Where focus moves inside an open menu of `count` items: Up/Down wrap, Home/End. Null when the key is not a move. */
export function menuIndex(o: { index: number; key: string; count: number }): number | null {
	if (o.count <= 0) return null;
	const wrap = (i: number) => ((i % o.count) + o.count) % o.count;
	if (o.key === 'ArrowDown') return wrap(o.index + 1);
	if (o.key === 'ArrowUp') return wrap(o.index - 1);
	if (o.key === 'Home' || o.key === 'PageUp') return 0;
	if (o.key === 'End' || o.key === 'PageDown') return o.count - 1;
	return null;
}

/** Type-ahead: the next item after `from` whose label starts with `char` (case-insensitive), or null. */
export function typeahead(labels: readonly string[], from: number, char: string): number | null {
	if (char.length !== 1 || !/\S/.test(char)) return null;
	const c = char.toLowerCase();
	for (let step = 1; step <= labels.length; step++) {
		const i = (from + step) % labels.length;
		if (labels[i].toLowerCase().startsWith(c)) return i;
	}
	return null;
}

/** A rectangle in CSS pixels. */
export interface Box {
	/** Left edge. */
	left: number;
	/** Top edge. */
	top: number;
	/** Width. */
	width: number;
	/** Height. */
	height: number;
}

/**
 * Where a menu goes next to the actor it belongs to: to its right if it fits, else to its left,
 * else below it; always kept `margin` inside the viewport.
 */
export function placeMenu(o: { anchor: Box; menu: { width: number; height: number }; viewport: { width: number; height: number }; gap?: number; margin?: number }): { left: number; top: number } {
	const { anchor, menu, viewport } = o;
	const gap = o.gap ?? 10;
	const margin = o.margin ?? 8;
	const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, Math.max(lo, hi)));
	const right = anchor.left + anchor.width + gap;
	const left = anchor.left - gap - menu.width;
	let x: number;
	let y: number;
	if (right + menu.width <= viewport.width - margin) {
		x = right;
		y = anchor.top + anchor.height / 2 - 40;
	} else if (left >= margin) {
		x = left;
		y = anchor.top + anchor.height / 2 - 40;
	} else {
		x = anchor.left + anchor.width / 2 - menu.width / 2;
		const below = anchor.top + anchor.height + gap;
		y = below + menu.height <= viewport.height - margin ? below : anchor.top - gap - menu.height;
	}
	return { left: clamp(x, margin, viewport.width - margin - menu.width), top: clamp(y, margin, viewport.height - margin - menu.height) };
}
