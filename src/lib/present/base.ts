/** The base URL the talk's QR code points at: `?base=` in the link, else what the speaker last set, else this site. */
import { readBase } from './qr';

const KEY = 'rollup-lab:present-base';

/** The base in force. */
export function loadBase(storage: Storage | null, query: string | null, origin: string): string {
	const fromQuery = query ? readBase(query) : null;
	if (fromQuery) return fromQuery;
	try {
		const kept = storage?.getItem(KEY);
		const read = kept ? readBase(kept) : null;
		if (read) return read;
	} catch {
		// Storage refused: this site.
	}
	return origin;
}

/** Keeps the base the speaker set for the next talk (nothing when storage is refused). */
export function saveBase(storage: Storage | null, base: string): void {
	try {
		storage?.setItem(KEY, base);
	} catch {
		// Kept for this talk only.
	}
}
