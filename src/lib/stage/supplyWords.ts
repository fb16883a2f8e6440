/** What L1 settled, set beside the honest chain's supply, in words for the supply panel. */
import type { AcceptedOnL1 } from '$lib/sim';
import { metisText } from '$lib/player/numberWords';

/** The supply panel's line about L1: quiet when L1 settled the honest chain, loud when it settled a fraud. */
export interface SettledLine {
	/** 'none' before anything settled, 'honest', or 'fraud' (L1 settled a root no honest run produced). */
	tone: 'none' | 'honest' | 'fraud';
	/** The line itself. */
	text: string;
	/** Why, in a second line (fraud only). */
	detail: string | null;
}

/** The line for what L1 settled last. */
export function settledLine(accepted: AcceptedOnL1): SettledLine {
	const { batch, honest } = accepted;
	const unbacked = BigInt(accepted.unbackedMetis);
	if (batch === null) return { tone: 'none', text: 'L1 has settled no batch yet', detail: null };
	if (honest && unbacked === 0n) return { tone: 'honest', text: `L1 settled the honest chain, up to batch ${batch}`, detail: null };
	const why = `batch ${batch} settled with a wrong root; the buckets above count the honest chain`;
	if (unbacked > 0n) return { tone: 'fraud', text: `L1 accepted +${metisText(unbacked)} that no transaction created`, detail: why };
	if (unbacked < 0n) return { tone: 'fraud', text: `L1 accepted a state missing ${metisText(-unbacked)} that no transaction spent`, detail: why };
	return { tone: 'fraud', text: 'L1 settled a state root that is not the honest chain’s', detail: why };
}
