/**
 * What a finished world's event log says happened, in one or two sentences for the scenario card:
 * who cheated and how, who caught it, who was punished and by how much, and whether every
 * transaction settled. Every clause is computed from the events, so it is true for any world.
 */
import { isEvent, type EventOf, type SimEvent } from '$lib/sim/events';
import { formatMetis } from '$lib/sim/units';

/** One clause of the story, with the actors it names (so a test can check who is named for what). */
export interface StoryClause {
	/** What the clause is about. */
	kind: 'cheat' | 'offline' | 'catch' | 'slash' | 'reward' | 'unlock' | 'unpunished' | 'revert' | 'settle';
	/** The words. */
	text: string;
	/** Actors it names, by id. */
	actors: string[];
}

/** The outcome of a world. */
export interface StoryOutcome {
	/** One or two sentences. */
	sentences: string[];
	/** The clauses they are made of. */
	clauses: StoryClause[];
	/** Sequencers slashed, sorted, each once. */
	slashed: string[];
	/** Sequencers the administrator force-unlocked, sorted, each once. */
	forceUnlocked: string[];
	/** User transactions that count: sent, and not dropped before any block held them. */
	userTxs: number;
	/** Of those, the ones in a settled batch. */
	settledTxs: number;
}

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
	if (items.length <= 1) return items[0] ?? '';
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const byId = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
const unique = (xs: Iterable<string>) => [...new Set(xs)].sort(byId);
const metis = (wei: bigint) => formatMetis(wei, 2);

/** What a faulty proposer did to its batch, mid-sentence. */
function faultWords(behaviour: string, batches: number[], several: boolean): string {
	const first = `batch ${batches[0]}`;
	const more = batches.length > 1 ? ` and ${count(batches.length - 1, 'batch', 'batches')} after it` : '';
	switch (behaviour) {
		case 'invalid-tx':
			return `put a transaction with a forged signature in ${first}${more}`;
		case 'wrong-state-root':
			return `proposed ${several ? 'wrong state roots' : 'a wrong state root'} in ${first}${more}`;
		case 'equivocate':
			return `signed two different headers for ${first}${more}`;
		default:
			return `proposed a faulty ${first}${more}`;
	}
}

/** The cheats: faulty proposals (and who signed them unchecked), sandwiches, censorship, lazy validators. */
function cheats(events: readonly SimEvent[]): StoryClause[] {
	const out: StoryClause[] = [];
	// Proposers with the same fault are told together: a cabal takes turns proposing.
	const faults = new Map<string, { actors: string[]; batches: number[]; proposals: Set<number> }>();
	for (const e of events) {
		if (e.type !== 'fault.injected') continue;
		const f = faults.get(e.behaviour) ?? { actors: [], batches: [], proposals: new Set<number>() };
		if (!f.actors.includes(e.actor)) f.actors.push(e.actor);
		if (!f.batches.includes(e.batch)) f.batches.push(e.batch);
		f.proposals.add(e.proposal);
		faults.set(e.behaviour, f);
	}
	for (const [behaviour, f] of faults) {
		const colluders = unique(events.flatMap((e) => (e.type === 'batch.reviewed' && e.colluding && f.proposals.has(e.proposal) ? [e.sequencer] : [])));
		const signedBy = colluders.length ? `, and ${listWords(colluders)} signed ${f.batches.length > 1 ? 'them' : 'it'} without checking` : '';
		out.push({ kind: 'cheat', text: `${listWords(f.actors)} ${faultWords(behaviour, f.batches, f.actors.length > 1)}${signedBy}`, actors: unique([...f.actors, ...colluders]) });
	}
	const sandwiches = new Map<string, number>();
	for (const e of events) if (e.type === 'mev.sandwich') sandwiches.set(e.proposer, (sandwiches.get(e.proposer) ?? 0) + 1);
	for (const [actor, n] of sandwiches) out.push({ kind: 'cheat', text: `${actor} sandwiched ${count(n, "user's swap", "users' swaps")}`, actors: [actor] });
	const censors = new Map<string, Set<string>>();
	for (const e of events) if (e.type === 'tx.censored') censors.set(e.proposer, (censors.get(e.proposer) ?? new Set<string>()).add(e.user));
	for (const [actor, users] of censors) {
		const victims = unique(users);
		out.push({ kind: 'cheat', text: `${actor} left out every transaction from ${listWords(victims)}`, actors: [actor, ...victims] });
	}
	const attested = unique(events.flatMap((e) => (e.type === 'validator.attested' ? [e.validator] : [])));
	if (attested.length) {
		const checked = events.some((e) => e.type === 'validator.checked');
		const text = checked ? `${count(attested.length, 'validator')} attested without re-executing` : 'no validator re-executed a batch (they all attested without checking)';
		out.push({ kind: 'cheat', text, actors: [] });
	}
	return out;
}

