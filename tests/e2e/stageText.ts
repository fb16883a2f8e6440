/** Measures the stage's drawn text in the browser: rendered font sizes, overlaps between texts, texts leaving their panel. */
import type { Page } from '@playwright/test';

/** A problem with the stage's text as drawn now. */
export interface TextProblem {
	/** What kind. */
	kind: 'overlap' | 'outside' | 'small';
	/** In words, naming the texts. */
	what: string;
}

/** What one measurement found. */
export interface TextReport {
	/** Visible texts measured. */
	count: number;
	/** Smallest rendered font size, CSS px. */
	smallest: number;
	/** The problems. */
	problems: TextProblem[];
}

/**
 * Measures every visible `<text>` in the stage's SVG (the `scene`-th on the page). A text inside a `[data-label]` group (a label on
 * its pill, a chip) is measured as that whole group. A text wholly under a later `[data-cover]` box (the batch card, the dispute bar) is hidden; one half under it is a problem.
 * A text wholly outside the SVG's box (a compact stage's crop) is not drawn; one cut by its edge is a problem.
 * Overlap and panel tolerance is `slack` CSS px; fonts under `minPx` rendered px are reported.
 */
export async function measureStage(page: Page, { minPx = 12, slack = 1, scene = 0 }: { minPx?: number; slack?: number; scene?: number } = {}): Promise<TextReport> {
	return page.evaluate(
		({ minPx, slack, scene }) => {
			type Box = { left: number; top: number; right: number; bottom: number };
			const svg = document.querySelectorAll('svg.scene')[scene];
			if (!svg) return { count: 0, smallest: Infinity, problems: [{ kind: 'outside' as const, what: 'no stage' }] };
			const boxOf = (el: Element): Box => {
				const r = el.getBoundingClientRect();
				return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
			};
			const inside = (a: Box, b: Box, s: number) => a.left >= b.left - s && a.right <= b.right + s && a.top >= b.top - s && a.bottom <= b.bottom + s;
			const opacity = (el: Element): number => {
				let o = 1;
				for (let e: Element | null = el; e && e !== svg.parentElement; e = e.parentElement) {
					const cs = getComputedStyle(e);
					if (cs.display === 'none' || cs.visibility === 'hidden') return 0;
					o *= Number(cs.opacity);
				}
				return o * Number(getComputedStyle(el).fillOpacity);
			};
			const shared = (a: Box, b: Box) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > slack && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > slack;
			const drawn = boxOf(svg);
			const panels = [...svg.querySelectorAll('rect.panel')].map(boxOf);
			const covers = [...svg.querySelectorAll('[data-cover]')];
			const texts: { label: string; box: Box; group: Element | null }[] = [];
			let smallest = Infinity;
			const problems: { kind: 'overlap' | 'outside' | 'small'; what: string }[] = [];
			for (const text of svg.querySelectorAll('text')) {
				const words = (text.textContent ?? '').trim();
				if (!words || opacity(text) <= 0.01) continue;
				const own = boxOf(text);
				if (own.right - own.left < 0.5) continue;
				// Left out of a cropped stage; cut by its edge is a problem.
				if (!shared(own, drawn)) continue;
				if (!inside(own, drawn, slack)) problems.push({ kind: 'outside', what: `"${words}" is cut off at the stage's edge` });
				// Hidden under a box drawn after it (the dispute bar over old L1 blocks); half hidden is a problem.
				const over = covers.filter((c) => text.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING && !c.contains(text)).map(boxOf);
				if (over.some((c) => inside(own, c, 0))) continue;
				const cut = over.find((c) => shared(own, c));
				if (cut) problems.push({ kind: 'overlap', what: `"${words}" is half under a box drawn over it` });
				const ctm = (text as SVGTextElement).getScreenCTM();
				const px = Number.parseFloat(getComputedStyle(text).fontSize) * (ctm ? Math.hypot(ctm.a, ctm.b) : 1);
				smallest = Math.min(smallest, px);
				if (px < minPx - 0.05) problems.push({ kind: 'small', what: `"${words}" is ${px.toFixed(1)} px` });
				const pill = text.closest('[data-label]');
				const box = pill && svg.contains(pill) ? boxOf(pill) : own;
				texts.push({ label: words, box, group: pill });
				const cx = (own.left + own.right) / 2;
				const cy = (own.top + own.bottom) / 2;
				const home = panels.find((p) => cx >= p.left && cx <= p.right && cy >= p.top && cy <= p.bottom);
				if (!home || !inside(box, home, slack)) problems.push({ kind: 'outside', what: `"${words}" leaves its panel` });
			}
			for (let i = 0; i < texts.length; i++) {
				for (let j = i + 1; j < texts.length; j++) {
					// The lines of one label share its pill.
					if (texts[i].group && texts[i].group === texts[j].group) continue;
					const a = texts[i].box;
					const b = texts[j].box;
					const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
					const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
					if (w > slack && h > slack) problems.push({ kind: 'overlap', what: `"${texts[i].label}" × "${texts[j].label}" (${w.toFixed(0)}×${h.toFixed(0)} px)` });
				}
			}
			return { count: texts.length, smallest, problems };
		},
		{ minPx, slack, scene }
	);
}

/** The stage box's size and place, CSS px. */
export async function stageBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
	const box = await page.locator('svg.scene').boundingBox();
	if (!box) throw new Error('no stage on the page');
	return { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) };
}
