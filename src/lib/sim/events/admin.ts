/** Events of the world's set-up and of what people do to it: genesis, the staking pool, commands, parameters. */
import type { At, QuorumRuleFields } from './common';

/** The world begins. */
export interface WorldGenesisEvent extends At {
	type: 'world.genesis';
	/** Scenario name. */
	scenario: string;
	/** Seed, as text. */
	seed: string;
	/** Finality mode. */
	finality: 'optimistic' | 'zk' | 'hybrid';
	/** The genesis state root. */
	stateRoot: string;
}

/** The administrator checked a candidate's proof of possession and admitted it. */
export interface SequencerWhitelistedEvent extends At {
	type: 'sequencer.whitelisted';
	/** The sequencer. */
	sequencer: string;
	/** Its BLS public key. */
	blsPublicKey: string;
}

/** The staking contract refused to admit a candidate. */
export interface SequencerRefusedEvent extends At {
	type: 'sequencer.refused';
	/** The candidate. */
	sequencer: string;
	/** Why. */
	reason: string;
}

/** An operator locked its own stake. */
export interface StakeLockedEvent extends At {
	type: 'stake.locked';
	/** The sequencer. */
	sequencer: string;
	/** Locked (wei). */
	amount: string;
}

/** A user delegated stake to a sequencer. */
export interface StakeDelegatedEvent extends At {
	type: 'stake.delegated';
	/** The sequencer. */
	sequencer: string;
	/** The delegating user. */
	delegator: string;
	/** Delegated (wei). */
	amount: string;
}

/** The staking contract refused a lock or a delegation. */
export interface StakeRefusedEvent extends At {
	type: 'stake.refused';
	/** The sequencer. */
	sequencer: string;
	/** The delegating user, or null for the operator's own lock. */
	delegator: string | null;
	/** Why. */
	reason: string;
}

/** A sequencer unlocked: its stake waits out the exit delay (and stays slashable for earlier offences). */
export interface StakeUnlockedEvent extends At {
	type: 'stake.unlocked';
	/** The sequencer. */
	sequencer: string;
	/** Stake entering the exit delay (wei). */
	amount: string;
	/** When it can be claimed. */
	releaseAt: number;
}

/** An owner claimed unbonded stake. */
export interface StakeClaimedEvent extends At {
	type: 'stake.claimed';
	/** The owner's actor id. */
	owner: string;
	/** Claimed (wei). */
	amount: string;
}

/** The administrator funded the rewards pool. */
export interface RewardsFundedEvent extends At {
	type: 'rewards.funded';
	/** Funded (wei). */
	amount: string;
}

/** The rewards pool could not be funded. */
export interface RewardsFundRefusedEvent extends At {
	type: 'rewards.fund-refused';
	/** Why. */
	reason: string;
}

/** A command (a person's, or the scenario's timeline) was applied. */
export interface CommandAppliedEvent extends At {
	type: 'command.applied';
	/** Command type. */
	command: string;
	/** The command as JSON. */
	detail: string;
}

/** A command was refused. */
export interface CommandRefusedEvent extends At {
	type: 'command.refused';
	/** Command type. */
	command: string;
	/** Why. */
	reason: string;
}

/** The administrator changed parameters. */
export interface ParamsChangedEvent extends At {
	type: 'params.changed';
	/** Always the administrator. */
	by: 'admin';
	/** Names of the parameters changed. */
	changed: string[];
	/** What the staking contract said. */
	staking: string;
	/** What the rollup inbox said about the quorum rule. */
	quorum: string;
	/** The quorum rule in force after the change. */
	quorumRule: QuorumRuleFields;
}

/** A parameter change was refused. */
export interface ParamsRefusedEvent extends At {
	type: 'params.refused';
	/** Why. */
	reason: string;
}

/** An actor's behaviour changed (a fault switched on or off). */
export interface BehaviourChangedEvent extends At {
	type: 'behaviour.changed';
	/** The actor. */
	actor: string;
	/** Its behaviour now. */
	behaviour: string;
	/** A censor's target user, or null. */
	target: string | null;
}

/** The administrator ejected a sequencer (force-unlocked it by hand). */
export interface SequencerEjectedEvent extends At {
	type: 'sequencer.ejected';
	/** The sequencer. */
	sequencer: string;
	/** Always the administrator. */
	by: 'admin';
}

/** Events of set-up and commands. */
export type AdminEvent =
	| WorldGenesisEvent
	| SequencerWhitelistedEvent
	| SequencerRefusedEvent
	| StakeLockedEvent
	| StakeDelegatedEvent
	| StakeRefusedEvent
	| StakeUnlockedEvent
	| StakeClaimedEvent
	| RewardsFundedEvent
	| RewardsFundRefusedEvent
	| CommandAppliedEvent
	| CommandRefusedEvent
	| ParamsChangedEvent
	| ParamsRefusedEvent
	| BehaviourChangedEvent
	| SequencerEjectedEvent;
