import type { Hex } from 'viem';
import { blsPopVerify } from '../../chain/bls';
import { fromHex } from '../../chain/hex';
import type { L1Bank } from './bank';
import { mulBps, sortedOwners, splitReward, takeProRata } from './proRata';
import { done, ok, refuse, type Result } from './result';
import {
	BPS,
	DEFAULT_STAKING_PARAMS,
	type ActiveMember,
	type RewardPayout,
	type SequencerStatus,
	type SequencerView,
	type SlashOutcome,
	type SlashRecord,
	type SlashRequest,
	type StakingBuckets,
	type StakingParams,
	type UnbondingEntry,
	isBps,
	stakingParamsError,
	type VerifyPop,
	type WhitelistRequest
} from './stakingTypes';

/** Contract state of one sequencer; plain data so clone() is a copy. */
interface SequencerState {
	/** Sequencer id. */
	id: string;
	/** Operator address (lowercase). */
	operator: Hex;
	/** BLS public key (lowercase hex). */
	blsPublicKey: Hex;
	/** Proof of possession checked at admission. */
	blsProofOfPossession: Hex;
	/** Own commission, or null to follow the pool default. */
	commissionBps: number | null;
	/** Operator's locked stake. */
	selfStake: bigint;
	/** Delegated stake by delegator (nonzero entries only). */
	delegations: Record<Hex, bigint>;
	/** Pool status. */
	status: SequencerStatus;
	/** Total slashed so far. */
	slashed: bigint;
	/** Unlock or force-unlock time. */
	exitedAt: number | null;
}

const PUBLIC_KEY_BYTES = 48;
const POP_BYTES = 96;

/**
 * The L1 staking contract (Metis LockingPool/LockingInfo plus the textbook slash): an admin-run
 * whitelist, self stake and delegation within min/max, a 21-day exit delay, block rewards from an
 * admin-funded pool, and slashing with a challenger share.
 */
export class StakingPool {
	/** Administrator address: whitelists, funds rewards, sets parameters, force-unlocks. */
	readonly admin: Hex;
	/** L1 token balances the pool pays from and into; the world reaches the bank through here. */
	readonly bank: L1Bank;
	/** Proof-of-possession check (injected so tables can stub it; the real one by default). */
	private readonly verifyPop: VerifyPop;
	/** Parameters in force. */
	private current: StakingParams;
	/** Every sequencer ever whitelisted, by id. */
	private sequencerState: Map<string, SequencerState>;
	/** Unclaimed unbonding entries in creation order. */
	private unbondingList: UnbondingEntry[];
	/** Every slash so far. */
	private slashList: SlashRecord[];
	/** Tokens funded for block rewards, not yet paid. */
	private rewardsPool: bigint;
	/** Tokens destroyed by slashing. */
	private burned: bigint;

	/** A pool with no sequencers, run by `admin` over `bank`. */
	constructor({
		admin,
		bank,
		params = {},
		verifyPop = blsPopVerify
	}: {
		/** Administrator address. */
		admin: Hex;
		/** L1 balances. */
		bank: L1Bank;
		/** Overrides of DEFAULT_STAKING_PARAMS. */
		params?: Partial<StakingParams>;
		/** Proof-of-possession check; the real BLS one unless a test swaps it. */
		verifyPop?: VerifyPop;
	}) {
		this.admin = lower(admin);
		this.bank = bank;
		this.verifyPop = verifyPop;
		const merged = { ...DEFAULT_STAKING_PARAMS, ...params };
		const invalid = stakingParamsError(merged);
		if (invalid) throw new Error(`StakingPool: ${invalid}`);
		this.current = merged;
		this.sequencerState = new Map();
		this.unbondingList = [];
		this.slashList = [];
		this.rewardsPool = 0n;
		this.burned = 0n;
	}

	/** Parameters in force (a copy). */
	get params(): StakingParams {
		return { ...this.current };
	}

