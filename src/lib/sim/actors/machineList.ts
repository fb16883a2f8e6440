/** Every machine an actor of the world runs, by name: the sequencer, validator, user, administrator and dispute game. */
import type { AnyStateMachine } from 'xstate';
import { adminMachine } from './adminMachine';
import { disputeGameMachine } from './disputeGameMachine';
import { sequencerMachine } from './sequencerMachine';
import { userMachine } from './userMachine';
import { validatorMachine } from './validatorMachine';

/** Each actor machine with its name, in the order the inspector lists them. */
export const ACTOR_MACHINES: readonly (readonly [string, AnyStateMachine])[] = [
	['sequencer', sequencerMachine],
	['validator', validatorMachine],
	['user', userMachine],
	['admin', adminMachine],
	['disputeGame', disputeGameMachine]
];
