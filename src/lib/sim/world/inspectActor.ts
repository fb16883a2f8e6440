/** The actor inspector: role, state machine state, stake or balances, and the events that name the actor. */
import type { Hex } from 'viem';
import type { AnyStateMachine, StateValue } from 'xstate';
import { activeStateIds, delaysNow, machineGraph, type MachineGraph } from '../actors/machineGraph';
import type { SimEvent } from '../events';
import type { WorldCore } from './core';
import { lastEvents, mentions, metis, usd, type Amount } from './inspectCommon';
import { stateName } from './snapshot';
import type { World } from './world';

/** What kind of actor it is. */
export type ActorRole = 'user' | 'sequencer' | 'validator' | 'admin' | 'dispute-game';

/** A sequencer's standing in the staking contract and what it has done. */
export interface SequencerFacts {
	/** Total stake (self + delegated). */
	stake: Amount;
	/** The operator's own stake. */
	selfStake: Amount;
	/** Delegated stake. */
	delegated: Amount;
	/** Number of delegators. */
	delegators: number;
	/** Least stake to be active; most stake allowed. */
	minStake: Amount;
	/** Most stake one sequencer may hold. */
	maxStake: Amount;
	/** Commission on rewards, in basis points. */
	commissionBps: number;
	/** Pool status: whitelisted, exiting, ejected, or candidate (not whitelisted). */
	status: string;
	/** In the active set. */
	active: boolean;
	/** Slashed so far. */
	slashed: Amount;
	/** When it unlocked or was force-unlocked, or null. */
	exitedAt: number | null;
	/** Stake bonded to it that waits out the exit delay. */
	unbonding: Amount;
	/** When the next unbonding entry can be claimed, or null. */
	nextReleaseAt: number | null;
	/** Block rewards paid for its blocks (operator and delegators together). */
	rewards: Amount;
	/** Blocks those rewards paid for. */
	rewardedBlocks: number;
	/** Its BLS public key. */
	blsPublicKey: Hex | null;
	/** It is the proposer now. */
	isProposer: boolean;
	/** Batches it proposed, batches whose aggregate holds its signature, and headers it refused. */
	batches: { proposed: number; signed: number; refused: number };
}

/** One actor, inspected. */
export interface ActorDetail {
	/** Actor id. */
	id: string;
	/** Its role. */
	role: ActorRole;
	/** Its address (operator address for a sequencer), or null for a dispute game. */
	address: Hex | null;
	/** Its xstate machine state as one name, e.g. `proposer(blocks.idle,batch.open)`. */
	state: string;
	/** The active states' descriptions from the machine, outermost first. */
	states: { state: string; description: string }[];
	/** Its machine's statechart: every state and transition, from the definition. */
	machine: MachineGraph;
	/** Ids of its active state nodes (the root included), outermost first. */
	active: string[];
	/** How long each named delay of its machine lasts now, in ms (they read the actor's context). */
	delays: Record<string, number>;
	/** Scalar fields of its machine context (counters, current batch…); short lists joined with commas. */
	context: Record<string, string | number | boolean | null>;
	/** Its behaviour (honest or a fault), or null for users and the admin. */
	behaviour: string | null;
	/** Its L1 balance (the staking contract's bank). */
	l1Balance: Amount | null;
	/** For a sequencer: stake, status and rewards. */
	sequencer: SequencerFacts | null;
	/** For a validator: checks and rewards. */
	validator: { checked: number; attested: number; mismatches: number; rewards: Amount; challengerRewards: Amount } | null;
	/** For a user: L2 balances and nonce. */
	user: { l2Balance: Amount; usd: Amount; nonce: number } | null;
	/** The last 30 events that name it, newest first. */
	history: SimEvent[];
}

const HISTORY = 30;

/** An actor by id, or null if there is none. */
export function inspectActor(world: World, id: string): ActorDetail | null {
	const w = world.state;
	const cell = w.actors.cells.get(id);
	if (!cell) return null;
	const role = roleOf(w, id);
	const address = addressOf(w, id, role);
	const value = cell.snapshot.value as StateValue;
	return {
		id,
		role,
		address,
		state: stateName(value),
		states: describeStates(cell.machine, value),
		machine: machineGraph(cell.machine),
		active: activeStateIds(cell.machine, value),
		delays: delaysNow(cell.machine, cell.snapshot.context),
		context: scalars(cell.snapshot.context),
		behaviour: w.data.sequencerBehaviour[id] ?? w.data.validatorBehaviour[id] ?? null,
		l1Balance: address ? metis(w.data.staking.bank.balanceOf(address)) : null,
		sequencer: role === 'sequencer' ? sequencerFacts(w, id) : null,
		validator: role === 'validator' ? validatorFacts(w, id, Number(cell.snapshot.context.checked ?? 0)) : null,
		user: role === 'user' && address ? { l2Balance: metis(w.data.l2.balanceOf(address)), usd: usd(w.data.l2.usdOf(address)), nonce: w.data.l2.nonceOf(address) } : null,
		history: lastEvents(w.log.entries, (e) => mentions(e, id), HISTORY)
	};
}

