import { encodeAbiParameters, keccak256, type Hex } from 'viem';
import { concatBytes, fromHex, keccak, keccakHex } from './hex';

/** What sequencers sign for a batch (DESIGN.md section 3); L1 checks the quorum signature over its signing root. */
export interface BatchHeader {
	/** L2 chain id (59902). */
	chainId: number;
	/** Position of the batch in the chain of batches, from 0. */
	batchIndex: number;
	/** State root before the batch's first transaction. */
	prevStateRoot: Hex;
	/** State root after the batch's last transaction. */
	stateRoot: Hex;
	/** `txRoot` of the batch's raw signed transactions, in order. */
	txRoot: Hex;
}

const HEADER_PARAMETERS = [
	{ name: 'chainId', type: 'uint256' },
	{ name: 'batchIndex', type: 'uint256' },
	{ name: 'prevStateRoot', type: 'bytes32' },
	{ name: 'stateRoot', type: 'bytes32' },
	{ name: 'txRoot', type: 'bytes32' }
] as const;

/** keccak256(concat(keccak256(rawTx_i))): commits to the transactions and their order; keccak256('') when empty. */
export function txRoot(txs: Hex[]): Hex {
	return keccakHex(concatBytes(...txs.map((raw) => keccak(fromHex(raw)))));
}

/** keccak256(abi.encode(uint256 chainId, uint256 batchIndex, bytes32 prevStateRoot, bytes32 stateRoot, bytes32 txRoot)). */
export function signingRoot(header: BatchHeader): Hex {
	const { chainId, batchIndex, prevStateRoot, stateRoot, txRoot: root } = header;
	for (const [name, value] of [['chainId', chainId], ['batchIndex', batchIndex]] as const) {
		if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`signingRoot: invalid ${name} ${value}`);
	}
	const encoded = encodeAbiParameters(HEADER_PARAMETERS, [
		BigInt(chainId),
		BigInt(batchIndex),
		lowerBytes32(prevStateRoot, 'prevStateRoot'),
		lowerBytes32(stateRoot, 'stateRoot'),
		lowerBytes32(root, 'txRoot')
	]);
	return keccak256(encoded);
}

// Checked here so a malformed header fails with an error naming the field, not viem's generic size mismatch.
function lowerBytes32(value: Hex, name: string): Hex {
	if (!/^0x[0-9a-fA-F]{64}$/.test(value)) throw new RangeError(`signingRoot: ${name} is not 32 bytes of hex`);
	return value.toLowerCase() as Hex;
}
