import { bls12_381 } from '@noble/curves/bls12-381.js';
import { concatBytes, fromHex, keccak, keccakHex, rememberBounded, toHex } from './hex';
import { cryptoStats } from './stats';

/** Ethereum's hash-to-curve DST for signatures (proof-of-possession scheme), not noble's `_NUL_` default. */
export const BLS_SIG_DST = 'BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_';
/** Ethereum's hash-to-curve DST for proofs of possession, signed over the 48-byte public key. */
export const BLS_POP_DST = 'BLS_POP_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_';

const sigs = bls12_381.longSignatures;
type G1Point = ReturnType<typeof sigs.getPublicKey>;
type G2Point = ReturnType<typeof sigs.hash>;

/** Byte lengths: secret key, compressed G1 public key, compressed G2 signature. */
export const BLS_LENGTHS = { secretKey: 32, publicKey: 48, signature: 96 } as const;

// Window for the shared table of a hashed message in blsSignMany: 520 G2 points (~100 KB), built in
// about two plain signatures' time, make each signer's scalar multiplication ~6x cheaper. Measured
// for 21 signers: W=3 and W=5 both total more than W=4.
const SIGN_MANY_WINDOW = 4;
const SIGN_MANY_MIN_SIGNERS = 3;
const HASH_CACHE_MAX = 64;
const POINT_CACHE_MAX = 4096;
const VERIFY_MEMO_MAX = 4096;

const sigHashes = new Map<string, G2Point>();
const popHashes = new Map<string, G2Point>();
const withTable = new WeakSet<G2Point>();
/** Builds the shared window table of a hashed message once, when enough signers will use it. */
function tableFor(hashed: G2Point, signers: number): G2Point {
	if (!withTable.has(hashed) && signers >= SIGN_MANY_MIN_SIGNERS) {
		hashed.precompute(SIGN_MANY_WINDOW, false);
		withTable.add(hashed);
	}
	return hashed;
}
const publicKeyPoints = new Map<string, G1Point | null>();
const signaturePoints = new Map<string, G2Point | null>();
const verifyMemo = new Map<string, boolean>();

/** Hashes a message to G2 under `dst`, once per message while it stays among the last 64 (LRU). */
function hashToG2(message: Uint8Array, dst: typeof BLS_SIG_DST | typeof BLS_POP_DST): G2Point {
	const cache = dst === BLS_SIG_DST ? sigHashes : popHashes;
	const key = toHex(message);
	const known = cache.get(key);
	if (known !== undefined) {
		cache.delete(key);
		cache.set(key, known);
		return known;
	}
	cryptoStats.hashToCurve++;
	return rememberBounded(cache, key, sigs.hash(message, dst), HASH_CACHE_MAX);
}

/** Decodes a public key once (subgroup check ~1.2 ms); null if malformed, off-subgroup or infinity. */
function publicKeyPoint(publicKey: Uint8Array): G1Point | null {
	if (!(publicKey instanceof Uint8Array) || publicKey.length !== BLS_LENGTHS.publicKey) return null;
	const key = toHex(publicKey);
	const known = publicKeyPoints.get(key);
	if (known !== undefined) return known;
	let point: G1Point | null;
	try {
		point = bls12_381.G1.Point.fromBytes(publicKey);
		// KeyValidate: the identity is a valid encoding but never a valid key.
		if (point.is0()) point = null;
	} catch {
		point = null;
	}
	return rememberBounded(publicKeyPoints, key, point, POINT_CACHE_MAX);
}

/** Decodes a signature once (subgroup check ~2.5 ms); null if malformed or off-subgroup. */
function signaturePoint(signature: Uint8Array): G2Point | null {
	if (!(signature instanceof Uint8Array) || signature.length !== BLS_LENGTHS.signature) return null;
	const key = toHex(signature);
	const known = signaturePoints.get(key);
	if (known !== undefined) return known;
	let point: G2Point | null;
	try {
		point = sigs.Signature.fromBytes(signature);
	} catch {
		point = null;
	}
	return rememberBounded(signaturePoints, key, point, POINT_CACHE_MAX);
}