function roleOf(w: WorldCore, id: string): ActorRole {
	if (id === 'admin') return 'admin';
	if (w.cast.sequencerById.has(id)) return 'sequencer';
	if (w.cast.userById.has(id)) return 'user';
	if (w.cast.validators.some((v) => v.id === id)) return 'validator';
	return 'dispute-game';
}

function addressOf(w: WorldCore, id: string, role: ActorRole): Hex | null {
	switch (role) {
		case 'admin':
			return w.cast.admin;
		case 'sequencer':
			return w.cast.sequencerById.get(id)!.address;
		case 'user':
			return w.cast.userById.get(id)!.address;
		case 'validator':
			return w.cast.validators.find((v) => v.id === id)!.address;
		default:
			return null;
	}
}

interface StateNodeLike {
	description?: string;
	states: Record<string, StateNodeLike>;
}

/** The descriptions of the active state nodes, walking the machine along the state value. */
function describeStates(machine: AnyStateMachine, value: StateValue): { state: string; description: string }[] {
	const out: { state: string; description: string }[] = [];
	const walk = (node: StateNodeLike, v: StateValue, path: string[]) => {
		const entries: [string, StateValue | null][] = typeof v === 'string' ? [[v, null]] : Object.entries(v).map(([k, sub]) => [k, sub as StateValue]);
		for (const [key, sub] of entries) {
			const child = node.states[key];
			if (!child) continue;
			if (child.description) out.push({ state: [...path, key].join('.'), description: child.description });
			if (sub !== null && sub !== undefined) walk(child, sub, [...path, key]);
		}
	};
	walk(machine.root as unknown as StateNodeLike, value, []);
	return out;
}

/** The context's scalar fields, JSON-safe. */
function scalars(context: Record<string, unknown>): Record<string, string | number | boolean | null> {
	const out: Record<string, string | number | boolean | null> = {};
	for (const [key, v] of Object.entries(context ?? {})) {
		if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[key] = v;
		else if (typeof v === 'bigint') out[key] = v.toString();
		else if (Array.isArray(v) && v.length <= 20 && v.every((x) => typeof x === 'number' || typeof x === 'string')) out[key] = v.join(', ');
	}
	return out;
}

function sequencerFacts(w: WorldCore, id: string): SequencerFacts {
	const { staking } = w.data;
	const view = staking.sequencer(id);
	const params = staking.params;
	const unbonding = staking.unbonding().filter((e) => e.sequencerId === id);
	let rewards = 0n;
	let rewardedBlocks = 0;
	const batches = { proposed: 0, signed: 0, refused: 0 };
	for (const e of w.log.entries) {
		if (e.type === 'rewards.paid' && e.sequencer === id) {
			rewards += BigInt(e.amount);
			rewardedBlocks += e.blocks;
		} else if (e.type === 'batch.proposed' && e.proposer === id) batches.proposed++;
		else if (e.type === 'finality.signed' && e.signers.includes(id)) batches.signed++;
		else if (e.type === 'batch.refused' && e.sequencer === id) batches.refused++;
	}
	return {
		stake: metis(view?.stake ?? 0n),
		selfStake: metis(view?.selfStake ?? 0n),
		delegated: metis(view?.delegated ?? 0n),
		delegators: Object.keys(view?.delegations ?? {}).length,
		minStake: metis(params.minStake),
		maxStake: metis(params.maxStake),
		commissionBps: view?.commissionBps ?? params.commissionBps,
		status: view?.status ?? 'candidate',
		active: view?.active ?? false,
		slashed: metis(view?.slashed ?? 0n),
		exitedAt: view?.exitedAt ?? null,
		unbonding: metis(unbonding.reduce((sum, e) => sum + e.amount, 0n)),
		nextReleaseAt: unbonding.length ? Math.min(...unbonding.map((e) => e.releaseAt)) : null,
		rewards: metis(rewards),
		rewardedBlocks,
		blsPublicKey: view?.blsPublicKey ?? w.cast.sequencerById.get(id)?.blsPublicKey ?? null,
		isProposer: w.data.proposer === id,
		batches
	};
}

function validatorFacts(w: WorldCore, id: string, checked: number): ActorDetail['validator'] {
	let attested = 0;
	let mismatches = 0;
	let rewards = 0n;
	let challengerRewards = 0n;
	for (const e of w.log.entries) {
		if ((e.type === 'validator.checked' || e.type === 'validator.attested') && e.validator === id) {
			rewards += BigInt(e.reward);
			if (e.type === 'validator.attested') attested++;
		} else if (e.type === 'validator.mismatch' && e.validator === id) mismatches++;
		else if (e.type === 'slash' && e.challenger === id) challengerRewards += BigInt(e.challengerReward);
	}
	return { checked, attested, mismatches, rewards: metis(rewards), challengerRewards: metis(challengerRewards) };
}
