/**
 * The world export, format `rollup-lab/world-export@2`: DESIGN.md section 4, with every L1 posting
 * its own entry (proposal id, attempt, epoch), the event log as its documented union, and what L1
 * settled beside the honest chain. README's "World export" section lists what changed from @1.
 */
import { paramsToJson, type FinalityMode } from '../params';
import type { SimEvent } from '../events';
import type { WorldCore } from './core';
import { addressOfActor } from './lookups';
import { acceptedOnL1, supplyOf, type AcceptedOnL1, type SupplyBuckets } from './snapshot';
import type { BatchProposal } from './types';
import type { TimedCommand } from '../commandSchema';

/** What rebuilds a world exactly; an addition to DESIGN.md section 4 that the sandbox writes. */
export interface WorldReplay {
	/** The scenario JSON the world was built from (after any change of shape). */
	scenario: unknown;
	/** Parameter overrides on top of the scenario's (JSON values: amounts as METIS strings). */
	params: Record<string, string | number>;
	/** The learner's commands (not the scenario's timeline), with their times. */
	commands: TimedCommand[];
	/** Simulated time of the export: the rebuilt world opens there. */
	at: number;
}

/** One posting attempt of a batch as exported (an index appears once per attempt that reached L1). */
export interface ExportedBatch {
	/** Batch index. */
	index: number;
	/** The proposal's own id, unique in the world. */
	proposal: number;
	/** Which attempt at this index, from 1. */
	attempt: number;
	/** The epoch whose set signed it. */
	epoch: number;
	/** Its posting number on L1, or null if L1 refused it. */
	posting: number | null;
	/** Proposer id. */
	proposer: string;
	/** Root before. */
	prevStateRoot: string;
	/** Root after. */
	stateRoot: string;
	/** Raw signed transactions. */
	txs: string[];
	/** txRoot. */
	txRoot: string;
	/** signingRoot. */
	signingRoot: string;
	/** The epoch's set, which L1 checked the quorum against. */
	activeSet: string[];
	/** Their stakes (wei). */
	activeStakes: Record<string, string>;
	/** Signer ids in the aggregate. */
	signers: string[];
	/** The quorum rule L1 checked it against, or null if L1 refused it. */
	quorum: { by: 'count' | 'stake'; numerator: number; denominator: number; strict: boolean } | null;
	/** The BLS aggregate signature. */
	aggregateSignature: string | null;
	/** Time of the L1 block that took it. */
	submittedAt: number | null;
	/** That L1 block. */
	l1Block: number | null;
	/** pending, challenged, finalized, reverted or rejected. */
	status: 'pending' | 'challenged' | 'finalized' | 'reverted' | 'rejected';
	/** When it settled, or null. */
	finalizedAt: number | null;
	/** When it was reverted, or null. */
	revertedAt: number | null;
	/** Ground truth from the scenario. */
	fraudulent: boolean;
}

/** One slash as exported. */
export interface ExportedSlash {
	/** Slashed sequencer. */
	sequencer: string;
	/** Taken (wei). */
	amount: string;
	/** Why, in words. */
	reason: string;
	/** What for. */
	offence: string;
	/** Batch index of the offence. */
	batch: number;
	/** The proposal of the offence. */
	proposal: number;
	/** Challenger's L1 address, or null. */
	challenger: string | null;
	/** Challenger's actor id, or null. */
	challengerId: string | null;
	/** Paid to the challenger (wei). */
	challengerReward: string;
	/** Burned (wei). */
	burned: string;
	/** Taken from stake already unbonding (wei). */
	fromUnbonding: string;
	/** When the offence was committed. */
	offenceAt: number;
	/** When it was slashed. */
	at: number;
}

