/** The pool's status in words, as the snapshot's `pool` facts say it (for the pool's accessible name). */
import { m } from '$lib/paraglide/messages.js';
import type { PoolView } from '$lib/sim';
import { clockText } from '$lib/player/clockWords';

/** "Sequencers: 5 of 6 online, signing batch 3", "Sequencers: stalled: seq-0 has built nothing while work waits; a re-span is due at day 0, 00:04:00". */
export function poolSentence(pool: PoolView, proposer: string | null): string {
	const online = { online: pool.online, active: pool.active };
	const duty = pool.dutyBatch;
	const batch = duty ? (duty.attempt > 1 ? m.say_batch_attempt({ batch: duty.batch, attempt: duty.attempt }) : m.say_batch({ batch: duty.batch })) : m.say_pool_first_batch();
	const who = proposer ?? m.say_pool_the_proposer();
	switch (pool.status) {
		case 'empty':
			return m.say_pool_status_empty();
		case 'no-quorum':
			return m.say_pool_status_no_quorum(online);
		case 'stalled':
			if (pool.respanAt === null) return m.say_pool_status_stalled({ ...online, proposer: who });
			return m.say_pool_status_stalled_respan({ ...online, proposer: who, time: clockText(pool.respanAt) });
		case 'signing':
			return m.say_pool_status_signing({ ...online, batch });
		case 'building':
			return m.say_pool_status_building({ ...online, proposer: who });
		case 'idle':
			return m.say_pool_status_idle(online);
	}
}
