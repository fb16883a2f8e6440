/** Counts of real crypto operations (memo hits counted apart), so a benchmark can re-time as many raw ops. */
export const cryptoStats = {
	/** BLS hash-to-curve (G2) computations, cache misses only. */
	hashToCurve: 0,
	/** BLS scalar multiplications producing a signature (including proofs of possession). */
	blsSign: 0,
	/** BLS signature aggregations (one per call, whatever the number of signatures). */
	blsAggregate: 0,
	/** BLS fast-aggregate-verify pairing checks actually run. */
	blsAggregateVerify: 0,
	/** BLS proof-of-possession pairing checks actually run. */
	blsPopVerify: 0,
	/** Single-key BLS verify pairing checks actually run. */
	blsVerify: 0,
	/** secp256k1 ECDSA signatures made. */
	secpSign: 0,
	/** secp256k1 public-key recoveries actually run. */
	secpRecover: 0,
	/** secp256k1 recoveries answered from the memo. */
	secpRecoverMemoHits: 0,
	/** BLS verifications (any kind) answered from the memo. */
	blsVerifyMemoHits: 0
};

/** Name of one crypto counter. */
export type CryptoStat = keyof typeof cryptoStats;

/** Sets every crypto counter back to zero. */
export function resetCryptoStats(): void {
	for (const key of Object.keys(cryptoStats) as CryptoStat[]) cryptoStats[key] = 0;
}
