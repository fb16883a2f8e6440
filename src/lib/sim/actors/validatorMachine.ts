/**
 * A validator: samples posted batches and, when its turn with one comes, either re-executes it and
 * compares the state roots (honest) or attests without checking (lazy: the verifier's dilemma, since
 * attesting pays the same); an offline validator ignores what it is sent.
 */
import { assign, emit, setup } from 'xstate';
import type { ValidatorBehaviour } from '../behaviours';

/** Effects a validator asks the world to carry out: re-execute a batch, or attest to it unchecked. */
export type ValidatorEmitted = { type: 'batch.check'; proposal: number } | { type: 'batch.attest'; proposal: number };

/** Events a validator reacts to. */
export type ValidatorEvent =
	| { type: 'batch.sampled'; proposal: number }
	| { type: 'timing.updated'; checkMs: number }
	| { type: 'behaviour.set'; behaviour: ValidatorBehaviour };

/** Context of a validator actor. */
export interface ValidatorContext {
	/** Actor id. */
	id: string;
	/** How it behaves. */
	behaviour: ValidatorBehaviour;
	/** Time to re-execute one batch. */
	checkMs: number;
	/** Proposal being checked, or -1. */
	current: number;
	/** Sampled proposals waiting their turn. */
	queue: number[];
	/** Batches checked (or attested) so far. */
	checked: number;
}

type Sampled = Extract<ValidatorEvent, { type: 'batch.sampled' }>;

/** A validator's statechart. */
export const validatorMachine = setup({
	types: {
		context: {} as ValidatorContext,
		input: {} as { id: string; checkMs: number; behaviour?: ValidatorBehaviour },
		events: {} as ValidatorEvent,
		emitted: {} as ValidatorEmitted
	},
	delays: { checkTime: ({ context }) => context.checkMs },
	guards: {
		hasQueuedBatches: ({ context }) => context.queue.length > 0,
		isLazy: ({ context }) => context.behaviour === 'lazy',
		isOffline: ({ context }) => context.behaviour === 'offline'
	},
	actions: {
		startCheck: assign({ current: ({ event }) => (event as Sampled).proposal }),
		enqueue: assign({ queue: ({ context, event }) => [...context.queue, (event as Sampled).proposal] }),
		reexecuteBatch: emit(({ context }) => ({ type: 'batch.check' as const, proposal: context.current })),
		attestUnchecked: emit(({ context }) => ({ type: 'batch.attest' as const, proposal: context.current })),
		takeNext: assign(({ context }) => ({ current: context.queue[0], queue: context.queue.slice(1) })),
		countCheck: assign({ checked: ({ context }) => context.checked + 1 }),
		dropQueue: assign({ current: -1, queue: [] }),
		updateTiming: assign({ checkMs: ({ event }) => (event as Extract<ValidatorEvent, { type: 'timing.updated' }>).checkMs }),
		updateBehaviour: assign({ behaviour: ({ event }) => (event as Extract<ValidatorEvent, { type: 'behaviour.set' }>).behaviour })
	}
}).createMachine({
	id: 'validator',
	context: ({ input }) => ({ id: input.id, behaviour: input.behaviour ?? 'honest', checkMs: input.checkMs, current: -1, queue: [], checked: 0 }),
	initial: 'watching',
	on: {
		'timing.updated': { actions: 'updateTiming' },
		'behaviour.set': { actions: 'updateBehaviour' }
	},
	states: {
		watching: {
			description: 'Waiting for a posted batch that the sampling picks.',
			on: { 'batch.sampled': [{ guard: 'isOffline' }, { target: 'checking', actions: 'startCheck' }] }
		},
		checking: {
			description: 'Busy with a sampled batch: re-executing it from its previous state root (or, if lazy, only pretending to).',
			on: { 'batch.sampled': [{ guard: 'isOffline' }, { actions: 'enqueue' }] },
			after: {
				checkTime: [
					{ guard: 'isOffline', target: 'watching', actions: 'dropQueue', description: 'Gone offline mid-check: nothing is reported.' },
					{ guard: 'isLazy', target: 'next', actions: ['attestUnchecked', 'countCheck'] },
					{ target: 'next', actions: ['reexecuteBatch', 'countCheck'] }
				]
			}
		},
		next: {
			description: 'Picking the next sampled batch, if any.',
			always: [{ guard: 'hasQueuedBatches', target: 'checking', actions: 'takeNext' }, { target: 'watching' }]
		}
	}
});
