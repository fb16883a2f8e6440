/** Outcome of a contract call: a value, or the reason a real contract would have reverted. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** A successful call carrying `value`. */
export function ok<T>(value: T): { ok: true; value: T } {
	return { ok: true, value };
}

/** A successful call with nothing to return. */
export function done(): { ok: true; value: void } {
	return { ok: true, value: undefined };
}

/** A refused call; `error` names the rule that refused it. */
export function refuse(error: string): { ok: false; error: string } {
	return { ok: false, error };
}
