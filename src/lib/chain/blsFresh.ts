/**
 * An audit copy of fast-aggregate-verify with no memo and no caches: every call decodes the keys and
 * the signature (subgroup checks included), hashes the message to G2 and runs the pairing check.
 * The simulation's own checks (bls.ts) remember results, so re-checking a batch L1 already accepted
 * would be a lookup; an inspector that says "verified here" must do the work again.
 */
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { BLS_LENGTHS, BLS_SIG_DST } from './bls';

const sigs = bls12_381.longSignatures;

/** Fast-aggregate-verify of one message by all `publicKeys`, computed from scratch; false (never throws) on bad input. */
export function blsFastAggregateVerifyFresh(publicKeys: Uint8Array[], message: Uint8Array, signature: Uint8Array): boolean {
	if (!Array.isArray(publicKeys) || publicKeys.length === 0 || !(message instanceof Uint8Array)) return false;
	if (!publicKeys.every((key) => key instanceof Uint8Array && key.length === BLS_LENGTHS.publicKey)) return false;
	if (!(signature instanceof Uint8Array) || signature.length !== BLS_LENGTHS.signature) return false;
	try {
		const points = publicKeys.map((key) => bls12_381.G1.Point.fromBytes(key));
		// KeyValidate: the identity is a valid encoding but never a valid key.
		if (points.some((point) => point.is0())) return false;
		const aggregate = sigs.aggregatePublicKeys(points);
		const point = sigs.Signature.fromBytes(signature);
		return sigs.verify(point, sigs.hash(message, BLS_SIG_DST), aggregate);
	} catch {
		return false;
	}
}
