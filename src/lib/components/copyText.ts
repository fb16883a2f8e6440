/** Copies text to the clipboard: the asynchronous Clipboard API where the page may use it, else a hidden text area and `execCommand('copy')`. */

import { m } from '$lib/paraglide/messages.js';

/** How a copy went. */
export type CopyResult = { ok: true } | { ok: false; error: string };

/** Copies `text`; never throws, says why it failed instead. */
export async function copyText(text: string, doc: Document = document, nav: Navigator = navigator): Promise<CopyResult> {
	let apiError: string | null = null;
	if (nav.clipboard?.writeText) {
		try {
			await nav.clipboard.writeText(text);
			return { ok: true };
		} catch (err) {
			apiError = err instanceof Error ? err.message : String(err);
		}
	}
	const area = doc.createElement('textarea');
	area.value = text;
	area.setAttribute('readonly', '');
	area.style.position = 'fixed';
	area.style.opacity = '0';
	const focused = doc.activeElement;
	doc.body.append(area);
	area.select();
	let copied: boolean;
	try {
		copied = doc.execCommand('copy');
	} catch {
		copied = false;
	}
	area.remove();
	// Selecting the text area took focus: give it back to whatever had it.
	if (focused && 'focus' in focused && typeof focused.focus === 'function') focused.focus();
	if (copied) return { ok: true };
	return { ok: false, error: apiError ? m.ui_copy_refused({ reason: apiError }) : m.ui_copy_not_allowed() };
}