/** Sequencers that went offline by a command (the scenario's timeline or a person's). */
function offline(events: readonly SimEvent[]): StoryClause[] {
	const gone = unique(events.flatMap((e) => (e.type === 'behaviour.changed' && e.behaviour === 'offline' && e.actor.startsWith('seq-') ? [e.actor] : [])));
	if (!gone.length) return [];
	return [{ kind: 'offline', text: `${listWords(gone)} went offline`, actors: gone }];
}

/** How the fault came to light and what the pool did: evidence, challenges, votes, refusals, missing proofs, stalls, re-spans, forced inclusion. */
function catches(events: readonly SimEvent[]): StoryClause[] {
	const out: StoryClause[] = [];
	const evidence = new Map<string, EventOf<'evidence.accepted'>>();
	for (const e of events) if (isEvent(e, 'evidence.accepted') && !evidence.has(e.accused)) evidence.set(e.accused, e);
	for (const e of evidence.values()) {
		const what = e.fault === 'equivocation' ? `both of ${e.accused}'s headers` : `${e.accused}'s signed header`;
		out.push({ kind: 'catch', text: `${e.reporter} sent ${what} to L1 as evidence, and L1 accepted it`, actors: [e.reporter, e.accused] });
	}
	const resolved = events.filter((e): e is EventOf<'dispute.resolved'> => e.type === 'dispute.resolved');
	for (const r of resolved) {
		const how = r.kind === 'bisection' ? 'the bisection game' : 'with one ZK fraud proof';
		const result = r.winner === 'challenger' ? `won ${how}` : `lost ${how}`;
		out.push({ kind: 'catch', text: `${r.challenger} challenged batch ${r.batch} on L1 and ${result}`, actors: [r.challenger] });
	}
	const opened = events.filter((e): e is EventOf<'challenge.opened'> => e.type === 'challenge.opened' && !resolved.some((r) => r.proposal === e.proposal));
	for (const o of opened) out.push({ kind: 'catch', text: `${o.challenger} challenged batch ${o.batch} on L1, and the dispute was still open`, actors: [o.challenger] });
	const missing = events.filter((e): e is EventOf<'proof.missing'> => e.type === 'proof.missing' && e.mode === 'zk');
	if (missing.length) out.push({ kind: 'catch', text: `no validity proof could be made for batch ${missing[0].batch}, so L1 reverted it at its proof deadline`, actors: [] });
	for (const v of events) {
		if (v.type !== 'vote.passed' && v.type !== 'vote.failed') continue;
		const voters = unique(v.votes);
		const verb = v.type === 'vote.passed' ? 'passed' : 'failed';
		out.push({ kind: 'catch', text: `its peers refused to sign, and their vote to punish ${v.sequencer} for reordering ${verb}`, actors: [v.sequencer, ...(v.type === 'vote.failed' ? voters : [])] });
	}
	const refusedRounds = events.filter((e) => e.type === 'batch.no-quorum' && e.refused.length > 0 && e.reorderReports.length === 0);
	if (refusedRounds.length) out.push({ kind: 'catch', text: `${count(refusedRounds.length, 'signing round')} ended with peers refusing to sign`, actors: [] });
	const silentRounds = events.filter((e) => e.type === 'batch.no-quorum' && e.refused.length === 0 && !evidence.size);
	if (silentRounds.length) out.push({ kind: 'catch', text: `${count(silentRounds.length, 'signing round')} missed the quorum for want of signatures`, actors: [] });
	for (const e of events) {
		if (e.type !== 'epoch.respan' || e.reason !== 'stalled' || !e.proposer) continue;
		out.push({ kind: 'catch', text: `after ${e.previous ?? 'the proposer'} stalled, a re-span made ${e.proposer} the proposer`, actors: [e.previous, e.proposer].filter((a): a is string => !!a) });
		break;
	}
	const censored = new Set(events.flatMap((e) => (e.type === 'tx.censored' ? [e.hash] : [])));
	const forced = events.filter((e): e is EventOf<'forced.included'> => e.type === 'forced.included' && censored.has(e.hash));
	if (forced.length) {
		const users = unique(forced.map((e) => e.user));
		const byL1 = forced.filter((e) => e.via === 'l1-deadline').length;
		const how = byL1 === forced.length ? 'L1 forced them in at the deadline' : byL1 === 0 ? 'an honest proposer included them' : `L1 forced ${byL1} of them in at the deadline`;
		out.push({ kind: 'catch', text: `${listWords(users)} queued ${forced.length === 1 ? 'the transaction' : 'them'} on L1 for forced inclusion, and ${how}`, actors: users });
	}
	return out;
}

