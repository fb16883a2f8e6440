/** The pool's status in words, as the snapshot's `pool` facts say it (for the pool's accessible name). */
import type { PoolView } from '$lib/sim';
import { formatClock } from '$lib/sim/units';

/** "Sequencers: 5 of 6 online, signing batch 3", "Sequencers: stalled: seq-0 has built nothing while work waits; a re-span is due at day 0, 00:04:00". */
export function poolSentence(pool: PoolView, proposer: string | null): string {
	const online = `${pool.online} of ${pool.active} online`;
	const batch = pool.dutyBatch ? `batch ${pool.dutyBatch.batch}${pool.dutyBatch.attempt > 1 ? `, attempt ${pool.dutyBatch.attempt}` : ''}` : 'the first batch';
	const respan = pool.respanAt === null ? '' : `; a re-span is due at ${formatClock(pool.respanAt)} if nothing moves`;
	switch (pool.status) {
		case 'empty':
			return 'Sequencers: nobody can propose';
		case 'no-quorum':
			return `Sequencers: only ${online}, too few to sign a batch under the quorum rule`;
		case 'stalled':
			return `Sequencers: ${online}, stalled: ${proposer ?? 'the proposer'} has built nothing while work waits${respan}`;
		case 'signing':
			return `Sequencers: ${online}, signing ${batch}`;
		case 'building':
			return `Sequencers: ${online}, ${proposer ?? 'the proposer'} building blocks`;
		case 'idle':
			return `Sequencers: ${online}, nothing to do`;
	}
}