const FP_ORDER = bls12_381.fields.Fp.ORDER;

function writeFp(out: Uint8Array, offset: number, value: bigint): void {
	out.set(fromHex(value.toString(16).padStart(96, '0')), offset);
}

/**
 * Compressed ZCash encoding of a G2 point we computed ourselves (a multiple of a subgroup point).
 * Same bytes as noble's Signature.toBytes, minus its subgroup re-check (~2.6 ms a signature).
 */
function encodeG2(point: G2Point): Uint8Array {
	const out = new Uint8Array(BLS_LENGTHS.signature);
	if (point.is0()) {
		out[0] = 0xc0;
		return out;
	}
	const { x, y } = point.toAffine();
	writeFp(out, 0, x.c1);
	writeFp(out, 48, x.c0);
	// Sort flag: y is the lexicographically larger root, comparing c1 first, then c0 if c1 = 0.
	const sortPart = y.c1 !== 0n ? y.c1 : y.c0;
	out[0] |= 0x80 | ((sortPart * 2n) / FP_ORDER !== 0n ? 0x20 : 0);
	return out;
}

/** Encodes a signature we computed and remembers its point, so verifying or aggregating it skips decoding. */
function encodeSignature(point: G2Point): Uint8Array {
	const bytes = encodeG2(point);
	rememberBounded(signaturePoints, toHex(bytes), point, POINT_CACHE_MAX);
	return bytes;
}

/** Key pair from a 32-byte seed (deriveSecret): expanded to noble's 48 bytes as seed ‖ keccak(seed). */
export function blsKeygen(seed: Uint8Array): { secretKey: Uint8Array; publicKey: Uint8Array } {
	if (seed.length < 16) throw new Error(`blsKeygen: seed too short (${seed.length} bytes)`);
	const ikm = seed.length >= 48 ? seed : concatBytes(seed, keccak(seed)).subarray(0, 48);
	const { secretKey, publicKey } = sigs.keygen(ikm);
	return { secretKey, publicKey: publicKey.toBytes() };
}

/** Compressed 48-byte G1 public key of a secret key. */
export function blsPublicKey(secretKey: Uint8Array): Uint8Array {
	return sigs.getPublicKey(secretKey).toBytes();
}

/** Compressed 96-byte G2 signature of `message` under BLS_SIG_DST. */
export function blsSign(secretKey: Uint8Array, message: Uint8Array): Uint8Array {
	// In the pool every header is signed by every honest member, one after another: they share one
	// window table of the hashed header (built at the first signature, kept with the hash cache).
	const hashed = tableFor(hashToG2(message, BLS_SIG_DST), SIGN_MANY_MIN_SIGNERS);
	cryptoStats.blsSign++;
	return encodeSignature(sigs.sign(hashed, secretKey));
}

/** Many keys sign one message: one hash-to-curve and one shared window table; bytes equal blsSign's. */
export function blsSignMany(secretKeys: Uint8Array[], message: Uint8Array): Uint8Array[] {
	const hashed = tableFor(hashToG2(message, BLS_SIG_DST), secretKeys.length);
	return secretKeys.map((secretKey) => {
		cryptoStats.blsSign++;
		return encodeSignature(sigs.sign(hashed, secretKey));
	});
}

/** Sum of signatures as one 96-byte signature; throws on an empty list or a malformed signature. */
export function blsAggregate(signatures: Uint8Array[]): Uint8Array {
	if (signatures.length === 0) throw new Error('blsAggregate: no signatures');
	const points = signatures.map((signature, i) => {
		const point = signaturePoint(signature);
		if (point === null) throw new Error(`blsAggregate: signature ${i} is malformed`);
		return point;
	});
	cryptoStats.blsAggregate++;
	return encodeSignature(sigs.aggregateSignatures(points));
}

