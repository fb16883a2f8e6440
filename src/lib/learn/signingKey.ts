/**
 * The key that signs progress files: made in this browser with viem's generatePrivateKey, kept in
 * storage under one key and reused for every export, so files from one browser share one address.
 * Storage is passed in (a fake one in tests); without it the key lasts only as long as the page.
 */
import { generatePrivateKey, privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import type { Hex } from 'viem';

/** The storage key the signing key is kept under. */
export const SIGNING_KEY = 'rollup-lab:signing-key';
/** What a saved signing-key file says it is. */
export const SIGNING_KEY_FORMAT = 'rollup-lab/signing-key';

/** The part of the Web Storage API the key needs. */
export type KeyStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** A signing key and whether it is kept in storage (false: it is lost when the page closes). */
export interface SigningKey {
	/** The private key, lowercase 0x hex. */
	privateKey: Hex;
	/** The account that signs with it. */
	account: PrivateKeyAccount;
	/** Whether storage holds it, so the next visit signs with the same key. */
	kept: boolean;
}

/** The key kept in `storage`, or null when there is none (or what is there is not a key). Never throws. */
export function readSigningKey(storage: KeyStorage | null): SigningKey | null {
	let text: string | null;
	try {
		text = storage?.getItem(SIGNING_KEY) ?? null;
	} catch {
		return null;
	}
	return text === null ? null : toKey(text.trim(), true);
}

/** The kept key, or a new one made and kept (text under the key that is not a key is replaced). */
export function signingKey({ storage, generate = generatePrivateKey }: { storage: KeyStorage | null; generate?: () => Hex }): SigningKey {
	const found = readSigningKey(storage);
	if (found) return found;
	const privateKey = generate().toLowerCase() as Hex;
	let kept: boolean;
	try {
		storage?.setItem(SIGNING_KEY, privateKey);
		kept = storage !== null && storage.getItem(SIGNING_KEY) === privateKey;
	} catch {
		kept = false;
	}
	const key = toKey(privateKey, kept);
	if (!key) throw new Error('generate() did not give a secp256k1 private key');
	return key;
}

/** The key as a file the learner may save: JSON with the address and the private key. */
export function signingKeyFileText(key: SigningKey): string {
	return `${JSON.stringify({ format: SIGNING_KEY_FORMAT, version: 1, address: key.account.address.toLowerCase(), privateKey: key.privateKey }, null, 2)}\n`;
}

function toKey(text: string, kept: boolean): SigningKey | null {
	if (!/^0x[0-9a-fA-F]{64}$/.test(text)) return null;
	const privateKey = text.toLowerCase() as Hex;
	try {
		return { privateKey, account: privateKeyToAccount(privateKey), kept };
	} catch {
		// Zero or at least the curve order: not a key.
		return null;
	}
}
