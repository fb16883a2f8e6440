/** Pure helpers of the timeline scrubber: where a mark sits and which shape it has. */

/** A mark's shape class: one per kind of key moment, so shape (not only colour) tells them apart. */
export type MomentShape = 'fault' | 'dispute' | 'slash' | 'pool' | 'settled' | 'forced';

const SHAPES: Record<string, MomentShape> = {
	'behaviour.changed': 'fault',
	'fault.injected': 'fault',
	'mev.sandwich': 'fault',
	'validator.mismatch': 'dispute',
	'challenge.opened': 'dispute',
	'dispute.resolved': 'dispute',
	'proof.missing': 'dispute',
	'proof.fraud-proof-verified': 'dispute',
	'evidence.sent': 'dispute',
	slash: 'slash',
	'batch.reverted': 'slash',
	'sequencer.ejected': 'slash',
	'sequencer.force-unlocked': 'slash',
	'batch.no-quorum': 'pool',
	'batch.rejected': 'pool',
	'epoch.respan': 'pool',
	'proposer.stalled': 'pool',
	'pool.empty': 'pool',
	'finality.settled': 'settled',
	'finality.signed': 'settled',
	'finality.posted': 'settled',
	'finality.l1-final': 'settled',
	'proof.verified': 'settled',
	'rewards.paid': 'settled',
	'tx.censored': 'forced',
	'forced.overdue': 'forced',
	'dispute.one-step': 'dispute',
	'mev.reported': 'dispute',
	'validator.attested': 'dispute',
	'rewards.forfeited': 'slash',
	'l2.reorg': 'slash',
	'params.changed': 'fault',
	'forced.enqueued': 'forced',
	'forced.included': 'forced'
};

/** The shape of a key moment's mark. */
export function momentShape(type: string): MomentShape {
	return SHAPES[type] ?? 'pool';
}

/** Where a moment at `t` sits on a timeline ending at `end`, in percent (0–100). */
export function momentPercent(t: number, end: number): number {
	if (!(end > 0)) return 0;
	return Math.min(100, Math.max(0, (t / end) * 100));
}
