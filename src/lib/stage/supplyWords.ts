/** What L1 settled, set beside the honest chain's supply, in words for the supply panel. */
import type { AcceptedOnL1 } from '$lib/sim';
import { metisText } from '$lib/player/numberWords';
import { m } from '$lib/paraglide/messages.js';

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
	if (batch === null) return { tone: 'none', text: m.draw_supply_settled_none(), detail: null };
	if (honest && unbacked === 0n) return { tone: 'honest', text: m.draw_supply_settled_honest({ batch }), detail: null };
	const why = m.draw_supply_settled_why({ batch });
	if (unbacked > 0n) return { tone: 'fraud', text: m.draw_supply_settled_created({ amount: metisText(unbacked) }), detail: why };
	if (unbacked < 0n) return { tone: 'fraud', text: m.draw_supply_settled_missing({ amount: metisText(-unbacked) }), detail: why };
	return { tone: 'fraud', text: m.draw_supply_settled_fraud(), detail: why };
}
