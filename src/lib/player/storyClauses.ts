/**
 * The clauses of a finished world's story that tell what went wrong and how it came to light: who
 * cheated and how, who went offline, and who caught it (evidence, challenges, votes, refusals,
 * missing proofs, stalls, forced inclusion). Each is computed from the events, in the catalogue's words.
 */
import { isEvent, type EventOf, type SimEvent } from '$lib/sim/events';
import { m } from '$lib/paraglide/messages.js';
import { counted, listWords } from './count';

/** One clause of the story, with the actors it names (so a test can check who is named for what). */
export interface StoryClause {
	/** What the clause is about. */
	kind: 'cheat' | 'offline' | 'catch' | 'slash' | 'reward' | 'unlock' | 'unpunished' | 'revert' | 'settle';
	/** The words. */
	text: string;
	/** Actors it names, by id. */
	actors: string[];
}

const byId = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** Actor ids sorted as people count them (seq-2 before seq-10), each once. */
export const uniqueIds = (xs: Iterable<string>) => [...new Set(xs)].sort(byId);

/** What a faulty proposer did to its batch, mid-sentence. */
function faultWords(behaviour: string, batches: number[], several: boolean): string {
	const inputs = { batch: m.say_batch({ batch: batches[0] }), more: batches.length > 1 ? m.say_outcome_more({ batches: counted(batches.length - 1, 'batch') }) : '' };
	switch (behaviour) {
		case 'invalid-tx':
			return m.say_outcome_fault_invalid_tx(inputs);
		case 'wrong-state-root':
			return (several ? m.say_outcome_fault_wrong_roots : m.say_outcome_fault_wrong_root)(inputs);
		case 'equivocate':
			return m.say_outcome_fault_equivocate(inputs);
		default:
			return m.say_outcome_fault_other(inputs);
	}
}

/** The cheats: faulty proposals (and who signed them unchecked), sandwiches, censorship, lazy validators. */
export function cheats(events: readonly SimEvent[]): StoryClause[] {
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
		const colluders = uniqueIds(events.flatMap((e) => (e.type === 'batch.reviewed' && e.colluding && f.proposals.has(e.proposal) ? [e.sequencer] : [])));
		const signed = colluders.length ? (f.batches.length > 1 ? m.say_outcome_unchecked_other : m.say_outcome_unchecked_one)({ signers: listWords(colluders) }) : '';
		out.push({ kind: 'cheat', text: m.say_outcome_cheat({ actors: listWords(f.actors), fault: faultWords(behaviour, f.batches, f.actors.length > 1), signed }), actors: uniqueIds([...f.actors, ...colluders]) });
	}
	const sandwiches = new Map<string, number>();
	for (const e of events) if (e.type === 'mev.sandwich') sandwiches.set(e.proposer, (sandwiches.get(e.proposer) ?? 0) + 1);
	for (const [actor, n] of sandwiches) out.push({ kind: 'cheat', text: (n === 1 ? m.say_outcome_sandwiched_one : m.say_outcome_sandwiched_other)({ actor, count: n.toLocaleString('en-US') }), actors: [actor] });
	const censors = new Map<string, Set<string>>();
	for (const e of events) if (e.type === 'tx.censored') censors.set(e.proposer, (censors.get(e.proposer) ?? new Set<string>()).add(e.user));
	for (const [actor, users] of censors) {
		const victims = uniqueIds(users);
		out.push({ kind: 'cheat', text: m.say_outcome_censored({ actor, users: listWords(victims) }), actors: [actor, ...victims] });
	}
	const attested = uniqueIds(events.flatMap((e) => (e.type === 'validator.attested' ? [e.validator] : [])));
	if (attested.length) {
		const checked = events.some((e) => e.type === 'validator.checked');
		const n = attested.length;
		const text = checked ? (n === 1 ? m.say_outcome_attested_one : m.say_outcome_attested_other)({ count: n.toLocaleString('en-US') }) : m.say_outcome_none_checked();
		out.push({ kind: 'cheat', text, actors: [] });
	}
	return out;
}

/** Sequencers that went offline by a command (the scenario's timeline or a person's). */
export function offline(events: readonly SimEvent[]): StoryClause[] {
	const gone = uniqueIds(events.flatMap((e) => (e.type === 'behaviour.changed' && e.behaviour === 'offline' && e.actor.startsWith('seq-') ? [e.actor] : [])));
	if (!gone.length) return [];
	return [{ kind: 'offline', text: m.say_outcome_offline({ sequencers: listWords(gone) }), actors: gone }];
}

