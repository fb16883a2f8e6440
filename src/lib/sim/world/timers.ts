/**
 * The timers several steps arm: the stall watch, the next traffic arrival, a user's patience and the
 * partial-batch deadline. Each only schedules a task; the step that answers the task decides.
 */
import type { WorldCore } from './core';
import { waitingSince } from './lookups';
import type { MempoolEntry, Task } from './types';

/** Schedules a task `delay` ms from now. */
export function later(w: WorldCore, delay: number, task: Task, key?: string): void {
	w.scheduler.schedule(w.data.now + delay, task, key);
}

/**
 * Re-arms the stall watch: if work waits (see `waitingSince`) and nothing has moved for
 * `respanDelayMs`, a re-span elects another proposer (Metis' ReSpanDelayTime); if none waits, it is off.
 */
export function scheduleRespanCheck(w: WorldCore): void {
	const since = waitingSince(w);
	if (since === null) w.scheduler.cancel('respan');
	else w.scheduler.schedule(since + w.data.params.respanDelayMs, { kind: 'respan.check' }, 'respan');
}

/** Schedules the next arrival of the Poisson process, if traffic runs and ends later. */
export function scheduleArrival(w: WorldCore): void {
	const { data } = w;
	if (!data.trafficOn || data.txPerSecond <= 0 || w.cast.users.length === 0) return;
	const at = data.now + w.rng.exponential(1000 / data.txPerSecond);
	if (at >= data.params.trafficUntilMs) return;
	w.scheduler.schedule(at, { kind: 'traffic.arrival' }, 'traffic');
}

/**
 * A parameter change to the traffic takes effect now: a new rate at once, a new start or end moved
 * (to now at the earliest), and an end moved past now reopens traffic that had already ended.
 */
export function retimeTraffic(w: WorldCore, changed: readonly string[]): void {
	const { data, scheduler } = w;
	const p = data.params;
	if (changed.includes('txPerSecond')) data.txPerSecond = p.txPerSecond;
	const waiting = scheduler.has('traffic.start');
	if (changed.includes('trafficFromMs') && waiting) scheduler.schedule(Math.max(data.now, p.trafficFromMs), { kind: 'traffic.start' }, 'traffic.start');
	if (changed.includes('trafficUntilMs')) {
		if (!data.trafficOn && !waiting && p.trafficUntilMs > data.now) scheduler.schedule(data.now, { kind: 'traffic.start' }, 'traffic.start');
		if (data.trafficOn || waiting || p.trafficUntilMs > data.now) scheduler.schedule(Math.max(data.now, p.trafficUntilMs), { kind: 'traffic.stop' }, 'traffic.stop');
	}
	if (data.trafficOn && (changed.includes('txPerSecond') || changed.includes('trafficUntilMs'))) {
		scheduler.cancel('traffic');
		scheduleArrival(w);
	}
}

/** Starts the user's patience timer for a transaction that reached the mempool. */
export function watchForCensorship(w: WorldCore, entry: MempoolEntry): void {
	later(w, w.data.params.censorshipPatienceMs, { kind: 'tx.patience', hash: entry.hash, user: entry.user });
}

/** Arms the partial-batch deadline at `at` (replacing any armed one). */
export function armBatchDeadline(w: WorldCore, at: number): void {
	w.scheduler.schedule(Math.max(at, w.data.now), { kind: 'batch.deadline' }, 'batch.deadline');
}
