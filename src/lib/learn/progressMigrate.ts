/**
 * Bringing a progress record of an older version up to today's: a table of steps, each taking the
 * record of version n to version n + 1, run in order. The result is validated afterwards by the
 * caller, so a step only has to reshape, never to check.
 */

/** One step of the chain: a record of version n in, the same progress as version n + 1 out. */
export type Migration = (old: unknown) => unknown;

/** The steps by the version they start from. Empty today: version 1 is the first version. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** What running the chain gave: the record at version `to`, or why not, in words. */
export type MigrationResult = { ok: true; record: unknown } | { ok: false; detail: string };

/** Runs the steps from version `from` up to `to`; a missing step or one that throws ends it. */
export function migrate(record: unknown, from: number, to: number, migrations: Readonly<Record<number, Migration>>): MigrationResult {
	let at = record;
	for (let version = from; version < to; version++) {
		const step = Object.hasOwn(migrations, version) ? migrations[version] : undefined;
		if (!step) return { ok: false, detail: `version: no way to read version ${version} (no migration from it)` };
		try {
			at = step(at);
		} catch (err) {
			return { ok: false, detail: `version: migrating version ${version} failed (${err instanceof Error ? err.message : String(err)})` };
		}
	}
	return { ok: true, record: at };
}