/** Who lost stake, who was force-unlocked instead, what was reverted and what settled that should not have. */
function punishments(events: readonly SimEvent[]): StoryClause[] {
	const out: StoryClause[] = [];
	const lost = new Map<string, bigint>();
	let reward = 0n;
	const paid = new Set<string>();
	for (const e of events) {
		if (e.type !== 'slash') continue;
		lost.set(e.sequencer, (lost.get(e.sequencer) ?? 0n) + BigInt(e.amount));
		if (e.challenger && BigInt(e.challengerReward) > 0n) {
			reward += BigInt(e.challengerReward);
			paid.add(e.challenger);
		}
	}
	const slashed = unique(lost.keys());
	if (slashed.length) {
		const amounts = slashed.map((s) => lost.get(s)!);
		const same = amounts.every((a) => a === amounts[0]);
		const how = slashed.length === 1 ? `was slashed ${metis(amounts[0])}` : same ? `were slashed ${metis(amounts[0])} each` : `were slashed ${metis(amounts.reduce((a, b) => a + b, 0n))} in all`;
		out.push({ kind: 'slash', text: `${listWords(slashed)} ${how}`, actors: slashed });
		if (reward > 0n) out.push({ kind: 'reward', text: `${metis(reward)} of it went to ${listWords(unique(paid))} for catching it`, actors: unique(paid) });
	}
	const unlocked = unique(events.flatMap((e) => (e.type === 'sequencer.force-unlocked' ? [e.sequencer] : [])));
	if (unlocked.length) out.push({ kind: 'unlock', text: `nobody could be slashed, so the administrator force-unlocked ${listWords(unlocked)}`, actors: unlocked });
	const reverted = new Set(events.flatMap((e) => (e.type === 'batch.reverted' ? [e.proposal] : []))).size;
	if (reverted) {
		const rederived = events.some((e) => e.type === 'chain.rederive') ? ' and the honest pool re-derived the chain' : '';
		out.push({ kind: 'revert', text: `${count(reverted, 'batch was', 'batches were')} reverted${rederived}`, actors: [] });
	}
	const frauds = events.filter((e) => e.type === 'finality.settled' && !e.honest).length;
	if (frauds) out.push({ kind: 'revert', text: `nobody challenged, so L1 settled ${count(frauds, 'batch', 'batches')} with a wrong state root`, actors: [] });
	if (!slashed.length && !unlocked.length) out.push({ kind: 'unpunished', text: 'nobody was slashed', actors: [] });
	return out;
}

/** User transactions that count, and how many of them ended in a settled batch (by the L2 block that last held each). */
function settlement(events: readonly SimEvent[]): { userTxs: number; settledTxs: number; droppedTxs: number } {
	const ranges = new Map<number, [number, number]>();
	const settledBlocks: [number, number][] = [];
	const blockOf = new Map<string, number>();
	const dropped = new Set<string>();
	const sent: string[] = [];
	for (const e of events) {
		if (e.type === 'batch.proposed') ranges.set(e.proposal, [e.firstBlock, e.lastBlock]);
		else if (e.type === 'finality.settled') {
			const r = ranges.get(e.proposal);
			if (r) settledBlocks.push(r);
		} else if (e.type === 'finality.soft') blockOf.set(e.hash, e.block);
		else if (e.type === 'tx.dropped') dropped.add(e.hash);
		else if (e.type === 'tx.submitted') sent.push(e.hash);
	}
	const counted = sent.filter((h) => blockOf.has(h) || !dropped.has(h));
	const settledTxs = counted.filter((h) => {
		const block = blockOf.get(h);
		return block !== undefined && settledBlocks.some(([lo, hi]) => block >= lo && block <= hi);
	}).length;
	return { userTxs: counted.length, settledTxs, droppedTxs: sent.length - counted.length };
}

/** Capitalises a sentence, but never an actor id ("seq-0 put…" stays as the stage writes it). */
const capital = (s: string) => (/^(seq|val|user)-\d/.test(s) ? s : s.charAt(0).toUpperCase() + s.slice(1));

/** The outcome of a world from its whole event log (oldest first). */
export function storyOutcome(events: readonly SimEvent[]): StoryOutcome {
	const story = [...cheats(events), ...offline(events), ...catches(events), ...punishments(events)];
	const { userTxs, settledTxs, droppedTxs } = settlement(events);
	// A transaction no block could hold (its sender ran out of funds, a nonce gap) is dropped, and said so: "sent" on the stage counts it.
	const dropped = droppedTxs ? ` (${count(droppedTxs, 'other was', 'others were')} dropped as invalid before any block held ${droppedTxs === 1 ? 'it' : 'them'}.)` : '';
	const settle: StoryClause = {
		kind: 'settle',
		text: (userTxs === 0 ? 'No user sent a transaction.' : settledTxs === userTxs ? `All ${count(userTxs, 'transaction')} settled.` : `${settledTxs.toLocaleString('en-US')} of ${count(userTxs, 'transaction')} settled.`) + dropped,
		actors: []
	};
	const honest = !story.some((c) => c.kind === 'cheat' || c.kind === 'offline');
	const first = honest ? `No sequencer cheated, and ${story.map((c) => c.text).join('; ')}.` : `${story.map((c) => c.text).join('; ')}.`;
	return {
		sentences: [capital(first), settle.text],
		clauses: [...story, settle],
		slashed: unique(events.flatMap((e) => (e.type === 'slash' ? [e.sequencer] : []))),
		forceUnlocked: unique(events.flatMap((e) => (e.type === 'sequencer.force-unlocked' ? [e.sequencer] : []))),
		userTxs,
		settledTxs
	};
}
