/** A validator: samples posted batches, re-executes them and compares the state roots. */
import { assign, emit, setup } from 'xstate';

/** Effects a validator asks the world to carry out. */
export type ValidatorEmitted = { type: 'batch.check'; index: number };

/** Events a validator reacts to. */
export type ValidatorEvent = { type: 'batch.sampled'; index: number } | { type: 'timing.updated'; checkMs: number };

/** Context of a validator actor. */
export interface ValidatorContext {
	/** Actor id. */
	id: string;
	/** Time to re-execute one batch. */
	checkMs: number;
	/** Batch being checked, or -1. */
	current: number;
	/** Sampled batches waiting their turn. */
	queue: number[];
	/** Batches checked so far. */
	checked: number;
}

/** A validator's statechart. */
export const validatorMachine = setup({
	types: {
		context: {} as ValidatorContext,
		input: {} as { id: string; checkMs: number },
		events: {} as ValidatorEvent,
		emitted: {} as ValidatorEmitted
	},
	delays: { checkTime: ({ context }) => context.checkMs },
	guards: { hasQueuedBatches: ({ context }) => context.queue.length > 0 },
	actions: {
		startCheck: assign({ current: ({ event }) => (event as Extract<ValidatorEvent, { type: 'batch.sampled' }>).index }),
		enqueue: assign({ queue: ({ context, event }) => [...context.queue, (event as Extract<ValidatorEvent, { type: 'batch.sampled' }>).index] }),
		reportCheck: emit(({ context }) => ({ type: 'batch.check' as const, index: context.current })),
		takeNext: assign(({ context }) => ({ current: context.queue[0], queue: context.queue.slice(1) })),
		countCheck: assign({ checked: ({ context }) => context.checked + 1 }),
		updateTiming: assign({ checkMs: ({ event }) => (event as Extract<ValidatorEvent, { type: 'timing.updated' }>).checkMs })
	}
}).createMachine({
	id: 'validator',
	context: ({ input }) => ({ id: input.id, checkMs: input.checkMs, current: -1, queue: [], checked: 0 }),
	initial: 'watching',
	on: { 'timing.updated': { actions: 'updateTiming' } },
	states: {
		watching: {
			description: 'Waiting for a posted batch that the sampling picks.',
			on: { 'batch.sampled': { target: 'checking', actions: 'startCheck' } }
		},
		checking: {
			description: 'Re-executing a batch from its previous state root and comparing roots.',
			on: { 'batch.sampled': { actions: 'enqueue' } },
			after: {
				checkTime: [
					{ guard: 'hasQueuedBatches', target: 'checking', reenter: true, actions: ['reportCheck', 'countCheck', 'takeNext'] },
					{ target: 'watching', actions: ['reportCheck', 'countCheck'] }
				]
			}
		}
	}
});
