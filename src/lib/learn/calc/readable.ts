/** Calculator results as a learner reads them: any fixed-point amount rounded the way METIS amounts are (see `metisAmount`). */
import { metisAmount } from '$lib/player/numberWords';
import { plainDecimal } from './fields';

/** A scaled amount rounded for reading: no decimals from 1,000, two from 1, else three significant figures ("0.000131"). */
export function readable(value: bigint, decimals: number): string {
	const wei = value * 10n ** BigInt(18 - decimals);
	// metisAmount reads from 100 wei up; anything smaller is written out exactly.
	return wei > -100n && wei < 100n ? plainDecimal(value, decimals) : metisAmount(wei);
}
