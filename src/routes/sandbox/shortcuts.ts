/** The sandbox's keyboard shortcuts: Space or "." play/pause, → step, ? help; keys a focused control needs are left alone. */

/** What the shortcuts do. */
export interface ShortcutActions {
	/** Play or pause. */
	toggle: () => void;
	/** Step to the next event. */
	step: () => void;
	/** Open the help dialog. */
	help: () => void;
}

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'number', 'url', 'tel', 'password']);

/** Handles one keydown; returns true if it was a shortcut. */
export function handleShortcut(e: KeyboardEvent, actions: ShortcutActions): boolean {
	if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return false;
	const el = e.target instanceof HTMLElement ? e.target : null;
	const tag = el?.tagName ?? '';
	const typing = tag === 'TEXTAREA' || (tag === 'INPUT' && TEXT_INPUTS.has((el as HTMLInputElement).type)) || !!el?.isContentEditable;
	const control = tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA';
	const slider = tag === 'INPUT' && (el as HTMLInputElement).type === 'range';
	const pressable = tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || el?.getAttribute('role') === 'button';
	if (typing) return false;
	let act: (() => void) | null = null;
	if (e.key === '?') act = actions.help;
	else if (e.key === '.') act = actions.toggle;
	else if (e.key === ' ' && (slider || (!control && !pressable))) act = actions.toggle;
	else if (e.key === 'ArrowRight' && !control) act = actions.step;
	if (!act) return false;
	e.preventDefault();
	act();
	return true;
}
