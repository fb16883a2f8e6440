/** A user: sends transfers and swaps while traffic runs, keeping its own nonce. */
import { assign, emit, setup } from 'xstate';

/** What a user wants to do; the world's traffic generator picks it from the seeded RNG. */
export interface TxIntent {
	/** 'transfer' to another user or 'swap' on the toy DEX. */
	kind: 'transfer' | 'swap';
	/** Recipient user id (transfers). */
	to?: string;
	/** Amount in wei, as a decimal string. */
	amount: string;
	/** For swaps: true to sell METIS for USD. */
	metisIn?: boolean;
}

/** A user's effects: sign and send a transaction with this nonce; push a stuck one through L1. */
export type UserEmitted = { type: 'tx.submit'; nonce: number; intent: TxIntent } | { type: 'tx.force'; hash: `0x${string}` };

/** Events a user reacts to. */
export type UserEvent =
	| { type: 'traffic.start' }
	| { type: 'traffic.stop' }
	| { type: 'tx.send'; intent: TxIntent }
	| { type: 'tx.included' }
	| { type: 'tx.dropped'; nonce: number }
	| { type: 'tx.stuck'; hash: `0x${string}` };

/** A user's statechart. */
export const userMachine = setup({
	types: {
		context: {} as { id: string; nonce: number; sent: number; included: number; dropped: number; forced: number },
		input: {} as { id: string },
		events: {} as UserEvent,
		emitted: {} as UserEmitted
	},
	actions: {
		submitTransaction: emit(({ context, event }) => ({
			type: 'tx.submit' as const,
			nonce: context.nonce,
			intent: (event as Extract<UserEvent, { type: 'tx.send' }>).intent
		})),
		advanceNonce: assign({ nonce: ({ context }) => context.nonce + 1, sent: ({ context }) => context.sent + 1 }),
		enqueueOnL1: emit(({ event }) => ({ type: 'tx.force' as const, hash: (event as Extract<UserEvent, { type: 'tx.stuck' }>).hash })),
		countForced: assign({ forced: ({ context }) => context.forced + 1 }),
		countIncluded: assign({ included: ({ context }) => context.included + 1 }),
		// A dropped transaction leaves a nonce gap: the user re-syncs its nonce from the chain.
		resyncNonce: assign({
			dropped: ({ context }) => context.dropped + 1,
			nonce: ({ event }) => (event as Extract<UserEvent, { type: 'tx.dropped' }>).nonce
		})
	}
}).createMachine({
	id: 'user',
	context: ({ input }) => ({ id: input.id, nonce: 0, sent: 0, included: 0, dropped: 0, forced: 0 }),
	initial: 'idle',
	on: {
		'tx.included': { actions: 'countIncluded' },
		'tx.dropped': { actions: 'resyncNonce' },
		// A transaction that waits too long may be censored: the user enqueues it on L1 (forced inclusion).
		'tx.stuck': { actions: ['enqueueOnL1', 'countForced'] }
	},
	states: {
		idle: {
			description: 'Not sending: traffic has not started or has ended.',
			on: { 'traffic.start': 'active' }
		},
		active: {
			description: 'Signs and sends a transaction whenever the traffic generator picks this user.',
			on: {
				'tx.send': { actions: ['submitTransaction', 'advanceNonce'] },
				'traffic.stop': 'idle'
			}
		}
	}
});
