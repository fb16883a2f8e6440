/** Helpers the inspectors share: amounts as JSON-safe pairs, who owns an address, events that mention something. */
import type { Hex } from 'viem';
import type { SimEvent } from '../events';
import { GWEI, formatMetis } from '../units';
import type { Cast, WorldCore } from './core';
import type { BatchProposal } from './types';

/** An amount: exact wei as a decimal string, and how a person reads it. */
export interface Amount {
	/** Exact amount in the smallest unit (wei), decimal string. */
	wei: string;
	/** Rounded, with its unit: "1,234.5 METIS", "2 gwei". */
	text: string;
}

/** A METIS amount, with up to `digits` decimals in its text. */
export function metis(wei: bigint | string, digits = 4): Amount {
	const value = BigInt(wei);
	return { wei: value.toString(), text: formatMetis(value, digits) };
}

/** A USD amount of the toy DEX (18 decimals like METIS). */
export function usd(wei: bigint | string): Amount {
	const value = BigInt(wei);
	return { wei: value.toString(), text: formatMetis(value).replace(/ METIS$/, ' USD') };
}

/** A gas price in gwei (up to 4 decimals). */
export function gwei(wei: bigint | string): Amount {
	const value = BigInt(wei);
	const whole = value / GWEI;
	const frac = (value % GWEI).toString().padStart(9, '0').slice(0, 4).replace(/0+$/, '');
	return { wei: value.toString(), text: `${whole}${frac ? `.${frac}` : ''} gwei` };
}

const owners = new WeakMap<Cast, Map<string, string>>();

/** The actor id an address belongs to (user, sequencer operator, validator or admin), or null. */
export function actorOfAddress(cast: Cast, address: Hex | null): string | null {
	if (!address) return null;
	let map = owners.get(cast);
	if (!map) {
		map = new Map<string, string>([[cast.admin.toLowerCase(), 'admin']]);
		for (const u of cast.users) map.set(u.address.toLowerCase(), u.id);
		for (const s of cast.sequencers) map.set(s.address.toLowerCase(), s.id);
		for (const v of cast.validators) map.set(v.address.toLowerCase(), v.id);
		owners.set(cast, map);
	}
	return map.get(address.toLowerCase()) ?? null;
}

/** The latest proposal of batch `index` (a failed round is proposed again under the same index), and how many there were. */
export function latestProposal(w: WorldCore, index: number): { proposal: BatchProposal; attempts: number } | null {
	let proposal: BatchProposal | null = null;
	let attempts = 0;
	for (const p of w.data.proposals) {
		if (p.index !== index) continue;
		proposal = p;
		attempts++;
	}
	return proposal ? { proposal, attempts } : null;
}

/** Fields that list everyone asked, not something the actor did: skipped when looking for mentions. */
const CROWD_FIELDS = new Set(['t', 'type', 'activeSet']);

/** Whether any field of the event names `id` (or holds it in a list), ignoring lists of the whole active set. */
export function mentions(event: SimEvent, id: string): boolean {
	for (const [field, value] of Object.entries(event)) {
		if (CROWD_FIELDS.has(field)) continue;
		if (value === id || (Array.isArray(value) && (value as unknown[]).includes(id))) return true;
	}
	return false;
}

/** The last `limit` events that satisfy `test`, newest first. */
export function lastEvents(log: readonly SimEvent[], test: (e: SimEvent) => boolean, limit: number): SimEvent[] {
	const out: SimEvent[] = [];
	for (let i = log.length - 1; i >= 0 && out.length < limit; i--) if (test(log[i])) out.push({ ...log[i] });
	return out;
}
