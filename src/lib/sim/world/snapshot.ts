/** A JSON-safe picture of a world at one moment: what views draw and what tests compare. */
import { FEE_VAULT_ADDRESS } from '../../chain/calls';
import { quorumRuleText } from '../l1/rollupInbox';
import type { WorldCore } from './core';
import { duties, finalityRules, ladders, poolView, trafficView, type FinalityRules, type LadderView, type PoolView, type SequencerDuty, type TrafficView } from './facts';
import { quorumRule } from './lookups';

/** The six buckets of the token supply (wei, decimal strings) and their total. */
export interface SupplyBuckets {
	/** L1 and L2 balances of users, operators, validators and the DEX pool. */
	balances: string;
	/** Locked stake (self and delegated). */
	staked: string;
	/** Stake waiting out the exit delay. */
	unbonding: string;
	/** Rewards not yet paid. */
	rewardsPool: string;
	/** The administrator's L1 balance plus the L2 fee vault. */
	treasury: string;
	/** Slashed and burned. */
	burned: string;
	/** The sum, which never changes. */
	total: string;
}

/** What L1 has settled, set beside the honest chain: a fraud that settled shows here, not in the buckets. */
export interface AcceptedOnL1 {
	/** The last settled batch index, or null before any settled. */
	batch: number | null;
	/** The state root L1 settled last (genesis before any). */
	stateRoot: string;
	/** Whether that root is the honest chain's at the same block. */
	honest: boolean;
	/** METIS (wei) the settled state holds that no transaction created: what the fraud minted. */
	unbackedMetis: string;
}

/** The quorum rule in force, as the stage shows it beside the meter. */
export interface QuorumView {
	/** Count signers or weigh them by stake. */
	by: 'count' | 'stake';
	/** Numerator of the fraction. */
	numerator: number;
	/** Denominator of the fraction. */
	denominator: number;
	/** More than the fraction must sign (Themis), not merely at least it (the seed article). */
	strict: boolean;
	/** In words, e.g. "at least 2/3 by count". */
	text: string;
}

/** A picture of the world at one moment. */
export interface WorldSnapshot {
	/** Simulated time. */
	t: number;
	/** Current epoch. */
	epoch: number;
	/** Current proposer id, or null. */
	proposer: string | null;
	/** L2 height. */
	height: number;
	/** L2 state root at the tip. */
	stateRoot: string;
	/** Transactions waiting. */
	mempool: number;
	/** Sequencers with machine state, stake and behaviour. */
	sequencers: { id: string; state: string; stake: string; selfStake: string; delegated: string; active: boolean; status: string; behaviour: string; duty: SequencerDuty }[];
	/** Validators. */
	validators: { id: string; state: string; checked: number; behaviour: string }[];
	/** Users by machine state. */
	users: { active: number; idle: number; sent: number; included: number };
	/** Batches proposed so far: one entry per proposal (attempt). */
	batches: { proposal: number; index: number; attempt: number; status: string; proposer: string; txs: number; signers: number; activeSet: number; l1Block: number | null; settledAt: number | null; ladder: LadderView | null }[];
	/** Supply buckets. */
	supply: SupplyBuckets;
	/** What L1 settled, beside the honest chain. */
	acceptedOnL1: AcceptedOnL1;
	/** The quorum rule in force. */
	quorum: QuorumView;
	/** The users' traffic in force. */
	traffic: TrafficView;
	/** The pool as a whole. */
	pool: PoolView;
	/** What the ladder's upper rungs wait for, under the parameters in force. */
	finality: FinalityRules;
	/** Number of events so far. */
	events: number;
}

/** The six supply buckets now. */
export function supplyOf(w: WorldCore): SupplyBuckets {
	const { data, cast } = w;
	const bank = data.staking.bank;
	const vault = data.l2.has(FEE_VAULT_ADDRESS) ? data.l2.balanceOf(FEE_VAULT_ADDRESS) : 0n;
	const admin = bank.balanceOf(cast.admin);
	const b = data.staking.buckets();
	const balances = bank.total() - admin + data.l2.totalMetis() - vault;
	const treasury = admin + vault;
	const total = balances + b.staked + b.unbonding + b.rewardsPool + treasury + b.burned;
	return {
		balances: balances.toString(),
		staked: b.staked.toString(),
		unbonding: b.unbonding.toString(),
		rewardsPool: b.rewardsPool.toString(),
		treasury: treasury.toString(),
		burned: b.burned.toString(),
		total: total.toString()
	};
}

