import { describe, expect, it } from 'vitest';
import { bls12_381 } from '@noble/curves/bls12-381.js';
import vectors from './fixtures/bls-eth-pop.json';
import {
	BLS_POP_DST,
	BLS_SIG_DST,
	blsAggregate,
	blsFastAggregateVerify,
	blsKeygen,
	blsPopProve,
	blsPopVerify,
	blsPublicKey,
	blsSign,
	blsSignMany,
	blsVerify
} from './bls';
import { fromHex, toHex } from './hex';
import { deriveSecret } from './keys';
import { cryptoStats, resetCryptoStats } from './stats';

const sigs = bls12_381.longSignatures;
const G1 = bls12_381.G1.Point;
const encoder = new TextEncoder();
const message = (text: string) => encoder.encode(text);
const committee = Array.from({ length: 5 }, (_, index) => blsKeygen(deriveSecret({ seed: 'bls-spec', label: 'sequencer-bls', index })));
const secretKeys = committee.map((key) => key.secretKey);
const publicKeys = committee.map((key) => key.publicKey);

/** First compressed encoding (0x80 flag, x = k in the last byte) that is on the curve but outside the subgroup. */
function offSubgroupPoint(length: 48 | 96, decode: (bytes: Uint8Array) => unknown): Uint8Array {
	for (let k = 1; k < 256; k++) {
		const bytes = new Uint8Array(length);
		bytes[0] = 0x80;
		bytes[length - 1] = k;
		try {
			decode(bytes);
		} catch (error) {
			if (String(error).includes('not in prime-order subgroup')) return bytes;
		}
	}
	throw new Error('no off-subgroup point found');
}

describe('known answers (bls-eth-wasm, ETH POP ciphersuite)', () => {
	expect(vectors.dst).toBe(BLS_SIG_DST);

	it.each(vectors.keys)('public key of $secretKey', ({ secretKey, publicKey }) => {
		expect(toHex(blsPublicKey(fromHex(secretKey)))).toBe(publicKey);
	});

	it.each(vectors.sign)('sign $message with $secretKey', ({ secretKey, message, signature }) => {
		expect(toHex(blsSign(fromHex(secretKey), fromHex(message)))).toBe(signature);
		expect(blsVerify(blsPublicKey(fromHex(secretKey)), fromHex(message), fromHex(signature))).toBe(true);
	});

	it.each(vectors.fastAggregateVerify)('fastAggregateVerify $message by $publicKeys.length keys → $valid', ({ publicKeys, message, signature, valid }) => {
		expect(blsFastAggregateVerify(publicKeys.map(fromHex), fromHex(message), fromHex(signature))).toBe(valid);
	});
});

