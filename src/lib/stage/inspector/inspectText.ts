/** Words for the inspectors: where a transaction is, what it calls, a batch's stage, one event as a line. */
import type { BatchDetail, BatchVerification, SimEvent, TxCall, TxPlace } from '$lib/sim';
import { formatClock, shortHex } from '$lib/sim/units';
import { BatchLedger, type BatchStage } from '$lib/player/batchLedger';
import { describe } from '$lib/player/narration';
import type { InspectTarget } from '$lib/player/protocol';

/** Where a transaction is, in one sentence. */
export function placeText(place: TxPlace): string {
	switch (place.kind) {
		case 'in-flight':
			return 'Signed and on its way to the sequencers (gossip).';
		case 'mempool': {
			const censored = place.censoredBy.length ? ` Skipped by ${place.censoredBy.join(', ')} (censorship).` : '';
			return `Waiting in the mempool since ${formatClock(place.arrivedAt)}: number ${place.position} of ${place.waiting} in arrival order.${censored}`;
		}
		case 'forced-queue':
			return `Enqueued on L1 for forced inclusion (queue position ${place.queueIndex})${place.overdue ? ', past its deadline' : ''}; not in an L2 block yet.${place.inMempool ? ' It also still waits in the mempool.' : ''}`;
		case 'block':
			return `In L2 block ${place.block}, built by ${place.proposer} at ${formatClock(place.blockTime)}; no batch holds it yet.`;
		case 'batch':
			return place.block === null
				? `Only in batch ${place.batch} (${statusWords(place.batchStatus)}): no L2 block holds it — the proposer put it into the header itself.`
				: `In L2 block ${place.block}, in batch ${place.batch} (${statusWords(place.batchStatus)}).`;
		case 'dropped':
			return `Dropped when a block was built: ${place.reason}.`;
	}
}

/** A batch status in words. */
export function statusWords(status: BatchDetail['status']): string {
	switch (status) {
		case 'signing':
			return 'collecting signatures';
		case 'no-quorum':
			return 'no quorum';
		case 'submitted':
			return 'signed, on its way to L1';
		case 'rejected':
			return 'rejected by L1';
		default:
			return status;
	}
}

/** The finality-stage icon a batch status shows. */
export function stageOfStatus(status: BatchDetail['status'], l1FinalAt: number | null): BatchStage {
	if (status === 'submitted') return 'signed';
	if (status === 'posted') return l1FinalAt !== null ? 'l1-final' : 'posted';
	return status;
}

/** What a transaction does, in one phrase. */
export function callText(call: TxCall): string {
	switch (call.kind) {
		case 'transfer':
			return `Transfer of ${call.amount.text} to ${call.toActor ?? shortHex(call.to)}`;
		case 'swap':
			return `Swap on the DEX: ${call.amountIn.text} in, at least ${call.minOut.text} out — swap(${call.metisIn}, ${call.amountIn.wei}, ${call.minOut.wei})`;
		case 'unknown':
			return call.to ? `A call to ${shortHex(call.to)} the lab does not know` : 'A contract creation';
	}
}

/** An empty ledger: describe() only uses it for a batch's active-set size, which an inspector's line can do without. */
const NO_LEDGER = new BatchLedger();

/** One event as a line: the narration's sentence where it has one, else its type and fields. */
export function eventText(e: SimEvent): string {
	const said = describe(e, NO_LEDGER);
	if (said) return said.text;
	const fields = Object.entries(e)
		.filter(([k, v]) => k !== 't' && k !== 'type' && v !== null && v !== undefined)
		.map(([k, v]) => `${k} ${(Array.isArray(v) ? v : [v]).map((x) => (typeof x === 'string' ? shortHex(x) : String(x))).join(', ')}`);
	return fields.length ? `${e.type}: ${fields.join(' · ')}` : e.type;
}

/** A heading for an inspect target. */
export function targetTitle(target: InspectTarget): string {
	switch (target.kind) {
		case 'tx':
			return `Transaction ${shortHex(target.hash)}`;
		case 'batch':
			return `Batch ${target.index}`;
		case 'actor':
			return target.id;
	}
}

/** What a re-verification found, said as done here: "Verified here in your browser: … (fast-aggregate-verify, 41 ms)." */
export function verificationText(result: BatchVerification, ms: number): string {
	const how = `fast-aggregate-verify, ${ms.toLocaleString('en-US')} ms`;
	const said = result.message.charAt(0).toLowerCase() + result.message.slice(1);
	if (result.ok) return `Verified here in your browser: ${said.replace(/\.$/, '')} (${how}).`;
	return `Checked here in your browser (${how}): ${said}`;
}
