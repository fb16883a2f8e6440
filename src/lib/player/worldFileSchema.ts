/**
 * The shape of what a world file asserts about its world (actors, keys, stakes, batches, slashings,
 * supply): every value is checked here, so a negative stake or a key that is not hex is refused
 * with its field named before anything is rebuilt. Whether the values are true is then checked
 * against the rebuilt world (worldDiff).
 */
import * as v from 'valibot';
import { SEQUENCER_BEHAVIOURS, VALIDATOR_BEHAVIOURS } from '$lib/sim/behaviours';
import { ACTOR_LIMITS } from '$lib/sim/scenario';
import { MAX_WORLD_MS, MAX_WORLD_WORDS } from '$lib/sim/paramBounds';
import { m } from '$lib/paraglide/messages.js';

/** What a value is, in the catalogue's words (messages are read when a file is checked, so they follow the language). */
type What = () => string;

/** Lowercase 0x-hex of exactly `bytes` bytes (any even length when omitted). */
const Hex = (what: What, bytes?: number) =>
	v.pipe(
		v.string(() => m.ui_file_hex({ what: what() })),
		v.regex(bytes === undefined ? /^0x(?:[0-9a-f]{2})*$/ : new RegExp(`^0x[0-9a-f]{${bytes * 2}}$`), () => (bytes === undefined ? m.ui_file_hex_whole({ what: what() }) : m.ui_file_hex_bytes({ what: what(), bytes })))
	);

const Address = Hex(m.ui_file_what_address, 20);
const Root = Hex(m.ui_file_what_root, 32);
const Wei = v.pipe(v.string(m.ui_file_wei_text), v.regex(/^\d{1,40}$/, m.ui_file_wei_whole));
const SignedWei = v.pipe(v.string(m.ui_file_wei_text), v.regex(/^-?\d{1,40}$/, m.ui_file_wei_signed));
const Id = (prefix: string) => v.pipe(v.string(() => m.ui_file_id({ example: `${prefix}-0` })), v.regex(new RegExp(`^${prefix}-\\d{1,6}$`), () => m.ui_file_id({ example: `${prefix}-0` })));
const Index = v.pipe(v.number(m.ui_file_whole), v.integer(m.ui_file_whole), v.minValue(0, m.ui_file_whole_positive), v.maxValue(Number.MAX_SAFE_INTEGER, m.ui_file_too_large));
const Time = v.pipe(v.number(m.ui_file_time), v.minValue(0, m.ui_file_time_positive), v.maxValue(MAX_WORLD_MS, () => m.ui_file_time_most({ span: MAX_WORLD_WORDS })));
const Text = v.pipe(v.string(m.ui_file_text), v.maxLength(1000, () => m.ui_file_text_long({ max: 1000 })));
const list = <T extends v.GenericSchema>(item: T, max: number, what: What) => v.pipe(v.array(item, () => m.ui_file_list({ what: what() })), v.maxLength(max, () => m.ui_file_list_most({ max, what: what() })));
/** "expected one of a, b, c" for a list of ids. */
const oneOf = (ids: readonly string[]) => () => m.ui_file_one_of({ list: ids.join(', ') });

/** Most batch postings a file may list (a world of 90 days posting every minute stays well inside it). */
export const MAX_FILE_BATCHES = 200_000;

const User = v.looseObject({ id: Id('user'), address: Address });
const Validator = v.looseObject({ id: Id('val'), address: Address, behaviour: v.picklist(VALIDATOR_BEHAVIOURS, oneOf(VALIDATOR_BEHAVIOURS)) });
const Sequencer = v.looseObject({
	id: Id('seq'),
	address: Address,
	blsPublicKey: Hex(m.ui_file_what_bls_key, 48),
	blsProofOfPossession: Hex(m.ui_file_what_bls_pop, 96),
	stake: Wei,
	behaviour: v.picklist(SEQUENCER_BEHAVIOURS, oneOf(SEQUENCER_BEHAVIOURS)),
	status: v.picklist(['active', 'whitelisted', 'exiting', 'ejected', 'candidate'], m.ui_file_sequencer_status)
});

const Quorum = v.nullable(v.looseObject({ by: v.picklist(['count', 'stake'], m.ui_file_quorum_by), numerator: Index, denominator: Index, strict: v.boolean(m.ui_file_boolean) }));

const Batch = v.looseObject({
	index: Index,
	proposal: Index,
	attempt: Index,
	epoch: Index,
	posting: v.nullable(Index),
	proposer: Id('seq'),
	prevStateRoot: Root,
	stateRoot: Root,
	txs: list(Hex(m.ui_file_what_raw_tx), 100_000, m.ui_file_what_transactions),
	txRoot: Root,
	signingRoot: Root,
	activeSet: list(Id('seq'), ACTOR_LIMITS.sequencers, m.ui_file_what_sequencers),
	activeStakes: v.record(Id('seq'), Wei),
	signers: list(Id('seq'), ACTOR_LIMITS.sequencers, m.ui_file_what_sequencers),
	quorum: Quorum,
	aggregateSignature: v.nullable(Hex(m.ui_file_what_aggregate, 96)),
	submittedAt: v.nullable(Time),
	l1Block: v.nullable(Index),
	status: v.picklist(['pending', 'challenged', 'finalized', 'reverted', 'rejected'], m.ui_file_batch_status),
	finalizedAt: v.nullable(Time),
	revertedAt: v.nullable(Time),
	fraudulent: v.boolean(m.ui_file_boolean)
});

const Slash = v.looseObject({
	sequencer: Id('seq'),
	amount: Wei,
	reason: Text,
	offence: Text,
	batch: Index,
	proposal: Index,
	challenger: v.nullable(Address),
	challengerId: v.nullable(v.pipe(v.string(), v.regex(/^(seq|val|user)-\d{1,6}$/, () => m.ui_file_actor_id({ example: 'val-0' })))),
	challengerReward: Wei,
	burned: Wei,
	fromUnbonding: Wei,
	offenceAt: Time,
	at: Time
});

const Buckets = v.looseObject({ balances: Wei, staked: Wei, unbonding: Wei, rewardsPool: Wei, treasury: Wei, burned: Wei, total: Wei });

/** The sections of a world file that say what its world is; each is optional, and checked when present. */
export const AssertedSections = {
	chainId: v.optional(v.pipe(v.number(m.ui_file_chain_id), v.integer(m.ui_file_chain_id_whole), v.minValue(1), v.maxValue(4_294_967_295))),
	users: v.optional(list(User, ACTOR_LIMITS.users, m.ui_file_what_users)),
	validators: v.optional(list(Validator, ACTOR_LIMITS.validators, m.ui_file_what_validators)),
	sequencers: v.optional(list(Sequencer, ACTOR_LIMITS.sequencers, m.ui_file_what_sequencers)),
	batches: v.optional(list(Batch, MAX_FILE_BATCHES, m.ui_file_what_batches)),
	slashings: v.optional(list(Slash, MAX_FILE_BATCHES, m.ui_file_what_slashings)),
	supply: v.optional(
		v.looseObject({
			initial: Buckets,
			final: Buckets,
			acceptedOnL1: v.optional(v.looseObject({ batch: v.nullable(Index), stateRoot: Root, honest: v.boolean(m.ui_file_boolean), unbackedMetis: SignedWei }))
		})
	)
};

/** Top-level fields that are the recipe or the log, not assertions the field comparison checks. */
export const NOT_COMPARED = ['format', 'replay', 'events'] as const;
