/** A sequencer's BLS signature over a header's signing root, with the key derived at genesis. */
import type { Hex } from 'viem';
import { blsSign } from '../../chain/bls';
import { fromHex, toHex } from '../../chain/hex';
import type { WorldCore } from './core';

/** Signs `root` with the sequencer's BLS key (Ethereum's POP ciphersuite). */
export function signHeader(w: WorldCore, sequencer: string, root: Hex): Hex {
	const identity = w.cast.sequencerById.get(sequencer)!;
	return toHex(blsSign(identity.blsSecretKey, fromHex(root)));
}
