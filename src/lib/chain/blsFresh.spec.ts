import { describe, expect, it } from 'vitest';
import { blsAggregate, blsFastAggregateVerify, blsKeygen, blsSign } from './bls';
import { blsFastAggregateVerifyFresh } from './blsFresh';
import { deriveSecret } from './keys';
import { cryptoStats, resetCryptoStats } from './stats';

const message = new TextEncoder().encode('batch 0 signing root');
const keys = Array.from({ length: 4 }, (_, index) => blsKeygen(deriveSecret({ seed: 'bls-fresh', label: 'sequencer-bls', index })));
const publicKeys = keys.map((k) => k.publicKey);
const aggregate = blsAggregate(keys.map((k) => blsSign(k.secretKey, message)));

describe('fresh fast-aggregate-verify', () => {
	it('accepts what the cached check accepts, without touching its counters or memo', () => {
		expect(blsFastAggregateVerify(publicKeys, message, aggregate)).toBe(true);
		resetCryptoStats();
		expect(blsFastAggregateVerifyFresh(publicKeys, message, aggregate)).toBe(true);
		expect(cryptoStats.blsVerifyMemoHits).toBe(0);
	});

	it.each([
		['another message', publicKeys, new TextEncoder().encode('batch 1 signing root'), aggregate],
		['a missing signer', publicKeys.slice(1), message, aggregate],
		['a flipped signature byte', publicKeys, message, Uint8Array.from(aggregate, (b, i) => (i === 95 ? b ^ 1 : b))],
		['no keys', [], message, aggregate],
		['a short key', [publicKeys[0].subarray(1)], message, aggregate],
		['a short signature', publicKeys, message, aggregate.subarray(1)],
		['the identity as a key', [Uint8Array.from({ length: 48 }, (_, i) => (i === 0 ? 0xc0 : 0))], message, aggregate]
	])('rejects %s', (_, keysIn, msg, sig) => {
		expect(blsFastAggregateVerifyFresh(keysIn as Uint8Array[], msg as Uint8Array, sig as Uint8Array)).toBe(false);
	});
});
