/** The worker's side of the inspectors: look a target up in the world, and time a fresh signature check. */
import { inspectActor, inspectBatch, inspectTx, verifyBatch, type BatchVerification, type World } from '$lib/sim';
import type { InspectDetail, InspectTarget } from '../protocol';

/** The detail of one inspect target now (null if the world has no such thing at this time), or why it could not be read. */
export function inspectTarget(world: World, target: InspectTarget): { detail: InspectDetail; error?: string } {
	try {
		return { detail: lookUp(world, target) };
	} catch (err) {
		return { detail: null, error: err instanceof Error ? err.message : String(err) };
	}
}

function lookUp(world: World, target: InspectTarget): InspectDetail {
	switch (target.kind) {
		case 'tx':
			return inspectTx(world, target.hash);
		case 'batch':
			return inspectBatch(world, target.index);
		case 'actor':
			return inspectActor(world, target.id);
	}
}

/** Re-verifies a batch's aggregate signature, measuring the wall time it takes here. */
export function timedVerify(world: World, batch: number, wall: () => number): { result: BatchVerification; ms: number } {
	const start = wall();
	const result = verifyBatch(world, batch);
	return { result, ms: Math.max(0, Math.round(wall() - start)) };
}
