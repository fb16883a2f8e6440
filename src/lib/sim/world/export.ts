/** The world export, format `rollup-lab/world-export@1` (DESIGN.md section 4): every field filled from the run. */
import { paramsToJson, type FinalityMode } from '../params';
import type { SimEvent } from '../events';
import type { WorldCore } from './core';
import { supplyOf, type SupplyBuckets } from './snapshot';
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

/** One batch as exported. */
export interface ExportedBatch {
	/** Batch index. */
	index: number;
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
	/** Active set ids L1 checked the quorum against. */
	activeSet: string[];
	/** Their stakes (wei). */
	activeStakes: Record<string, string>;
	/** Signer ids in the aggregate. */
	signers: string[];
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
	/** Ground truth from the scenario. */
	fraudulent: boolean;
}

/** The whole export. */
export interface WorldExport {
	/** Format tag. */
	format: 'rollup-lab/world-export@1';
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
	/** Batches L1 saw. */
	batches: ExportedBatch[];
	/** Slashings. */
	slashings: { sequencer: string; amount: string; reason: string; batch: number | null; challenger: string | null; challengerReward: string; at: number }[];
	/** Supply at genesis and now. */
	supply: { initial: SupplyBuckets; final: SupplyBuckets };
	/** The event log. */
	events: SimEvent[];
	/** How to rebuild this world exactly (optional: files from the command line do not have it). */
	replay?: WorldReplay;
}

function exportBatch(w: WorldCore, p: BatchProposal): ExportedBatch {
	const record = p.status === 'rejected' ? undefined : w.data.inbox.batch(p.index);
	const accepted = record && record.header.stateRoot === p.stateRoot && record.submittedAt === p.submittedAt ? record : undefined;
	const status: ExportedBatch['status'] =
		p.status === 'rejected' ? 'rejected' : p.status === 'reverted' ? 'reverted' : accepted?.status === 'finalized' ? 'finalized' : accepted?.status ?? 'pending';
	return {
		index: p.index,
		proposer: p.proposer,
		prevStateRoot: p.prevStateRoot,
		stateRoot: p.stateRoot,
		txs: p.txs,
		txRoot: p.txRoot,
		signingRoot: p.signingRoot,
		activeSet: accepted ? accepted.activeSet : p.activeSet,
		activeStakes: accepted ? Object.fromEntries(Object.entries(accepted.activeStakes).map(([k, v]) => [k, v.toString()])) : p.activeStakes,
		signers: p.signers,
		aggregateSignature: p.aggregateSignature,
		submittedAt: p.submittedAt,
		l1Block: p.l1Block,
		status,
		finalizedAt: accepted?.finalizedAt ?? null,
		fraudulent: p.fraudulent
	};
}

/** Builds the export. */
export function exportWorld(w: WorldCore, initial: SupplyBuckets): WorldExport {
	const { data, cast } = w;
	return {
		format: 'rollup-lab/world-export@1',
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
		slashings: data.staking.slashings().map((s) => ({
			sequencer: s.sequencer,
			amount: s.amount.toString(),
			reason: s.reason,
			batch: s.batch,
			challenger: s.challenger,
			challengerReward: s.challengerReward.toString(),
			at: s.at
		})),
		supply: { initial, final: supplyOf(w) },
		events: w.log.entries
	};
}
