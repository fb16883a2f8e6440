/**
 * What a finished world's event log says happened, in one or two sentences for the scenario card:
 * who cheated and how, who caught it, who was punished and by how much, and whether every
 * transaction settled. Every clause is computed from the events, so it is true for any world.
 */
import type { SimEvent } from '$lib/sim/events';
import { formatMetis } from '$lib/sim/units';
import { m } from '$lib/paraglide/messages.js';
import { counted, listWords } from './count';
import { catches, cheats, offline, uniqueIds as unique, type StoryClause } from './storyClauses';

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

const metis = (wei: bigint) => formatMetis(wei, 2);

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
		const sequencers = listWords(slashed);
		const text = slashed.length === 1 ? m.say_outcome_slashed_one({ sequencers, amount: metis(amounts[0]) }) : same ? m.say_outcome_slashed_each({ sequencers, amount: metis(amounts[0]) }) : m.say_outcome_slashed_all({ sequencers, amount: metis(amounts.reduce((a, b) => a + b, 0n)) });
		out.push({ kind: 'slash', text, actors: slashed });
		if (reward > 0n) out.push({ kind: 'reward', text: m.say_outcome_reward({ amount: metis(reward), challengers: listWords(unique(paid)) }), actors: unique(paid) });
	}
	const unlocked = unique(events.flatMap((e) => (e.type === 'sequencer.force-unlocked' ? [e.sequencer] : [])));
	if (unlocked.length) out.push({ kind: 'unlock', text: m.say_outcome_force_unlocked({ sequencers: listWords(unlocked) }), actors: unlocked });
	const reverted = new Set(events.flatMap((e) => (e.type === 'batch.reverted' ? [e.proposal] : []))).size;
	if (reverted) {
		const rederived = events.some((e) => e.type === 'chain.rederive') ? m.say_outcome_rederived() : '';
		out.push({ kind: 'revert', text: (reverted === 1 ? m.say_outcome_reverted_one : m.say_outcome_reverted_other)({ count: reverted.toLocaleString('en-US'), rederived }), actors: [] });
	}
	const frauds = events.filter((e) => e.type === 'finality.settled' && !e.honest).length;
	if (frauds) out.push({ kind: 'revert', text: m.say_outcome_settled_fraud({ batches: counted(frauds, 'batch') }), actors: [] });
	if (!slashed.length && !unlocked.length) out.push({ kind: 'unpunished', text: m.say_outcome_unpunished(), actors: [] });
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
	const kept = sent.filter((h) => blockOf.has(h) || !dropped.has(h));
	const settledTxs = kept.filter((h) => {
		const block = blockOf.get(h);
		return block !== undefined && settledBlocks.some(([lo, hi]) => block >= lo && block <= hi);
	}).length;
	return { userTxs: kept.length, settledTxs, droppedTxs: sent.length - kept.length };
}

/** Capitalises a sentence, but never an actor id ("seq-0 put…" stays as the stage writes it). */
const capital = (s: string) => (/^(seq|val|user)-\d/.test(s) ? s : s.charAt(0).toUpperCase() + s.slice(1));

/** The outcome of a world from its whole event log (oldest first). */
export function storyOutcome(events: readonly SimEvent[]): StoryOutcome {
	const story = [...cheats(events), ...offline(events), ...catches(events), ...punishments(events)];
	const { userTxs, settledTxs, droppedTxs } = settlement(events);
	// A transaction no block could hold (its sender ran out of funds, a nonce gap) is dropped, and said so: "sent" on the stage counts it.
	const dropped = droppedTxs ? (droppedTxs === 1 ? m.say_outcome_dropped_one : m.say_outcome_dropped_other)({ count: droppedTxs.toLocaleString('en-US') }) : '';
	const txs = counted(userTxs, 'transaction');
	const settled = userTxs === 0 ? m.say_outcome_nothing_sent() : settledTxs === userTxs ? m.say_outcome_all_settled({ txs }) : m.say_outcome_some_settled({ settled: settledTxs.toLocaleString('en-US'), txs });
	const settle: StoryClause = { kind: 'settle', text: settled + dropped, actors: [] };
	const honest = !story.some((c) => c.kind === 'cheat' || c.kind === 'offline');
	const told = story.map((c) => c.text).join(m.say_clause_join());
	const first = honest ? m.say_outcome_honest({ story: told }) : m.say_outcome_story({ story: told });
	return {
		sentences: [capital(first), settle.text],
		clauses: [...story, settle],
		slashed: unique(events.flatMap((e) => (e.type === 'slash' ? [e.sequencer] : []))),
		forceUnlocked: unique(events.flatMap((e) => (e.type === 'sequencer.force-unlocked' ? [e.sequencer] : []))),
		userTxs,
		settledTxs
	};
}