	/** Admin admits a sequencer candidate once its BLS proof of possession checks out. */
	whitelist({ caller, id, operator, blsPublicKey, blsProofOfPossession, commissionBps }: WhitelistRequest): Result<SequencerView> {
		if (!this.isAdmin(caller)) return refuse(`only the administrator may whitelist sequencers (caller ${lower(caller)})`);
		if (id.length === 0) return refuse('sequencer id must not be empty');
		if (commissionBps !== undefined && !isBps(commissionBps)) return refuse(`commissionBps must be an integer 0..${BPS}`);
		const key = lower(blsPublicKey);
		const pop = lower(blsProofOfPossession ?? '0x');
		if (pop.length <= 2) return refuse('missing BLS proof of possession: the key cannot be admitted without one');
		if (this.sequencerState.has(id)) return refuse(`duplicate sequencer id ${id}`);
		for (const s of this.sequencerState.values()) {
			if (s.operator === lower(operator)) return refuse(`duplicate operator ${lower(operator)} (already runs ${s.id})`);
			if (s.blsPublicKey === key) return refuse(`duplicate BLS public key (already used by ${s.id})`);
		}
		const keyBytes = bytesOf(key, PUBLIC_KEY_BYTES);
		const popBytes = bytesOf(pop, POP_BYTES);
		if (!keyBytes) return refuse(`BLS public key must be ${PUBLIC_KEY_BYTES} bytes of hex`);
		if (!popBytes) return refuse(`BLS proof of possession must be ${POP_BYTES} bytes of hex`);
		if (!safely(() => this.verifyPop(keyBytes, popBytes))) {
			return refuse('invalid BLS proof of possession: the candidate did not prove it holds the secret key (rogue-key defence)');
		}
		this.sequencerState.set(id, {
			id,
			operator: lower(operator),
			blsPublicKey: key,
			blsProofOfPossession: pop,
			commissionBps: commissionBps ?? null,
			selfStake: 0n,
			delegations: {},
			status: 'whitelisted',
			slashed: 0n,
			exitedAt: null
		});
		return ok(this.view(this.sequencerState.get(id)!));
	}

	/** The operator locks self stake from its bank balance. */
	lock({ caller, id, amount }: { caller: Hex; id: string; amount: bigint }): Result<SequencerView> {
		const s = this.sequencerState.get(id);
		if (!s) return refuse(`unknown sequencer ${id}`);
		if (lower(caller) !== s.operator) return refuse(`only the operator of ${id} may lock its self stake`);
		const checked = this.checkNewStake(s, amount);
		if (!checked.ok) return checked;
		const paid = this.bank.debit(s.operator, amount);
		if (!paid.ok) return paid;
		s.selfStake += amount;
		return ok(this.view(s));
	}

	/** Any address delegates stake from its bank balance to a whitelisted sequencer. */
	delegate({ caller, id, amount }: { caller: Hex; id: string; amount: bigint }): Result<SequencerView> {
		const s = this.sequencerState.get(id);
		if (!s) return refuse(`unknown sequencer ${id}`);
		const checked = this.checkNewStake(s, amount);
		if (!checked.ok) return checked;
		const from = lower(caller);
		const paid = this.bank.debit(from, amount);
		if (!paid.ok) return paid;
		s.delegations[from] = (s.delegations[from] ?? 0n) + amount;
		return ok(this.view(s));
	}

	/** The operator exits: self stake and every delegation start the exit delay; it leaves the active set. */
	unlock({ caller, id, now }: { caller: Hex; id: string; now: number }): Result<UnbondingEntry[]> {
		const s = this.sequencerState.get(id);
		if (!s) return refuse(`unknown sequencer ${id}`);
		if (lower(caller) !== s.operator) return refuse(`only the operator of ${id} may unlock it`);
		if (s.status !== 'whitelisted') return refuse(`sequencer ${id} is already ${s.status}`);
		s.status = 'exiting';
		s.exitedAt = now;
		return ok(this.unbondAll(s, now));
	}

	/** A delegator starts the exit delay on part or all of its delegation. */
	undelegate({ caller, id, amount, now }: { caller: Hex; id: string; amount: bigint; now: number }): Result<UnbondingEntry> {
		const s = this.sequencerState.get(id);
		if (!s) return refuse(`unknown sequencer ${id}`);
		if (amount <= 0n) return refuse(`amount must be positive (got ${amount})`);
		const from = lower(caller);
		const held = s.delegations[from] ?? 0n;
		if (held < amount) return refuse(`cannot undelegate ${amount}: ${from} has ${held} delegated to ${id}`);
		setOrDelete(s.delegations, from, held - amount);
		return ok(this.startUnbonding(from, id, amount, now));
	}

