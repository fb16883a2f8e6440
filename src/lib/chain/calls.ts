import { decodeFunctionData, encodeFunctionData, type Hex } from 'viem';

/** Address of the toy DEX pool: its account holds the METIS (`balance`) and USD (`usd`) reserves. */
export const DEX_ADDRESS: Hex = '0x00000000000000000000000000000000000d3c00';

/** Address where simulated gas fees go; it counts as the treasury in supply accounting. */
export const FEE_VAULT_ADDRESS: Hex = '0x000000000000000000000000000000000000fee0';

/** The DEX's whole ABI: one payable `swap`, so calldata is readable by any Ethereum tool. */
export const DEX_ABI = [
	{
		type: 'function',
		name: 'swap',
		stateMutability: 'payable',
		inputs: [
			{ name: 'metisIn', type: 'bool' },
			{ name: 'amountIn', type: 'uint256' },
			{ name: 'minOut', type: 'uint256' }
		],
		outputs: [{ name: 'amountOut', type: 'uint256' }]
	}
] as const;

/** Arguments of a swap: direction, exact input and the least output the sender accepts. */
export interface SwapArgs {
	/** true: METIS in (sent as the tx value), USD out; false: USD in, METIS out. */
	metisIn: boolean;
	/** Exact amount of the input token, in its smallest unit (18 decimals). */
	amountIn: bigint;
	/** Slippage guard: the swap reverts when it would pay out less than this. */
	minOut: bigint;
}

/** A decoded DEX call. */
export interface SwapCall extends SwapArgs {
	/** Which DEX function was called. */
	kind: 'swap';
}

/** Calldata for `swap(bool metisIn, uint256 amountIn, uint256 minOut)`. */
export function encodeSwap({ metisIn, amountIn, minOut }: SwapArgs): Hex {
	return encodeFunctionData({ abi: DEX_ABI, functionName: 'swap', args: [metisIn, amountIn, minOut] });
}

/** Decodes DEX calldata; null unless it is exactly the canonical encoding of a known call. */
export function decodeCall(data: Hex): SwapCall | null {
	const calldata = data.toLowerCase() as Hex;
	let args: readonly [boolean, bigint, bigint];
	try {
		({ args } = decodeFunctionData({ abi: DEX_ABI, data: calldata }));
	} catch {
		return null;
	}
	const [metisIn, amountIn, minOut] = args;
	// Reject trailing bytes and non-canonical words (e.g. a bool of 2) that a lenient decoder lets through.
	if (encodeSwap({ metisIn, amountIn, minOut }) !== calldata) return null;
	return { kind: 'swap', metisIn, amountIn, minOut };
}
