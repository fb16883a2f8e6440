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

/** Lowercase 0x-hex of exactly `bytes` bytes (any even length when omitted). */
const Hex = (what: string, bytes?: number) =>
	v.pipe(
		v.string(`expected ${what} as 0x-prefixed hex`),
		v.regex(bytes === undefined ? /^0x(?:[0-9a-f]{2})*$/ : new RegExp(`^0x[0-9a-f]{${bytes * 2}}$`), bytes === undefined ? `expected ${what} as 0x-prefixed lowercase hex, whole bytes` : `expected ${what}: ${bytes} bytes of 0x-prefixed lowercase hex`)
	);

const Address = Hex('an address', 20);
const Root = Hex('a 32-byte root', 32);
const Wei = v.pipe(v.string('expected an amount in wei as a decimal string'), v.regex(/^\d{1,40}$/, 'expected an amount in wei: a whole, non-negative decimal string'));
const SignedWei = v.pipe(v.string('expected an amount in wei as a decimal string'), v.regex(/^-?\d{1,40}$/, 'expected an amount in wei: a whole decimal string'));
const Id = (prefix: string) => v.pipe(v.string(`expected an id like ${prefix}-0`), v.regex(new RegExp(`^${prefix}-\\d{1,6}$`), `expected an id like ${prefix}-0`));
const Index = v.pipe(v.number('expected a whole number'), v.integer('expected a whole number'), v.minValue(0, 'expected a whole number, zero or more'), v.maxValue(Number.MAX_SAFE_INTEGER, 'too large'));
const Time = v.pipe(v.number('expected a time in ms'), v.minValue(0, 'expected a time in ms, zero or more'), v.maxValue(MAX_WORLD_MS, `at most ${MAX_WORLD_WORDS} of simulated time`));
const Text = v.pipe(v.string('expected text'), v.maxLength(1000, 'at most 1000 characters'));
const list = <T extends v.GenericSchema>(item: T, max: number, what: string) => v.pipe(v.array(item, `expected a list of ${what}`), v.maxLength(max, `at most ${max} ${what}`));

/** Most batch postings a file may list (a world of 90 days posting every minute stays well inside it). */
export const MAX_FILE_BATCHES = 200_000;

const User = v.looseObject({ id: Id('user'), address: Address });
const Validator = v.looseObject({ id: Id('val'), address: Address, behaviour: v.picklist(VALIDATOR_BEHAVIOURS, `expected one of ${VALIDATOR_BEHAVIOURS.join(', ')}`) });
const Sequencer = v.looseObject({
	id: Id('seq'),
	address: Address,
	blsPublicKey: Hex('a BLS public key', 48),
	blsProofOfPossession: Hex('a BLS proof of possession', 96),
	stake: Wei,
	behaviour: v.picklist(SEQUENCER_BEHAVIOURS, `expected one of ${SEQUENCER_BEHAVIOURS.join(', ')}`),
	status: v.picklist(['active', 'whitelisted', 'exiting', 'ejected', 'candidate'], 'expected active, whitelisted, exiting, ejected or candidate')
});

const Quorum = v.nullable(v.looseObject({ by: v.picklist(['count', 'stake'], 'expected count or stake'), numerator: Index, denominator: Index, strict: v.boolean('expected true or false') }));

const Batch = v.looseObject({
	index: Index,
	proposal: Index,
	attempt: Index,
	epoch: Index,
	posting: v.nullable(Index),
	proposer: Id('seq'),
	prevStateRoot: Root,
	stateRoot: Root,
	txs: list(Hex('a raw signed transaction'), 100_000, 'transactions'),
	txRoot: Root,
	signingRoot: Root,
	activeSet: list(Id('seq'), ACTOR_LIMITS.sequencers, 'sequencers'),
	activeStakes: v.record(Id('seq'), Wei),
	signers: list(Id('seq'), ACTOR_LIMITS.sequencers, 'sequencers'),
	quorum: Quorum,
	aggregateSignature: v.nullable(Hex('a BLS aggregate signature', 96)),
	submittedAt: v.nullable(Time),
	l1Block: v.nullable(Index),
	status: v.picklist(['pending', 'challenged', 'finalized', 'reverted', 'rejected'], 'expected pending, challenged, finalized, reverted or rejected'),
	finalizedAt: v.nullable(Time),
	revertedAt: v.nullable(Time),
	fraudulent: v.boolean('expected true or false')
});

const Slash = v.looseObject({
	sequencer: Id('seq'),
	amount: Wei,
	reason: Text,
	offence: Text,
	batch: Index,
	proposal: Index,
	challenger: v.nullable(Address),
	challengerId: v.nullable(v.pipe(v.string(), v.regex(/^(seq|val|user)-\d{1,6}$/, 'expected an actor id like val-0'))),
	challengerReward: Wei,
	burned: Wei,
	fromUnbonding: Wei,
	offenceAt: Time,
	at: Time
});

const Buckets = v.looseObject({ balances: Wei, staked: Wei, unbonding: Wei, rewardsPool: Wei, treasury: Wei, burned: Wei, total: Wei });

/** The sections of a world file that say what its world is; each is optional, and checked when present. */
export const AssertedSections = {
	chainId: v.optional(v.pipe(v.number('expected a chain id'), v.integer('expected a whole chain id'), v.minValue(1), v.maxValue(4_294_967_295))),
	users: v.optional(list(User, ACTOR_LIMITS.users, 'users')),
	validators: v.optional(list(Validator, ACTOR_LIMITS.validators, 'validators')),
	sequencers: v.optional(list(Sequencer, ACTOR_LIMITS.sequencers, 'sequencers')),
	batches: v.optional(list(Batch, MAX_FILE_BATCHES, 'batches')),
	slashings: v.optional(list(Slash, MAX_FILE_BATCHES, 'slashings')),
	supply: v.optional(
		v.looseObject({
			initial: Buckets,
			final: Buckets,
			acceptedOnL1: v.optional(v.looseObject({ batch: v.nullable(Index), stateRoot: Root, honest: v.boolean('expected true or false'), unbackedMetis: SignedWei }))
		})
	)
};

/** Top-level fields that are the recipe or the log, not assertions the field comparison checks. */
export const NOT_COMPARED = ['format', 'replay', 'events'] as const;