	/** Pays the caller every unbonding entry whose releaseAt has come (now >= releaseAt). */
	claim({ caller, now }: { caller: Hex; now: number }): Result<bigint> {
		const owner = lower(caller);
		const mine = this.unbondingList.filter((e) => e.owner === owner);
		if (mine.length === 0) return refuse(`nothing to claim: ${owner} has no unbonding stake`);
		const matured = mine.filter((e) => now >= e.releaseAt);
		if (matured.length === 0) {
			const next = Math.min(...mine.map((e) => e.releaseAt));
			return refuse(`exit delay not over: the earliest entry is claimable at ${next}, now is ${now}`);
		}
		const amount = matured.reduce((sum, e) => sum + e.amount, 0n);
		this.unbondingList = this.unbondingList.filter((e) => !matured.includes(e));
		this.bank.credit(owner, amount);
		return ok(amount);
	}

	/** Whitelisted sequencers, not exiting or ejected, with stake >= minStake; sorted by id. */
	activeSet(): ActiveMember[] {
		return [...this.sequencerState.values()]
			.filter((s) => this.isActive(s))
			.sort((a, b) => compare(a.id, b.id))
			.map((s) => ({ id: s.id, stake: stakeOf(s), blsPublicKey: s.blsPublicKey }));
	}

	/** Admin moves tokens from its bank balance into the rewards pool. */
	fundRewards({ caller, amount }: { caller: Hex; amount: bigint }): Result<bigint> {
		if (!this.isAdmin(caller)) return refuse('only the administrator may fund the rewards pool');
		if (amount <= 0n) return refuse(`amount must be positive (got ${amount})`);
		const paid = this.bank.debit(this.admin, amount);
		if (!paid.ok) return paid;
		this.rewardsPool += amount;
		return ok(this.rewardsPool);
	}

	/** Admin sets the reward per L2 block (the release rate). */
	setRewardPerBlock({ caller, amount }: { caller: Hex; amount: bigint }): Result<void> {
		const set = this.setParams({ caller, rewardPerBlock: amount });
		return set.ok ? done() : set;
	}

	/** Pays `blocks × rewardPerBlock` (capped by the pool) to the producer's operator and delegators. */
	payBlockRewards({ id, blocks }: { id: string; blocks: number }): Result<RewardPayout> {
		const s = this.sequencerState.get(id);
		if (!s) return refuse(`unknown sequencer ${id}`);
		if (!Number.isSafeInteger(blocks) || blocks < 0) return refuse(`blocks must be a non-negative integer (got ${blocks})`);
		const due = BigInt(blocks) * this.current.rewardPerBlock;
		const paid = due < this.rewardsPool ? due : this.rewardsPool;
		const split = splitReward({ reward: paid, commissionBps: this.commissionOf(s), selfStake: s.selfStake, delegations: s.delegations });
		this.rewardsPool -= paid;
		this.bank.credit(s.operator, split.toOperator);
		for (const owner of sortedOwners(split.toDelegators)) this.bank.credit(owner, split.toDelegators[owner]);
		return ok({ paid, ...split });
	}

	/** Pays `amount` (capped by the pool) from the rewards pool to `to`, e.g. a validator's verification reward. */
	payFromRewards({ to, amount }: { to: Hex; amount: bigint }): Result<bigint> {
		if (amount < 0n) return refuse('a reward cannot be negative');
		const paid = amount < this.rewardsPool ? amount : this.rewardsPool;
		this.rewardsPool -= paid;
		this.bank.credit(lower(to), paid);
		return ok(paid);
	}

