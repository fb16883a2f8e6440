/** Genesis: keys for every actor from the seed, the L1 and L2 balances, the contracts, and the actors. */
import type { Hex } from 'viem';
import { blsKeygen, blsPopProve } from '../../chain/bls';
import { DEX_ADDRESS, FEE_VAULT_ADDRESS } from '../../chain/calls';
import { toHex } from '../../chain/hex';
import { addressOf, deriveSecret, secpSecretKey } from '../../chain/keys';
import { L2State } from '../../chain/state';
import { L1Bank } from '../l1/bank';
import { ForcedInclusionQueue } from '../l1/forcedInclusion';
import { RollupInbox } from '../l1/rollupInbox';
import { SequencerSet } from '../l1/sequencerSet';
import { StakingPool } from '../l1/stakingPool';
import type { WorldParams } from '../params';
import type { Scenario } from '../scenario';
import { parseMetis, METIS } from '../units';
import type { Cast, WorldData } from './core';
import type { SequencerBehaviour, SequencerIdentity, UserIdentity, ValidatorBehaviour, ValidatorIdentity } from './types';

/** Spare METIS each operator holds on L1 beyond its stake. */
const OPERATOR_SPARE = 1_000n * METIS;

/** Derives every actor's keys from the seed. */
export function makeCast(seed: number | string, scenario: Scenario): Cast {
	const users: UserIdentity[] = Array.from({ length: scenario.users }, (_, i) => {
		const secretKey = secpSecretKey({ seed, label: 'user', index: i });
		return { id: `user-${i}`, address: addressOf(secretKey), secretKey };
	});
	const sequencers: SequencerIdentity[] = scenario.sequencers.map((_, i) => {
		const operatorKey = secpSecretKey({ seed, label: 'operator', index: i });
		const bls = blsKeygen(deriveSecret({ seed, label: 'bls', index: i }));
		return {
			id: `seq-${i}`,
			address: addressOf(operatorKey),
			operatorKey,
			blsSecretKey: bls.secretKey,
			blsPublicKey: toHex(bls.publicKey),
			blsProofOfPossession: toHex(blsPopProve(bls.secretKey))
		};
	});
	const validatorCount = typeof scenario.validators === 'number' ? scenario.validators : scenario.validators.length;
	const validators: ValidatorIdentity[] = Array.from({ length: validatorCount }, (_, i) => ({
		id: `val-${i}`,
		address: addressOf(secpSecretKey({ seed, label: 'validator', index: i }))
	}));
	const admin = addressOf(secpSecretKey({ seed, label: 'admin', index: 0 }));
	return {
		users,
		sequencers,
		validators,
		admin,
		userById: new Map(users.map((u) => [u.id, u])),
		sequencerById: new Map(sequencers.map((s) => [s.id, s]))
	};
}

/** The balances, contracts and empty chain at time 0 (before the actors act). */
export function makeGenesisData(cast: Cast, scenario: Scenario, params: WorldParams): WorldData {
	const l2 = L2State.genesis([
		...cast.users.map((u) => ({ address: u.address, balance: params.userL2Balance, usd: params.userL2Usd })),
		{ address: DEX_ADDRESS, balance: params.dexMetis, usd: params.dexUsd },
		// The vault sits next to the pool in the tree: swaps touch both, and share their path to the root.
		{ address: FEE_VAULT_ADDRESS, balance: 0n, usd: 0n },
		// Operators trade on L2 too (a reordering proposer sandwiches with its own account).
		...cast.sequencers.map((s) => ({ address: s.address, balance: params.userL2Balance, usd: params.userL2Usd }))
	]);
	const l1: [Hex, bigint][] = [[cast.admin, params.treasury + params.rewardsPoolFunding]];
	for (const u of cast.users) l1.push([u.address, params.userL1Balance]);
	for (const v of cast.validators) l1.push([v.address, params.validatorL1Balance]);
	scenario.sequencers.forEach((s, i) => l1.push([cast.sequencers[i].address, (parseMetis(s.stake) ?? 0n) + OPERATOR_SPARE]));
	const bank = L1Bank.genesis(l1);
	const staking = new StakingPool({
		admin: cast.admin,
		bank,
		params: {
			minStake: params.minStake,
			maxStake: params.maxStake,
			exitDelayMs: params.exitDelayMs,
			rewardPerBlock: params.rewardPerBlock,
			commissionBps: params.commissionBps
		}
	});
	const genesisRoot = l2.stateRoot();
	const inbox = new RollupInbox({
		chainId: params.chainId,
		quorum: { by: params.quorumBy, numerator: params.quorumNumerator, denominator: params.quorumDenominator, strict: params.quorumThreshold === 'more-than' },
		genesisStateRoot: genesisRoot
	});
	const forced = new ForcedInclusionQueue({ forceInclusionDelayMs: params.forceInclusionDelayMs, mode: params.forceInclusion });
	const sequencerBehaviour: Record<string, SequencerBehaviour> = {};
	scenario.sequencers.forEach((s, i) => (sequencerBehaviour[`seq-${i}`] = s.behaviour ?? 'honest'));
	const validatorBehaviour: Record<string, ValidatorBehaviour> = {};
	cast.validators.forEach((v, i) => {
		validatorBehaviour[v.id] = typeof scenario.validators === 'number' ? 'honest' : (scenario.validators[i].behaviour ?? 'honest');
	});
	return {
		now: 0,
		params,
		l2,
		staking,
		inbox,
		sequencerSet: new SequencerSet(),
		forced,
		mempool: [],
		blocks: [],
		nextBatchBlock: 1,
		proposals: [],
		signing: null,
		retryAt: 0,
		stateAtRoot: new Map([[genesisRoot, l2.clone()]]),
		epoch: 0,
		proposer: '',
		epochStartHeight: 0,
		lastBlockAt: 0,
		txPerSecond: params.txPerSecond,
		trafficOn: false,
		sequencerBehaviour,
		validatorBehaviour,
		nextToSettle: 0,
		censorTargets: Object.fromEntries(scenario.sequencers.map((s, i) => [`seq-${i}`, s.target ?? ''])),
		arrivals: new Map(),
		cabalStates: new Map(),
		forcedByHash: {},
		noted: {},
		disputes: {},
		punished: {},
		forfeited: {}
	};
}

/** A deep-enough copy of the world's data for a checkpoint: shared parts are immutable. */
export function cloneData(d: WorldData): WorldData {
	const staking = d.staking.clone();
	return {
		...d,
		params: { ...d.params },
		l2: d.l2.clone(),
		staking,
		inbox: d.inbox.clone(),
		sequencerSet: d.sequencerSet.clone(),
		forced: d.forced.clone(),
		mempool: d.mempool.slice(),
		blocks: d.blocks.slice(),
		proposals: d.proposals.map((p) => ({ ...p })),
		stateAtRoot: new Map(d.stateAtRoot),
		sequencerBehaviour: { ...d.sequencerBehaviour },
		validatorBehaviour: { ...d.validatorBehaviour },
		censorTargets: { ...d.censorTargets },
		arrivals: new Map(d.arrivals),
		cabalStates: new Map(d.cabalStates),
		forcedByHash: Object.fromEntries(Object.entries(d.forcedByHash).map(([k, v]) => [k, { ...v }])),
		noted: { ...d.noted },
		disputes: Object.fromEntries(Object.entries(d.disputes).map(([k, v]) => [k, { ...v }])),
		punished: { ...d.punished },
		forfeited: { ...d.forfeited }
	};
}
