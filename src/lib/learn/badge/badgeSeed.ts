/** The badge's pattern seed: bytes from a hash of the learner's facts, read out as small choices. */
import { sha256 } from '@noble/hashes/sha2.js';
import type { BadgeFacts } from './badgeInput';

/** Reads numbers from a hash of the facts; runs on by re-hashing, so it never runs dry. */
export interface BadgeSeed {
	/** A whole number from 0 up to (not including) `n`. */
	int(n: number): number;
	/** A number from 0 up to (not including) 1. */
	unit(): number;
}

/** The seed for these facts: the same facts always read out the same numbers. */
export function badgeSeed(facts: BadgeFacts): BadgeSeed {
	const text = JSON.stringify([facts.tier, facts.points, facts.done, facts.missions, facts.gain]);
	let block = sha256(new TextEncoder().encode(text));
	let at = 0;
	const byte = (): number => {
		if (at === block.length) {
			block = sha256(block);
			at = 0;
		}
		return block[at++];
	};
	const unit = () => (byte() * 256 + byte()) / 65_536;
	return { unit, int: (n) => Math.floor(unit() * n) };
}