	/**
	 * Textbook slash: takes fractionBps of the sequencer's stake (self and delegations pro rata, dust
	 * from self), challengerShareBps of it to the challenger, the rest burned. With `infractionAt`,
	 * stake that began unbonding from this sequencer at or after that time is slashable too.
	 */
	slash({ id, fractionBps, challenger, challengerShareBps, reason, now, batch = null, infractionAt }: SlashRequest): Result<SlashOutcome> {
		const s = this.sequencerState.get(id);
		if (!s) return refuse(`unknown sequencer ${id}`);
		if (!isBps(fractionBps)) return refuse(`slash fractionBps must be an integer 0..${BPS}`);
		if (!isBps(challengerShareBps)) return refuse(`challengerShareBps must be an integer 0..${BPS}`);
		const owners = sortedOwners(s.delegations);
		const entries = this.slashableUnbonding(id, infractionAt);
		const holdings = [s.selfStake, ...owners.map((o) => s.delegations[o]), ...entries.map((e) => e.amount)];
		const base = holdings.reduce((sum, h) => sum + h, 0n);
		const amount = mulBps(base, fractionBps);
		const cuts = takeProRata(amount, holdings);
		const fromUnbonding = cuts.slice(1 + owners.length).reduce((sum, c) => sum + c, 0n);
		s.selfStake -= cuts[0];
		owners.forEach((o, i) => setOrDelete(s.delegations, o, s.delegations[o] - cuts[1 + i]));
		entries.forEach((e, i) => (e.amount -= cuts[1 + owners.length + i]));
		this.unbondingList = this.unbondingList.filter((e) => e.amount > 0n);
		const challengerReward = challenger === null ? 0n : mulBps(amount, challengerShareBps);
		const burned = amount - challengerReward;
		if (challenger !== null) this.bank.credit(challenger, challengerReward);
		this.burned += burned;
		s.slashed += amount;
		const outcome = { amount, fromUnbonding, challengerReward, burned };
		this.slashList.push({ sequencer: id, reason, batch, challenger: challenger && lower(challenger), at: now, ...outcome });
		return ok(outcome);
	}

	/** What a slash for an offence at `infractionAt` could reach: bonded stake plus stake that began unbonding since (wei). */
	slashable({ id, infractionAt }: { id: string; infractionAt?: number }): bigint {
		const s = this.sequencerState.get(id);
		if (!s) return 0n;
		return stakeOf(s) + this.slashableUnbonding(id, infractionAt).reduce((sum, e) => sum + e.amount, 0n);
	}

	/** As deployed: the admin force-unlocks a sequencer; its stake starts the exit delay, nothing burned. */
	forceUnlock({ caller, id, now }: { caller: Hex; id: string; now: number }): Result<UnbondingEntry[]> {
		if (!this.isAdmin(caller)) return refuse('only the administrator may force-unlock a sequencer');
		const s = this.sequencerState.get(id);
		if (!s) return refuse(`unknown sequencer ${id}`);
		if (s.status !== 'whitelisted') return refuse(`sequencer ${id} is already ${s.status}`);
		s.status = 'ejected';
		s.exitedAt = now;
		return ok(this.unbondAll(s, now));
	}

	/** Admin changes any parameters; existing stake above a lowered maxStake stays (only new stake is checked). */
	setParams({ caller, ...partial }: { caller: Hex } & Partial<StakingParams>): Result<StakingParams> {
		if (!this.isAdmin(caller)) return refuse('only the administrator may set staking parameters');
		const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
		const next = { ...this.current, ...defined };
		const invalid = stakingParamsError(next);
		if (invalid) return refuse(invalid);
		this.current = next;
		return ok({ ...next });
	}

	/** Totals of the contract's buckets. */
	buckets(): StakingBuckets {
		let staked = 0n;
		for (const s of this.sequencerState.values()) staked += stakeOf(s);
		const unbonding = this.unbondingList.reduce((sum, e) => sum + e.amount, 0n);
		return { staked, unbonding, rewardsPool: this.rewardsPool, burned: this.burned };
	}

	/** One sequencer's view, or undefined. */
	sequencer(id: string): SequencerView | undefined {
		const s = this.sequencerState.get(id);
		return s && this.view(s);
	}

	/** Every sequencer ever whitelisted, sorted by id. */
	sequencers(): SequencerView[] {
		return [...this.sequencerState.values()].sort((a, b) => compare(a.id, b.id)).map((s) => this.view(s));
	}

	/** Unbonding entries (copies), optionally only one owner's. */
	unbonding(owner?: Hex): UnbondingEntry[] {
		const who = owner && lower(owner);
		return this.unbondingList.filter((e) => who === undefined || e.owner === who).map((e) => ({ ...e }));
	}