describe('sign, aggregate, verify', () => {
	it.each([
		{ name: 'first signer', signer: 0, text: 'batch 1' },
		{ name: 'empty message', signer: 3, text: '' },
		{ name: 'long message', signer: 4, text: 'a longer signing root, not 32 bytes' }
	])('$name: blsSign equals noble with the ETH DST and verifies', ({ signer, text }) => {
		const signature = blsSign(secretKeys[signer], message(text));
		expect(signature).toHaveLength(96);
		expect(toHex(signature)).toBe(toHex(sigs.Signature.toBytes(sigs.sign(sigs.hash(message(text), BLS_SIG_DST), secretKeys[signer]))));
		expect(blsVerify(publicKeys[signer], message(text), signature)).toBe(true);
	});

	it('derives keys deterministically from the seed', () => {
		const again = blsKeygen(deriveSecret({ seed: 'bls-spec', label: 'sequencer-bls', index: 2 }));
		expect(toHex(again.secretKey)).toBe(toHex(secretKeys[2]));
		expect(toHex(again.publicKey)).toBe(toHex(publicKeys[2]));
		expect(toHex(blsPublicKey(again.secretKey))).toBe(toHex(again.publicKey));
		expect(new Set(publicKeys.map(toHex)).size).toBe(publicKeys.length);
	});

	it.each([
		{ name: "noble's default _NUL_ DST", dst: undefined },
		{ name: 'the POP DST', dst: BLS_POP_DST },
		{ name: 'a near miss of the DST', dst: BLS_SIG_DST.replace('POP', 'NUL') }
	])('rejects a signature hashed with $name', ({ dst }) => {
		const wrong = sigs.Signature.toBytes(sigs.sign(sigs.hash(message('batch 2'), dst), secretKeys[1]));
		expect(blsVerify(publicKeys[1], message('batch 2'), wrong)).toBe(false);
	});

	it.each([
		{ name: 'another message', signed: 'batch 3', checked: 'batch 4', key: 0 },
		{ name: 'another key', signed: 'batch 3', checked: 'batch 3', key: 1 }
	])('rejects a signature checked against $name', ({ signed, checked, key }) => {
		expect(blsVerify(publicKeys[key], message(checked), blsSign(secretKeys[0], message(signed)))).toBe(false);
	});

	it('a full aggregate verifies; one missing a signer does not', () => {
		const root = message('batch 5');
		const signatures = blsSignMany(secretKeys, root);
		const full = blsAggregate(signatures);
		expect(blsFastAggregateVerify(publicKeys, root, full)).toBe(true);
		expect(blsFastAggregateVerify([...publicKeys].reverse(), root, full)).toBe(true);
		const missingOne = blsAggregate(signatures.slice(1));
		expect(blsFastAggregateVerify(publicKeys, root, missingOne)).toBe(false);
		expect(blsFastAggregateVerify(publicKeys.slice(1), root, missingOne)).toBe(true);
		expect(blsFastAggregateVerify(publicKeys, message('batch 6'), full)).toBe(false);
	});

	it.each([1, 2, 5])('blsSignMany with %i keys equals blsSign byte for byte', (count) => {
		const root = message(`many ${count}`);
		const many = blsSignMany(secretKeys.slice(0, count), root).map(toHex);
		expect(many).toEqual(secretKeys.slice(0, count).map((secretKey) => toHex(blsSign(secretKey, root))));
	});

	it('aggregating one signature returns it unchanged', () => {
		const signature = blsSign(secretKeys[2], message('batch 7'));
		expect(toHex(blsAggregate([signature]))).toBe(toHex(signature));
	});

	it.each([
		{ name: 'an empty list', signatures: [] },
		{ name: 'a short signature', signatures: [new Uint8Array(95)] },
		{ name: 'a non-point', signatures: [Uint8Array.of(0x80, ...new Uint8Array(94), 1)] }
	])('blsAggregate throws on $name', ({ signatures }) => {
		expect(() => blsAggregate(signatures)).toThrow(/blsAggregate/);
	});
});

describe('counters and memo', () => {
	it('hashes a message once across calls and memoizes identical checks', () => {
		resetCryptoStats();
		const root = message('counted batch');
		const signatures = blsSignMany(secretKeys.slice(0, 3), root);
		blsSign(secretKeys[3], root);
		const aggregate = blsAggregate(signatures);
		expect(blsFastAggregateVerify(publicKeys.slice(0, 3), root, aggregate)).toBe(true);
		expect(blsFastAggregateVerify(publicKeys.slice(0, 3), root, aggregate)).toBe(true);
		expect({ ...cryptoStats }).toMatchObject({ hashToCurve: 1, blsSign: 4, blsAggregate: 1, blsAggregateVerify: 1, blsVerifyMemoHits: 1, blsVerify: 0 });
	});

	it('counts single verifies and PoP checks apart, and no pairing for undecodable bytes', () => {
		resetCryptoStats();
		const root = message('counted batch 2');
		expect(blsVerify(publicKeys[0], root, blsSign(secretKeys[0], root))).toBe(true);
		const newcomer = blsKeygen(deriveSecret({ seed: 'bls-spec', label: 'newcomer', index: 0 }));
		expect(blsPopVerify(newcomer.publicKey, blsPopProve(newcomer.secretKey))).toBe(true);
		expect(blsFastAggregateVerify(publicKeys, root, Uint8Array.of(0x80, ...new Uint8Array(95)))).toBe(false);
		expect(blsVerify(publicKeys[0], root, new Uint8Array(96))).toBe(false);
		expect({ ...cryptoStats }).toMatchObject({ blsVerify: 1, blsPopVerify: 1, blsAggregateVerify: 0, blsSign: 2, hashToCurve: 2, blsVerifyMemoHits: 0 });
	});
});

