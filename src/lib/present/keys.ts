/**
 * The presenter's keys, as reveal.js maps them (what presenter remotes send): a key names an
 * action on the talk, never on the world's clock.
 */

/** What a key does in presenter mode. */
export type PresentAction = 'next' | 'prev' | 'first' | 'last' | 'blank' | 'fullscreen' | 'goto' | 'help' | 'speaker' | 'live' | 'qr' | 'close';

const KEYS: Record<string, PresentAction> = {
	PageDown: 'next',
	n: 'next',
	N: 'next',
	' ': 'next',
	ArrowRight: 'next',
	ArrowDown: 'next',
	PageUp: 'prev',
	p: 'prev',
	P: 'prev',
	ArrowLeft: 'prev',
	ArrowUp: 'prev',
	Home: 'first',
	End: 'last',
	b: 'blank',
	B: 'blank',
	v: 'blank',
	V: 'blank',
	'.': 'blank',
	'/': 'blank',
	f: 'fullscreen',
	F: 'fullscreen',
	g: 'goto',
	G: 'goto',
	'?': 'help',
	s: 'speaker',
	S: 'speaker',
	l: 'live',
	L: 'live',
	q: 'qr',
	Q: 'qr',
	Escape: 'close'
};

/** The action a key press names in presenter mode, or null (a key with Ctrl, Alt or Meta is the browser's). */
export function presentAction(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>): PresentAction | null {
	if (e.ctrlKey || e.altKey || e.metaKey) return null;
	return KEYS[e.key] ?? null;
}

/** While the speaker has live control, the remote's page keys (and Esc) bring the talk back where it was; every other key goes to the controls. */
export function liveAction(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>): 'back' | null {
	if (e.ctrlKey || e.altKey || e.metaKey) return null;
	return e.key === 'Escape' || e.key === 'PageDown' || e.key === 'PageUp' ? 'back' : null;
}

/** Whether a key press is typed into a field (a form control keeps its own keys). */
export function typingIn(target: EventTarget | null): boolean {
	const el = target as HTMLElement | null;
	if (!el || typeof el.closest !== 'function') return false;
	return !!el.closest('input, textarea, select, [contenteditable="true"]');
}
