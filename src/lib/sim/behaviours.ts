/** What each kind of actor can be told to do: honest, or one of the faults the lessons show. */

/** Sequencer behaviours. */
export const SEQUENCER_BEHAVIOURS = ['honest', 'offline', 'censor', 'reorder', 'invalid-tx', 'wrong-state-root', 'equivocate'] as const;
/** Validator behaviours. */
export const VALIDATOR_BEHAVIOURS = ['honest', 'lazy', 'offline'] as const;

/** A sequencer's behaviour. */
export type SequencerBehaviour = (typeof SEQUENCER_BEHAVIOURS)[number];
/** A validator's behaviour. */
export type ValidatorBehaviour = (typeof VALIDATOR_BEHAVIOURS)[number];