/** How a challenge ended: won or lost, by bisection or by one ZK fraud proof. */
function challengeEnded(r: EventOf<'dispute.resolved'>): string {
	const inputs = { challenger: r.challenger, batch: r.batch };
	if (r.kind === 'bisection') return (r.winner === 'challenger' ? m.say_outcome_challenge_won_bisection : m.say_outcome_challenge_lost_bisection)(inputs);
	return (r.winner === 'challenger' ? m.say_outcome_challenge_won_zk : m.say_outcome_challenge_lost_zk)(inputs);
}

/** How the fault came to light and what the pool did: evidence, challenges, votes, refusals, missing proofs, stalls, re-spans, forced inclusion. */
export function catches(events: readonly SimEvent[]): StoryClause[] {
	const out: StoryClause[] = [];
	const evidence = new Map<string, EventOf<'evidence.accepted'>>();
	for (const e of events) if (isEvent(e, 'evidence.accepted') && !evidence.has(e.accused)) evidence.set(e.accused, e);
	for (const e of evidence.values()) {
		const text = (e.fault === 'equivocation' ? m.say_outcome_evidence_both : m.say_outcome_evidence)({ reporter: e.reporter, accused: e.accused });
		out.push({ kind: 'catch', text, actors: [e.reporter, e.accused] });
	}
	const resolved = events.filter((e): e is EventOf<'dispute.resolved'> => e.type === 'dispute.resolved');
	for (const r of resolved) out.push({ kind: 'catch', text: challengeEnded(r), actors: [r.challenger] });
	const opened = events.filter((e): e is EventOf<'challenge.opened'> => e.type === 'challenge.opened' && !resolved.some((r) => r.proposal === e.proposal));
	for (const o of opened) out.push({ kind: 'catch', text: m.say_outcome_challenge_open({ challenger: o.challenger, batch: o.batch }), actors: [o.challenger] });
	const missing = events.filter((e): e is EventOf<'proof.missing'> => e.type === 'proof.missing' && e.mode === 'zk');
	if (missing.length) out.push({ kind: 'catch', text: m.say_outcome_proof_missing({ batch: missing[0].batch }), actors: [] });
	for (const v of events) {
		if (v.type !== 'vote.passed' && v.type !== 'vote.failed') continue;
		const voters = uniqueIds(v.votes);
		const text = (v.type === 'vote.passed' ? m.say_outcome_vote_passed : m.say_outcome_vote_failed)({ sequencer: v.sequencer });
		out.push({ kind: 'catch', text, actors: [v.sequencer, ...(v.type === 'vote.failed' ? voters : [])] });
	}
	const refused = events.filter((e) => e.type === 'batch.no-quorum' && e.refused.length > 0 && e.reorderReports.length === 0).length;
	if (refused) out.push({ kind: 'catch', text: (refused === 1 ? m.say_outcome_rounds_refused_one : m.say_outcome_rounds_refused_other)({ count: refused.toLocaleString('en-US') }), actors: [] });
	const silent = events.filter((e) => e.type === 'batch.no-quorum' && e.refused.length === 0 && !evidence.size).length;
	if (silent) out.push({ kind: 'catch', text: (silent === 1 ? m.say_outcome_rounds_silent_one : m.say_outcome_rounds_silent_other)({ count: silent.toLocaleString('en-US') }), actors: [] });
	for (const e of events) {
		if (e.type !== 'epoch.respan' || e.reason !== 'stalled' || !e.proposer) continue;
		out.push({ kind: 'catch', text: m.say_outcome_respan({ previous: e.previous ?? m.say_pool_the_proposer(), proposer: e.proposer }), actors: [e.previous, e.proposer].filter((a): a is string => !!a) });
		break;
	}
	const censored = new Set(events.flatMap((e) => (e.type === 'tx.censored' ? [e.hash] : [])));
	const forced = events.filter((e): e is EventOf<'forced.included'> => e.type === 'forced.included' && censored.has(e.hash));
	if (forced.length) {
		const users = uniqueIds(forced.map((e) => e.user));
		const byL1 = forced.filter((e) => e.via === 'l1-deadline').length;
		const how = byL1 === forced.length ? m.say_outcome_forced_by_l1() : byL1 === 0 ? m.say_outcome_forced_by_proposer() : m.say_outcome_forced_some({ count: byL1 });
		out.push({ kind: 'catch', text: (forced.length === 1 ? m.say_outcome_forced_one : m.say_outcome_forced_other)({ users: listWords(users), how }), actors: users });
	}
	return out;
}