/** Pairing check e(pk, H(m)) = e(G, sig), counted under `counter`; false on any bad input, never a pairing with the identity. */
function pairingCheck(counter: 'blsVerify' | 'blsAggregateVerify' | 'blsPopVerify', publicKey: G1Point, hashed: () => G2Point, signature: Uint8Array): boolean {
	const point = signaturePoint(signature);
	if (point === null || publicKey.is0()) return false;
	try {
		const message = hashed();
		cryptoStats[counter]++;
		return sigs.verify(point, message, publicKey);
	} catch {
		return false;
	}
}

/** Looks up an identical earlier check; identical checks of identical bytes may be memoized, the first is real. */
function memoized(key: string, check: () => boolean): boolean {
	const known = verifyMemo.get(key);
	if (known !== undefined) {
		cryptoStats.blsVerifyMemoHits++;
		return known;
	}
	return rememberBounded(verifyMemo, key, check(), VERIFY_MEMO_MAX);
}

function isBytes(value: unknown, length?: number): value is Uint8Array {
	return value instanceof Uint8Array && (length === undefined || value.length === length);
}

/** Verifies one signature of `message` by one public key; false (never throws) on malformed input. */
export function blsVerify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
	return verifyOneMessage([publicKey], message, signature, 'blsVerify');
}

/** Verifies an aggregate signature of one message by all `publicKeys`; false (never throws) on bad input. */
export function blsFastAggregateVerify(publicKeys: Uint8Array[], message: Uint8Array, signature: Uint8Array): boolean {
	return verifyOneMessage(publicKeys, message, signature, 'blsAggregateVerify');
}

/** Shared body of blsVerify and blsFastAggregateVerify: they differ only in which counter they bump. */
function verifyOneMessage(publicKeys: Uint8Array[], message: Uint8Array, signature: Uint8Array, counter: 'blsVerify' | 'blsAggregateVerify'): boolean {
	if (!Array.isArray(publicKeys) || publicKeys.length === 0 || !isBytes(message)) return false;
	if (!publicKeys.every((key) => isBytes(key, BLS_LENGTHS.publicKey)) || !isBytes(signature, BLS_LENGTHS.signature)) return false;
	// Fixed-length keys and signature, then the message: the byte string names exactly one check.
	// Hashed because a 21-key check would otherwise be a 2 KB map key.
	const count = Uint8Array.of(publicKeys.length >>> 24, publicKeys.length >>> 16, publicKeys.length >>> 8, publicKeys.length);
	const key = keccakHex(concatBytes(count, ...publicKeys, signature, message));
	return memoized(key, () => {
		try {
			const points = publicKeys.map(publicKeyPoint);
			if (points.some((point) => point === null)) return false;
			const aggregate = sigs.aggregatePublicKeys(points as G1Point[]);
			return pairingCheck(counter, aggregate, () => hashToG2(message, BLS_SIG_DST), signature);
		} catch {
			return false;
		}
	});
}

/** Proof of possession: the key signs its own 48-byte public key under BLS_POP_DST. */
export function blsPopProve(secretKey: Uint8Array): Uint8Array {
	const hashed = hashToG2(blsPublicKey(secretKey), BLS_POP_DST);
	cryptoStats.blsSign++;
	return encodeSignature(sigs.sign(hashed, secretKey));
}

/** Checks a proof of possession; false (never throws) on a malformed key or proof. */
export function blsPopVerify(publicKey: Uint8Array, proof: Uint8Array): boolean {
	if (!isBytes(publicKey, BLS_LENGTHS.publicKey) || !isBytes(proof, BLS_LENGTHS.signature)) return false;
	return memoized(`pop|${toHex(publicKey)}${toHex(proof).slice(2)}`, () => {
		try {
			const point = publicKeyPoint(publicKey);
			if (point === null) return false;
			return pairingCheck('blsPopVerify', point, () => hashToG2(publicKey, BLS_POP_DST), proof);
		} catch {
			return false;
		}
	});
}
