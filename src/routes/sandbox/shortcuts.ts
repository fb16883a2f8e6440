/**
 * The sandbox's keyboard shortcuts: Space or "." play/pause, → step, ? help, k the key to the stage, n next key moment,
 * one-key faults (f actions menu, o proposer offline, t/T traffic, h everyone honest), w World settings, i inspect the shown batch; keys a focused control needs are left alone.
 */

/** What the shortcuts do. */
export interface ShortcutActions {
	/** Play or pause. */
	toggle: () => void;
	/** Step to the next event. */
	step: () => void;
	/** Open the help dialog. */
	help: () => void;
	/** Jump to the next key moment ("n"). */
	jump?: () => void;
	/** Open the actions menu of the focused actor, else of the proposer ("f"). */
	actions?: () => void;
	/** The proposer goes offline ("o"): a one-key demo of a re-span. */
	offline?: () => void;
	/** Double the traffic ("t"), or halve it ("T", with Shift). */
	traffic?: (change: 'double' | 'halve') => void;
	/** Everyone honest again ("h"). */
	honest?: () => void;
	/** Open the World settings ("w"). */
	settings?: () => void;
	/** Inspect the batch the ladder shows ("i"). */
	inspect?: () => void;
	/** Open the key to the stage ("k"). */
	legend?: () => void;
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
	else if ((e.key === 'n' || e.key === 'N') && actions.jump) act = actions.jump;
	else if ((e.key === 'f' || e.key === 'F') && actions.actions) act = actions.actions;
	else if ((e.key === 'o' || e.key === 'O') && actions.offline) act = actions.offline;
	else if ((e.key === 'h' || e.key === 'H') && actions.honest) act = actions.honest;
	else if ((e.key === 'w' || e.key === 'W') && actions.settings) act = actions.settings;
	else if ((e.key === 'i' || e.key === 'I') && actions.inspect) act = actions.inspect;
	else if ((e.key === 'k' || e.key === 'K') && actions.legend) act = actions.legend;
	else if (e.key === 't' && actions.traffic) act = () => actions.traffic?.('double');
	else if (e.key === 'T' && actions.traffic) act = () => actions.traffic?.('halve');
	if (!act) return false;
	e.preventDefault();
	act();
	return true;
}
