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

/** A user's effect: sign and send this transaction with this nonce. */
export type UserEmitted = { type: 'tx.submit'; nonce: number; intent: TxIntent };

/** Events a user reacts to. */
export type UserEvent =
	| { type: 'traffic.start' }
	| { type: 'traffic.stop' }
	| { type: 'tx.send'; intent: TxIntent }
	| { type: 'tx.included' }
	| { type: 'tx.dropped'; nonce: number };

/** A user's statechart. */
export const userMachine = setup({
	types: {
		context: {} as { id: string; nonce: number; sent: number; included: number; dropped: number },
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
		countIncluded: assign({ included: ({ context }) => context.included + 1 }),
		// A dropped transaction leaves a nonce gap: the user re-syncs its nonce from the chain.
		resyncNonce: assign({
			dropped: ({ context }) => context.dropped + 1,
			nonce: ({ event }) => (event as Extract<UserEvent, { type: 'tx.dropped' }>).nonce
		})
	}
}).createMachine({
	id: 'user',
	context: ({ input }) => ({ id: input.id, nonce: 0, sent: 0, included: 0, dropped: 0 }),
	initial: 'idle',
	on: {
		'tx.included': { actions: 'countIncluded' },
		'tx.dropped': { actions: 'resyncNonce' }
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