	/** Every slash so far, in order (copies). */
	slashings(): SlashRecord[] {
		return this.slashList.map((r) => ({ ...r }));
	}

	/** An independent copy for a checkpoint; pass the already-cloned bank when the world clones it too. */
	clone(bank: L1Bank = this.bank.clone()): StakingPool {
		const copy = new StakingPool({ admin: this.admin, bank, params: this.current, verifyPop: this.verifyPop });
		for (const [id, s] of this.sequencerState) copy.sequencerState.set(id, { ...s, delegations: { ...s.delegations } });
		copy.unbondingList = this.unbondingList.map((e) => ({ ...e }));
		copy.slashList = this.slashList.map((r) => ({ ...r }));
		copy.rewardsPool = this.rewardsPool;
		copy.burned = this.burned;
		return copy;
	}

	/** Unbonding entries of this sequencer that began at or after the offence: still slashable for it. */
	private slashableUnbonding(id: string, infractionAt: number | undefined): UnbondingEntry[] {
		if (infractionAt === undefined) return [];
		return this.unbondingList.filter((e) => e.sequencerId === id && e.startedAt >= infractionAt);
	}

	private isAdmin(caller: Hex): boolean {
		return lower(caller) === this.admin;
	}

	private isActive(s: SequencerState): boolean {
		return s.status === 'whitelisted' && stakeOf(s) >= this.current.minStake;
	}

	private commissionOf(s: SequencerState): number {
		return s.commissionBps ?? this.current.commissionBps;
	}

	private checkNewStake(s: SequencerState, amount: bigint): Result<void> {
		if (s.status !== 'whitelisted') return refuse(`sequencer ${s.id} is ${s.status}: it takes no new stake`);
		if (amount <= 0n) return refuse(`amount must be positive (got ${amount})`);
		const after = stakeOf(s) + amount;
		if (after > this.current.maxStake) {
			return refuse(`max stake exceeded: ${s.id} would hold ${after} wei, the maximum is ${this.current.maxStake}`);
		}
		return done();
	}

	private unbondAll(s: SequencerState, now: number): UnbondingEntry[] {
		const created: UnbondingEntry[] = [];
		if (s.selfStake > 0n) created.push(this.startUnbonding(s.operator, s.id, s.selfStake, now));
		for (const owner of sortedOwners(s.delegations)) created.push(this.startUnbonding(owner, s.id, s.delegations[owner], now));
		s.selfStake = 0n;
		s.delegations = {};
		return created;
	}

	private startUnbonding(owner: Hex, sequencerId: string, amount: bigint, now: number): UnbondingEntry {
		const entry = { owner, sequencerId, amount, startedAt: now, releaseAt: now + this.current.exitDelayMs };
		this.unbondingList.push(entry);
		return { ...entry };
	}

	private view(s: SequencerState): SequencerView {
		const delegated = Object.values(s.delegations).reduce((sum, d) => sum + d, 0n);
		return {
			id: s.id,
			operator: s.operator,
			blsPublicKey: s.blsPublicKey,
			blsProofOfPossession: s.blsProofOfPossession,
			commissionBps: this.commissionOf(s),
			selfStake: s.selfStake,
			delegated,
			delegations: { ...s.delegations },
			stake: s.selfStake + delegated,
			status: s.status,
			active: this.isActive(s),
			slashed: s.slashed,
			exitedAt: s.exitedAt
		};
	}
}

function stakeOf(s: SequencerState): bigint {
	let sum = s.selfStake;
	for (const d of Object.values(s.delegations)) sum += d;
	return sum;
}

function lower(hex: Hex): Hex {
	return hex.toLowerCase() as Hex;
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function setOrDelete(record: Record<Hex, bigint>, key: Hex, value: bigint): void {
	if (value === 0n) delete record[key];
	else record[key] = value;
}

function bytesOf(hex: Hex, length: number): Uint8Array | null {
	try {
		const bytes = fromHex(hex);
		return bytes.length === length ? bytes : null;
	} catch {
		return null;
	}
}

function safely(check: () => boolean): boolean {
	try {
		return check() === true;
	} catch {
		return false;
	}
}