/** What L1 settled last, and how far it is from the honest chain. */
export function acceptedOnL1(w: WorldCore): AcceptedOnL1 {
	const { data } = w;
	let settled;
	for (const p of data.proposals) if (p.status === 'settled' && (!settled || p.index > settled.index)) settled = p;
	if (!settled) return { batch: null, stateRoot: data.inbox.genesisStateRoot, honest: true, unbackedMetis: '0' };
	const honest = data.blocks[settled.lastBlock - 1]?.stateRoot === settled.stateRoot;
	const claimed = honest ? undefined : data.cabalStates.get(settled.stateRoot);
	// Transactions move METIS but never create it, so the honest L2 total is the same at every height.
	const unbacked = claimed ? claimed.totalMetis() - data.l2.totalMetis() : 0n;
	return { batch: settled.index, stateRoot: settled.stateRoot, honest, unbackedMetis: unbacked.toString() };
}

/** An xstate state value as one name: `idle`, `pool.reviewing`, `proposer(blocks.idle,batch.open)`. */
export function stateName(value: unknown): string {
	if (typeof value === 'string') return value;
	return Object.entries(value as Record<string, unknown>)
		.map(([k, v]) => (typeof v === 'string' ? `${k}.${v}` : `${k}(${stateName(v)})`))
		.join(',');
}

/** Takes the snapshot. */
export function takeSnapshot(w: WorldCore): WorldSnapshot {
	const { data } = w;
	let active = 0;
	let sent = 0;
	let included = 0;
	for (const u of w.cast.users) {
		const s = w.actors.snapshotOf(u.id);
		if (s.value === 'active') active++;
		sent += s.context.sent;
		included += s.context.included;
	}
	const states = Object.fromEntries(w.cast.sequencers.map((s) => [s.id, stateName(w.actors.snapshotOf(s.id).value)]));
	const duty = duties(w, states);
	const ladder = ladders(w);
	return {
		t: data.now,
		epoch: data.epoch,
		proposer: data.proposer || null,
		height: data.blocks.length,
		stateRoot: data.l2.stateRoot(),
		mempool: data.mempool.length,
		sequencers: w.cast.sequencers.map((s) => {
			const view = data.staking.sequencer(s.id);
			return {
				id: s.id,
				state: states[s.id],
				stake: (view?.stake ?? 0n).toString(),
				selfStake: (view?.selfStake ?? 0n).toString(),
				delegated: (view?.delegated ?? 0n).toString(),
				active: view?.active ?? false,
				status: view?.status ?? 'candidate',
				behaviour: data.sequencerBehaviour[s.id],
				duty: duty[s.id]
			};
		}),
		validators: w.cast.validators.map((v) => {
			const s = w.actors.snapshotOf(v.id);
			return { id: v.id, state: stateName(s.value), checked: s.context.checked, behaviour: data.validatorBehaviour[v.id] };
		}),
		users: { active, idle: w.cast.users.length - active, sent, included },
		batches: data.proposals.map((p) => ({
			proposal: p.id,
			index: p.index,
			attempt: p.attempt,
			status: p.status,
			proposer: p.proposer,
			txs: p.txs.length,
			signers: p.signers.length || Object.keys(p.signatures).length,
			activeSet: p.activeSet.length,
			l1Block: p.l1Block,
			settledAt: p.settledAt,
			ladder: ladder.get(p.id) ?? null
		})),
		supply: supplyOf(w),
		acceptedOnL1: acceptedOnL1(w),
		quorum: { ...quorumRule(w), text: quorumRuleText(quorumRule(w)) },
		traffic: trafficView(w),
		pool: poolView(w),
		finality: finalityRules(w),
		events: w.log.length
	};
}
