/**
 * Runs xstate v5 machines as pure transition functions on the world's virtual clock.
 *
 * Each actor's state is an immutable xstate snapshot. Delayed transitions (`after`) come back from
 * `transition()` as delayed `xstate.raise` actions: they go into the world's scheduler at
 * `now + delay`, so they fire in simulated time and a checkpoint is just a copy of the snapshots
 * and the scheduler. Side effects are `emit`ted events that the world carries out.
 */
import { initialTransition, transition, type AnyStateMachine, type AnyMachineSnapshot, type EventObject } from 'xstate';

/** Any event for an actor: a type and its fields. */
export type ActorMessage = EventObject & Record<string, unknown>;

/** What the host needs from the world: the time, the scheduler, and a sink for emitted effects. */
export interface ActorHostOptions {
	/** Current simulated time. */
	now: () => number;
	/** Schedule `event` for `actorId` at time `at` under a cancellable key. */
	scheduleDelayed: (at: number, actorId: string, event: EventObject, key: string) => void;
	/** Cancel a delayed event by key. */
	cancelDelayed: (key: string) => void;
	/** Carry out an effect an actor emitted. */
	onEmit: (actorId: string, event: EventObject) => void;
}

/** One live actor: its machine and its current snapshot. */
export interface ActorCell {
	/** Actor id, e.g. `seq-2`. */
	id: string;
	/** Its machine. */
	machine: AnyStateMachine;
	/** Its current (immutable) snapshot. */
	snapshot: AnyMachineSnapshot;
}

interface ExecAction {
	type: string;
	params?: { delay?: number; id?: string; event?: EventObject; sendId?: string };
}

/** Hosts all actors of one world. */
export class ActorHost {
	/** Actors by id. */
	cells = new Map<string, ActorCell>();

	constructor(private readonly opts: ActorHostOptions) {}

	/** Starts an actor from its machine's initial state. */
	spawn(id: string, machine: AnyStateMachine, input?: unknown): void {
		const [snapshot, actions] = initialTransition(machine, input);
		const cell: ActorCell = { id, machine, snapshot };
		this.cells.set(id, cell);
		this.execute(cell, actions as ExecAction[]);
	}

	/** Delivers an event to an actor now. */
	send(id: string, event: ActorMessage): void {
		const cell = this.cells.get(id);
		if (!cell) throw new Error(`no actor ${id}`);
		const [snapshot, actions] = transition(cell.machine, cell.snapshot, event);
		cell.snapshot = snapshot;
		this.execute(cell, actions as ExecAction[]);
	}

	/** The snapshot of one actor. */
	snapshotOf(id: string): AnyMachineSnapshot {
		const cell = this.cells.get(id);
		if (!cell) throw new Error(`no actor ${id}`);
		return cell.snapshot;
	}

	/** Saves every actor's snapshot (snapshots are immutable, so sharing them is safe). */
	save(): Map<string, AnyMachineSnapshot> {
		const out = new Map<string, AnyMachineSnapshot>();
		for (const [id, cell] of this.cells) out.set(id, cell.snapshot);
		return out;
	}

	/** Restores snapshots saved by `save`; actors spawned since are dropped. */
	restore(saved: Map<string, AnyMachineSnapshot>): void {
		for (const id of [...this.cells.keys()]) if (!saved.has(id)) this.cells.delete(id);
		for (const [id, snapshot] of saved) {
			const cell = this.cells.get(id);
			if (cell) cell.snapshot = snapshot;
		}
	}

	private execute(cell: ActorCell, actions: ExecAction[]): void {
		for (const action of actions) {
			const p = action.params;
			if (action.type === 'xstate.raise' && p?.event && p.delay !== undefined) {
				this.opts.scheduleDelayed(this.opts.now() + p.delay, cell.id, p.event, `${cell.id}#${p.id ?? p.event.type}`);
			} else if (action.type === 'xstate.cancel' && p?.sendId) {
				this.opts.cancelDelayed(`${cell.id}#${p.sendId}`);
			} else if (action.type === 'xstate.emit' && p?.event) {
				this.opts.onEmit(cell.id, p.event);
			}
		}
	}
}
