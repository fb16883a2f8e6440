/** The shapes a laid-out statechart is made of, in CSS px. */
import type { MachineGraph, MachineState, MachineTransition } from '$lib/sim';

/** A box on the drawing. */
export interface Rect {
	/** Left. */
	x: number;
	/** Top. */
	y: number;
	/** Width. */
	w: number;
	/** Height. */
	h: number;
}

/** A drawn state: an atomic or final state, or a box around nested states. */
export interface StateBox extends Rect {
	/** Its state node. */
	state: MachineState;
	/** Nesting depth (children of the root are 1). */
	depth: number;
	/** Height of its title band (boxes with children), else 0. */
	header: number;
	/** Transitions that stay in it, one line each (`tx.send`). */
	stays: string[];
}

/** A drawn label: its lines and the box they sit in. */
export interface EdgeLabel extends Rect {
	/** Lines of text, top to bottom. */
	lines: string[];
}

/** A drawn edge: one source to one target, carrying every transition between them. */
export interface EdgeShape {
	/** `source->target`. */
	key: string;
	/** Source state id. */
	source: string;
	/** Target state id. */
	target: string;
	/** The SVG path. */
	d: string;
	/** Its label. */
	label: EdgeLabel;
	/** The transitions it draws. */
	transitions: MachineTransition[];
}

/** The initial-state mark: a dot and an arrow into the initial child. */
export interface InitialMark {
	/** The initial state's id. */
	state: string;
	/** Dot centre. */
	cx: number;
	/** Dot centre. */
	cy: number;
	/** The arrow's path. */
	d: string;
}

/** A laid-out statechart. */
export interface MachineLayout {
	/** Width in CSS px. */
	width: number;
	/** Height in CSS px. */
	height: number;
	/** Font size used, CSS px. */
	fontPx: number;
	/** Line height, CSS px. */
	lineH: number;
	/** States, outer boxes first so inner ones draw on top. */
	boxes: StateBox[];
	/** Edges. */
	edges: EdgeShape[];
	/** Initial marks. */
	initials: InitialMark[];
	/** Transitions on the root, taken in any state (`timing.updated`). */
	anywhere: string[];
	/** Which levels run top to bottom (chosen when left to right is too wide). */
	topDown: 'none' | 'top' | 'all';
}

/** What to lay out. */
export interface LayoutOptions {
	/** The machine. */
	graph: MachineGraph;
	/** Named delays' lengths now, for `after` labels. */
	delays: Record<string, number>;
	/** Font size in CSS px (at least 12). */
	fontPx: number;
	/** Width available; the top level turns top to bottom if left to right would not fit. */
	width: number;
}
