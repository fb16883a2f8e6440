/**
 * A sequencer: waits to be admitted, then either proposes (builds L2 blocks and batches, collects
 * BLS signatures) or serves as a peer (re-executes proposed batches and signs valid ones).
 */
import { assign, emit, setup } from 'xstate';

/** Timing a sequencer needs, copied from the world's params (and updated when they change). */
export interface SequencerTiming {
	/** Time between L2 blocks. */
	l2BlockMs: number;
	/** Time to re-execute a batch before signing. */
	reviewMs: number;
	/** How long the proposer waits for signatures. */
	signTimeoutMs: number;
}

/** Effects a sequencer asks the world to carry out. */
export type SequencerEmitted =
	| { type: 'block.build' }
	| { type: 'batch.review'; proposal: number }
	| { type: 'batch.timeout'; proposal: number };

/** Events a sequencer reacts to. */
export type SequencerEvent =
	| { type: 'sequencer.admitted' }
	| { type: 'epoch.elected'; epoch: number }
	| { type: 'epoch.ended' }
	| { type: 'mempool.filled' }
	| { type: 'mempool.drained' }
	| { type: 'batch.proposed'; proposal: number }
	| { type: 'batch.received'; proposal: number }
	| { type: 'batch.completed'; proposal: number }
	| { type: 'timing.updated'; timing: SequencerTiming };

/** Context of a sequencer actor. */
export interface SequencerContext extends SequencerTiming {
	/** Actor id. */
	id: string;
	/** Epoch it last proposed in, or -1. */
	epoch: number;
	/** Proposal id it is reviewing (peer) or collecting signatures for (proposer), or -1. */
	proposal: number;
	/** Batches it has reviewed. */
	reviewed: number;
}

/** A sequencer's statechart. */
export const sequencerMachine = setup({
	types: {
		context: {} as SequencerContext,
		input: {} as { id: string; timing: SequencerTiming },
		events: {} as SequencerEvent,
		emitted: {} as SequencerEmitted
	},
	delays: {
		blockTime: ({ context }) => context.l2BlockMs,
		reviewTime: ({ context }) => context.reviewMs,
		signTimeout: ({ context }) => context.signTimeoutMs
	},
	actions: {
		buildBlock: emit({ type: 'block.build' as const }),
		signIfValid: emit(({ context }) => ({ type: 'batch.review' as const, proposal: context.proposal })),
		reportTimeout: emit(({ context }) => ({ type: 'batch.timeout' as const, proposal: context.proposal })),
		rememberEpoch: assign({ epoch: ({ event }) => (event as Extract<SequencerEvent, { type: 'epoch.elected' }>).epoch }),
		rememberBatch: assign({ proposal: ({ event }) => (event as { proposal: number }).proposal }),
		countReview: assign({ reviewed: ({ context }) => context.reviewed + 1 }),
		updateTiming: assign(({ event }) => ({ ...(event as Extract<SequencerEvent, { type: 'timing.updated' }>).timing }))
	}
}).createMachine({
	id: 'sequencer',
	context: ({ input }) => ({ id: input.id, ...input.timing, epoch: -1, proposal: -1, reviewed: 0 }),
	initial: 'candidate',
	on: { 'timing.updated': { actions: 'updateTiming' } },
	states: {
		candidate: {
			description: 'Waiting for the administrator to check its proof of possession and whitelist it.',
			on: { 'sequencer.admitted': 'peer' }
		},
		peer: {
			description: 'In the pool but not proposing: re-executes each proposed batch and signs it if valid.',
			initial: 'watching',
			on: { 'epoch.elected': { target: 'proposer', actions: 'rememberEpoch' } },
			states: {
				watching: {
					description: 'Waiting for the proposer to gossip a batch header.',
					on: { 'batch.received': { target: 'reviewing', actions: 'rememberBatch' } }
				},
				reviewing: {
					description: 'Re-executing the batch and checking its ordering and roots.',
					after: { reviewTime: { target: 'watching', actions: ['signIfValid', 'countReview'] } },
					on: { 'batch.received': { target: 'reviewing', reenter: true, actions: 'rememberBatch' } }
				}
			}
		},
		proposer: {
			description: 'Elected for this epoch: orders the mempool first come first served, builds blocks and batches.',
			type: 'parallel',
			on: { 'epoch.ended': 'peer' },
			states: {
				blocks: {
					initial: 'building',
					states: {
						idle: {
							description: 'Mempool empty: no empty blocks, so idle time costs nothing.',
							on: { 'mempool.filled': 'building' }
						},
						building: {
							description: 'Building an L2 block every block time.',
							after: { blockTime: { target: 'building', reenter: true, actions: 'buildBlock' } },
							on: { 'mempool.drained': 'idle' }
						}
					}
				},
				batch: {
					initial: 'open',
					states: {
						open: {
							description: 'Adding blocks to the next batch.',
							on: { 'batch.proposed': { target: 'collecting', actions: 'rememberBatch' } }
						},
						collecting: {
							description: 'Header gossiped: collecting BLS signatures until quorum or timeout.',
							after: { signTimeout: { target: 'open', actions: 'reportTimeout' } },
							on: { 'batch.completed': 'open' }
						}
					}
				}
			}
		}
	}
});
