/**
 * How the actors read on the stage, in the catalogue's words: the traffic, a behaviour, the badge a
 * misbehaving actor wears, a sequencer's or validator's accessible name, and the narration's line
 * when a behaviour changes. Pure: the drawing, the actions menu and the narration only read these.
 */
import { m } from '$lib/paraglide/messages.js';
import type { TrafficView } from '$lib/sim';

/** The traffic as the users' panel states it: "1 tx/s", "traffic stopped", "traffic ended", "idle" before it starts. */
export function trafficShort(traffic: Pick<TrafficView, 'txPerSecond' | 'sending' | 'ended'>): string {
	if (traffic.ended) return m.draw_traffic_ended();
	if (traffic.txPerSecond <= 0) return m.draw_traffic_stopped();
	if (!traffic.sending) return m.draw_traffic_idle();
	return m.draw_traffic_rate({ rate: Number(traffic.txPerSecond.toFixed(2)).toLocaleString('en-US') });
}

/** The traffic in a sentence's words: "5 transactions a second", "traffic stopped", "traffic ended", "not sending yet". */
export function trafficPhrase(traffic: Pick<TrafficView, 'txPerSecond' | 'sending' | 'ended'>): string {
	if (traffic.ended) return m.draw_traffic_ended();
	if (traffic.txPerSecond <= 0) return m.draw_traffic_stopped();
	if (!traffic.sending) return m.draw_traffic_not_yet();
	return txRate(traffic.txPerSecond);
}

/** "5 transactions a second", "2.5 transactions a second", "1 transaction a second". */
export function txRate(rate: number): string {
	const n = Number(rate.toFixed(3));
	return (n === 1 ? m.say_tx_rate_one : m.say_tx_rate_other)({ count: n.toLocaleString('en-US') });
}

const BEHAVIOUR_WORDS: Record<string, () => string> = {
	honest: m.draw_behaviour_honest,
	offline: m.draw_behaviour_offline,
	censor: m.draw_behaviour_censor,
	reorder: m.draw_behaviour_reorder,
	'invalid-tx': m.draw_behaviour_invalid_tx,
	'wrong-state-root': m.draw_behaviour_wrong_root,
	equivocate: m.draw_behaviour_equivocate,
	lazy: m.draw_behaviour_lazy
};

/** A behaviour in a few words: "honest", "signing wrong state roots". */
export function behaviourWords(behaviour: string): string {
	return BEHAVIOUR_WORDS[behaviour]?.() ?? behaviour;
}

/** Each fault's badge: a short word and a one-letter mark (the key to the stage names the letters). */
const BADGES: Record<string, [word: () => string, mark: () => string]> = {
	offline: [m.draw_badge_offline, () => '✗'],
	censor: [m.draw_badge_censor, m.draw_badge_censor_mark],
	reorder: [m.draw_badge_reorder, m.draw_badge_reorder_mark],
	'invalid-tx': [m.draw_badge_invalid_tx, m.draw_badge_invalid_tx_mark],
	'wrong-state-root': [m.draw_badge_wrong_root, m.draw_badge_wrong_root_mark],
	equivocate: [m.draw_badge_equivocate, m.draw_badge_equivocate_mark],
	lazy: [m.draw_badge_lazy, m.draw_badge_lazy_mark]
};

/** The badge a misbehaving actor wears: a short word and a one-letter mark (for small nodes). Null when honest. */
export function faultBadge(behaviour: string): { word: string; mark: string } | null {
	const badge = BADGES[behaviour];
	return badge ? { word: badge[0](), mark: badge[1]() } : null;
}

/** Stake for a label: "60k", "950". */
export function stakeShort(metis: number): string {
	return metis >= 1000 ? `${Math.round(metis / 1000)}k` : String(Math.round(metis));
}

/** A sequencer node's accessible name: "seq-3, proposer, stake 60k METIS, honest — open actions". */
export function sequencerName(o: { id: string; proposer: boolean; stake: number; behaviour: string; active: boolean }): string {
	const role = [o.proposer ? m.draw_menu_proposer() : '', o.active ? '' : m.draw_menu_inactive()].filter(Boolean).join(', ');
	const inputs = { id: o.id, role, stake: stakeShort(o.stake), behaviour: behaviourWords(o.behaviour) };
	return role ? m.draw_seq_name_role(inputs) : m.draw_seq_name(inputs);
}

/** A validator cell's accessible name: "val-2, honest, 14 checks — open actions", with what it is doing when it does something ("roots matched"). */
export function validatorName(o: { id: string; behaviour: string; checked: number }, doing = ''): string {
	const inputs = { id: o.id, behaviour: behaviourWords(o.behaviour), doing, count: o.checked.toLocaleString('en-US') };
	if (doing) return (o.checked === 1 ? m.draw_val_name_doing_one : m.draw_val_name_doing_other)(inputs);
	return (o.checked === 1 ? m.draw_val_name_one : m.draw_val_name_other)(inputs);
}

/** What a changed behaviour means, for the narration: "seq-3 goes offline". */
export function behaviourSentence(actor: string, behaviour: string, target?: string | null): string {
	const validator = actor.startsWith('val-');
	switch (behaviour) {
		case 'honest':
			return m.say_behaviour_honest({ actor });
		case 'offline':
			return (validator ? m.say_behaviour_validator_offline : m.say_behaviour_offline)({ actor });
		case 'lazy':
			return m.say_behaviour_lazy({ actor });
		case 'censor':
			return m.say_behaviour_censor({ actor, target: target || m.say_behaviour_censor_anyone() });
		case 'reorder':
			return m.say_behaviour_reorder({ actor });
		case 'wrong-state-root':
			return m.say_behaviour_wrong_root({ actor });
		case 'invalid-tx':
			return m.say_behaviour_invalid_tx({ actor });
		case 'equivocate':
			return m.say_behaviour_equivocate({ actor });
		default:
			return m.say_behaviour_other({ actor });
	}
}
