/** The administrator: admits sequencers after checking their proof of possession, funds rewards, sets parameters. */
import { emit, setup } from 'xstate';

/** Effects the administrator asks L1 to carry out. */
export type AdminEmitted =
	| { type: 'admin.whitelist'; sequencer: string }
	| { type: 'admin.fund'; amount: string }
	| { type: 'admin.setParams'; params: Record<string, string | number> };

/** Events the administrator reacts to. */
export type AdminEvent =
	| { type: 'candidate.applied'; sequencer: string }
	| { type: 'rewards.fund'; amount: string }
	| { type: 'params.set'; params: Record<string, string | number> };

/** The administrator's statechart: a trust assumption, and the lessons say so. */
export const adminMachine = setup({
	types: {
		context: {} as { id: string },
		input: {} as { id: string },
		events: {} as AdminEvent,
		emitted: {} as AdminEmitted
	},
	actions: {
		whitelistCandidate: emit(({ event }) => ({ type: 'admin.whitelist' as const, sequencer: (event as Extract<AdminEvent, { type: 'candidate.applied' }>).sequencer })),
		fundRewardsPool: emit(({ event }) => ({ type: 'admin.fund' as const, amount: (event as Extract<AdminEvent, { type: 'rewards.fund' }>).amount })),
		applyParams: emit(({ event }) => ({ type: 'admin.setParams' as const, params: (event as Extract<AdminEvent, { type: 'params.set' }>).params }))
	}
}).createMachine({
	id: 'admin',
	context: ({ input }) => ({ id: input.id }),
	initial: 'operating',
	states: {
		operating: {
			description: 'Runs the pool: whitelists candidates whose proof of possession checks out, funds rewards, sets parameters.',
			on: {
				'candidate.applied': { actions: 'whitelistCandidate' },
				'rewards.fund': { actions: 'fundRewardsPool' },
				'params.set': { actions: 'applyParams' }
			}
		}
	}
});