describe('proof of possession and the rogue-key attack', () => {
	const [victim, attacker] = committee;
	const rogue = G1.fromBytes(attacker.publicKey).subtract(G1.fromBytes(victim.publicKey)).toBytes();
	const root = message('batch the victim never signed');

	it('honest keys prove possession; proofs do not transfer between keys', () => {
		for (const key of committee) expect(blsPopVerify(key.publicKey, blsPopProve(key.secretKey))).toBe(true);
		expect(blsPopVerify(victim.publicKey, blsPopProve(attacker.secretKey))).toBe(false);
		expect(blsPopVerify(victim.publicKey, blsSign(victim.secretKey, victim.publicKey))).toBe(false);
	});

	it('without a PoP check the rogue key forges a two-signer aggregate', () => {
		expect(blsFastAggregateVerify([victim.publicKey, rogue], root, blsSign(attacker.secretKey, root))).toBe(true);
	});

	it.each([
		{ name: "the attacker's own PoP", proof: () => blsPopProve(attacker.secretKey) },
		{ name: 'the rogue key signed with the attacker key under the POP DST', proof: () => sigs.Signature.toBytes(sigs.sign(sigs.hash(rogue, BLS_POP_DST), attacker.secretKey)) },
		{ name: 'the rogue key signed under the signature DST', proof: () => blsSign(attacker.secretKey, rogue) },
		{ name: "the attacker's PoP minus the victim's", proof: () => sigs.Signature.toBytes(sigs.Signature.fromBytes(blsPopProve(attacker.secretKey)).subtract(sigs.Signature.fromBytes(blsPopProve(victim.secretKey)))) },
		{ name: "the victim's PoP", proof: () => blsPopProve(victim.secretKey) }
	])('the rogue key fails the PoP check with $name', ({ proof }) => {
		expect(blsPopVerify(rogue, proof())).toBe(false);
	});
});

describe('malformed input returns false without throwing', () => {
	const root = message('batch 8');
	const good = blsSign(secretKeys[0], root);
	const offG1 = offSubgroupPoint(48, (bytes) => G1.fromBytes(bytes));
	const offG2 = offSubgroupPoint(96, (bytes) => sigs.Signature.fromBytes(bytes));
	const infinityG1 = Uint8Array.of(0xc0, ...new Uint8Array(47));
	const infinityG2 = Uint8Array.of(0xc0, ...new Uint8Array(95));
	const notOnCurve = Uint8Array.of(0x80, ...new Uint8Array(46), 0);
	const junk = (value: unknown) => value as Uint8Array;

	it.each([
		{ name: 'no public keys', keys: [], signature: good },
		{ name: 'a short public key', keys: [publicKeys[0].subarray(1)], signature: good },
		{ name: 'an uncompressed-length key', keys: [new Uint8Array(96)], signature: good },
		{ name: 'the identity as key', keys: [infinityG1], signature: good },
		{ name: 'a key not on the curve', keys: [notOnCurve], signature: good },
		{ name: 'a key outside the subgroup', keys: [offG1], signature: good },
		{ name: 'keys summing to the identity', keys: [publicKeys[0], G1.fromBytes(publicKeys[0]).negate().toBytes()], signature: infinityG2 },
		{ name: 'a short signature', keys: [publicKeys[0]], signature: good.subarray(1) },
		{ name: 'the identity as signature', keys: [publicKeys[0]], signature: infinityG2 },
		{ name: 'a signature outside the subgroup', keys: [publicKeys[0]], signature: offG2 },
		{ name: 'a G1 point as signature', keys: [publicKeys[0]], signature: publicKeys[1] },
		{ name: 'a string as signature', keys: [publicKeys[0]], signature: junk(toHex(good)) },
		{ name: 'null keys', keys: junk(null) as unknown as Uint8Array[], signature: good },
		{ name: 'a string key', keys: [junk(toHex(publicKeys[0]))], signature: good }
	])('fastAggregateVerify with $name', ({ keys, signature }) => {
		expect(() => blsFastAggregateVerify(keys, root, signature)).not.toThrow();
		expect(blsFastAggregateVerify(keys, root, signature)).toBe(false);
	});

	it.each([
		{ name: 'a key outside the subgroup', key: offG1, proof: () => blsPopProve(secretKeys[0]) },
		{ name: 'the identity as key and proof', key: infinityG1, proof: () => infinityG2 },
		{ name: 'a truncated proof', key: publicKeys[0], proof: () => blsPopProve(secretKeys[0]).subarray(2) },
		{ name: 'a string proof', key: publicKeys[0], proof: () => junk('0x00') }
	])('blsPopVerify with $name', ({ key, proof }) => {
		expect(blsPopVerify(key, proof())).toBe(false);
	});

	it('blsVerify with junk message', () => {
		expect(blsVerify(publicKeys[0], junk(undefined), good)).toBe(false);
	});
});