/** The whole export. */
export interface WorldExport {
	/** Format tag. */
	format: 'rollup-lab/world-export@2';
	/** Scenario name. */
	scenario: string;
	/** Seed. */
	seed: number | string;
	/** Finality mode. */
	finality: FinalityMode;
	/** L2 chain id. */
	chainId: number;
	/** Every parameter in force (amounts in wei). */
	params: Record<string, string | number>;
	/** Users. */
	users: { id: string; address: string }[];
	/** Validators. */
	validators: { id: string; address: string; behaviour: string }[];
	/** Sequencers. */
	sequencers: { id: string; address: string; blsPublicKey: string; blsProofOfPossession: string; stake: string; behaviour: string; status: string }[];
	/** Every posting attempt L1 saw. */
	batches: ExportedBatch[];
	/** Slashings. */
	slashings: ExportedSlash[];
	/** Supply at genesis and now, and what L1 settled beside the honest chain. */
	supply: { initial: SupplyBuckets; final: SupplyBuckets; acceptedOnL1: AcceptedOnL1 };
	/** The event log. */
	events: SimEvent[];
	/** How to rebuild this world exactly (optional: files from the command line do not have it). */
	replay?: WorldReplay;
}

function exportBatch(w: WorldCore, p: BatchProposal): ExportedBatch {
	const status: ExportedBatch['status'] =
		p.status === 'rejected' ? 'rejected' : p.status === 'reverted' ? 'reverted' : p.status === 'settled' ? 'finalized' : p.challenged ? 'challenged' : 'pending';
	return {
		index: p.index,
		proposal: p.id,
		attempt: p.attempt,
		epoch: p.epoch,
		posting: p.posting,
		proposer: p.proposer,
		prevStateRoot: p.prevStateRoot,
		stateRoot: p.stateRoot,
		txs: p.txs,
		txRoot: p.txRoot,
		signingRoot: p.signingRoot,
		activeSet: p.activeSet,
		activeStakes: p.activeStakes,
		signers: p.signers,
		quorum: p.posting === null ? null : (w.data.inbox.posting(p.posting)?.quorum ?? null),
		aggregateSignature: p.aggregateSignature,
		submittedAt: p.submittedAt,
		l1Block: p.l1Block,
		status,
		finalizedAt: p.settledAt,
		revertedAt: p.revertedAt,
		fraudulent: p.fraudulent
	};
}

function exportSlashes(w: WorldCore): ExportedSlash[] {
	const out: ExportedSlash[] = [];
	for (const e of w.log.entries) {
		if (e.type !== 'slash') continue;
		const { sequencer, amount, reason, offence, batch, proposal, challenger, challengerReward, burned, fromUnbonding, offenceAt, t } = e;
		out.push({ sequencer, amount, reason, offence, batch, proposal, challenger: challenger && addressOfActor(w, challenger), challengerId: challenger, challengerReward, burned, fromUnbonding, offenceAt, at: t });
	}
	return out;
}

/** Builds the export. */
export function exportWorld(w: WorldCore, initial: SupplyBuckets): WorldExport {
	const { data, cast } = w;
	return {
		format: 'rollup-lab/world-export@2',
		scenario: w.scenario,
		seed: w.seed,
		finality: w.finality,
		chainId: data.params.chainId,
		params: paramsToJson(data.params),
		users: cast.users.map((u) => ({ id: u.id, address: u.address })),
		validators: cast.validators.map((v) => ({ id: v.id, address: v.address, behaviour: data.validatorBehaviour[v.id] })),
		sequencers: cast.sequencers.map((s) => {
			const view = data.staking.sequencer(s.id);
			return {
				id: s.id,
				address: s.address,
				blsPublicKey: s.blsPublicKey,
				blsProofOfPossession: s.blsProofOfPossession,
				stake: (view?.stake ?? 0n).toString(),
				behaviour: data.sequencerBehaviour[s.id],
				status: view ? (view.active ? 'active' : view.status) : 'candidate'
			};
		}),
		batches: data.proposals.filter((p) => p.submittedAt !== null).map((p) => exportBatch(w, p)),
		slashings: exportSlashes(w),
		supply: { initial, final: supplyOf(w), acceptedOnL1: acceptedOnL1(w) },
		events: w.log.entries
	};
}
