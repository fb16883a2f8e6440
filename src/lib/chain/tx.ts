import { secp256k1 } from '@noble/curves/secp256k1.js';
import { parseTransaction, serializeTransaction, type Hex, type TransactionSerializableEIP1559 } from 'viem';
import { fromHex, keccak, keccakHex, rememberBounded, toHex } from './hex';
import { addressOfPublicKey } from './keys';
import { cryptoStats } from './stats';

/** Chain id of the simulated L2 (Metis Sepolia's). */
export const L2_CHAIN_ID = 59902;

/** What a user asks to sign: an EIP-1559 (type 2) transaction without access list. */
export interface TxRequest {
	/** Sender's transaction count before this one. */
	nonce: number;
	/** Recipient address, lowercase. */
	to: Hex;
	/** Amount sent, in wei. */
	value: bigint;
	/** Call data, '0x' for a plain transfer. */
	data: Hex;
	/** Gas limit. */
	gas: bigint;
	/** Most the sender pays per gas, base fee included. */
	maxFeePerGas: bigint;
	/** Tip per gas for the sequencer, capped by maxFeePerGas. */
	maxPriorityFeePerGas: bigint;
	/** Chain id; L2_CHAIN_ID when left out. */
	chainId?: number;
}

/** A signed type-2 transaction read back from its raw bytes. */
export interface DecodedTx {
	/** keccak256 of the raw bytes: the transaction hash. */
	hash: Hex;
	/** Chain id the signature commits to. */
	chainId: number;
	/** Sender's nonce. */
	nonce: number;
	/** Recipient, or null for contract creation. */
	to: Hex | null;
	/** Amount sent, in wei. */
	value: bigint;
	/** Call data ('0x' when empty). */
	data: Hex;
	/** Gas limit. */
	gas: bigint;
	/** Fee cap per gas. */
	maxFeePerGas: bigint;
	/** Tip cap per gas. */
	maxPriorityFeePerGas: bigint;
	/** Signature r, 32 bytes. */
	r: Hex;
	/** Signature s, 32 bytes. */
	s: Hex;
	/** Signature recovery bit, 0 or 1. */
	yParity: number;
}

const SECP_N = secp256k1.Point.Fn.ORDER;
const RAW_TX = /^0x02(?:[0-9a-f]{2})+$/;
const SENDER_MEMO_MAX = 100_000;
const senderMemo = new Map<string, Hex | null>();

function unsignedFields(request: TxRequest): TransactionSerializableEIP1559 {
	return {
		type: 'eip1559',
		chainId: request.chainId ?? L2_CHAIN_ID,
		nonce: request.nonce,
		to: request.to,
		value: request.value,
		data: request.data,
		gas: request.gas,
		maxFeePerGas: request.maxFeePerGas,
		maxPriorityFeePerGas: request.maxPriorityFeePerGas
	};
}

/** keccak256 of the unsigned type-2 serialization: the digest a sender signs. */
export function signingHash(request: TxRequest): Uint8Array {
	return keccak(fromHex(serializeTransaction(unsignedFields(request))));
}

/** Signs a type-2 transaction (RFC 6979, low s) and returns the raw bytes exactly as Ethereum encodes them. */
export function signTx(request: TxRequest, secretKey: Uint8Array): Hex {
	const fields = unsignedFields(request);
	const digest = keccak(fromHex(serializeTransaction(fields)));
	const signature = secp256k1.sign(digest, secretKey, { prehash: false, format: 'recovered' });
	cryptoStats.secpSign++;
	return serializeTransaction(fields, {
		yParity: signature[0],
		r: toHex(signature.subarray(1, 33)),
		s: toHex(signature.subarray(33, 65))
	});
}

/** Reads a signed type-2 transaction; null for anything malformed, unsigned, non-canonical or of another type. */
export function decodeTx(raw: Hex): DecodedTx | null {
	if (typeof raw !== 'string' || !RAW_TX.test(raw)) return null;
	try {
		const tx = parseTransaction(raw);
		if (tx.type !== 'eip1559' || tx.r === undefined || tx.s === undefined || tx.yParity === undefined) return null;
		const decoded: DecodedTx = {
			hash: keccakHex(fromHex(raw)),
			chainId: tx.chainId,
			nonce: tx.nonce ?? 0,
			to: tx.to ? (tx.to.toLowerCase() as Hex) : null,
			value: tx.value ?? 0n,
			data: tx.data ?? '0x',
			gas: tx.gas ?? 0n,
			maxFeePerGas: tx.maxFeePerGas ?? 0n,
			maxPriorityFeePerGas: tx.maxPriorityFeePerGas ?? 0n,
			r: tx.r,
			s: tx.s,
			yParity: tx.yParity
		};
		// One transaction, one encoding: reject leading zeros, v-style parity and other variants that would
		// give the same transaction a second hash. Access lists are rejected too: the lab never makes them.
		return serializeTransaction(toFields(decoded), { r: tx.r, s: tx.s, yParity: tx.yParity }) === raw ? decoded : null;
	} catch {
		return null;
	}
}

function toFields(tx: DecodedTx): TransactionSerializableEIP1559 {
	return {
		type: 'eip1559',
		chainId: tx.chainId,
		nonce: tx.nonce,
		to: tx.to ?? undefined,
		value: tx.value,
		data: tx.data,
		gas: tx.gas,
		maxFeePerGas: tx.maxFeePerGas,
		maxPriorityFeePerGas: tx.maxPriorityFeePerGas
	};
}

/** Sender of a signed type-2 transaction, or null if it is malformed or its signature invalid (memoized by raw string). */
export function recoverSender(raw: Hex): Hex | null {
	const known = senderMemo.get(raw);
	if (known !== undefined) {
		cryptoStats.secpRecoverMemoHits++;
		return known;
	}
	return rememberBounded(senderMemo, raw, recoverDecoded(decodeTx(raw)), SENDER_MEMO_MAX);
}

function recoverDecoded(tx: DecodedTx | null): Hex | null {
	if (tx === null) return null;
	const r = BigInt(tx.r);
	const s = BigInt(tx.s);
	// EIP-2: high-s signatures are malleable copies, invalid in Ethereum transactions.
	if (r === 0n || r >= SECP_N || s === 0n || s > SECP_N / 2n) return null;
	if (tx.yParity !== 0 && tx.yParity !== 1) return null;
	try {
		const digest = keccak(fromHex(serializeTransaction(toFields(tx))));
		cryptoStats.secpRecover++;
		const point = new secp256k1.Signature(r, s, tx.yParity).recoverPublicKey(digest);
		return addressOfPublicKey(point.toBytes(false));
	} catch {
		return null;
	}
}
