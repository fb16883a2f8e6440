/** Words for the inspectors: where a transaction is, what it calls, a batch's stage, one event as a line. */
import type { BatchDetail, BatchVerification, SimEvent, TxCall, TxPlace } from '$lib/sim';
import { shortHex } from '$lib/sim/units';
import { clockText } from '$lib/player/clockWords';
import { BatchLedger, type BatchStage } from '$lib/player/batchLedger';
import { describe } from '$lib/player/narration';
import type { InspectTarget } from '$lib/player/protocol';
import { m } from '$lib/paraglide/messages.js';
import { reasonText } from '$lib/player/reasonText';

/** Where a transaction is, in one sentence. */
export function placeText(place: TxPlace): string {
	switch (place.kind) {
		case 'in-flight':
			return m.draw_place_in_flight();
		case 'mempool': {
			const waiting = m.draw_place_mempool({ since: clockText(place.arrivedAt), position: place.position, waiting: place.waiting });
			return place.censoredBy.length ? `${waiting} ${m.draw_place_censored({ censors: place.censoredBy.join(', ') })}` : waiting;
		}
		case 'forced-queue':
		{
			const queued = place.overdue ? m.draw_place_forced_overdue({ position: place.queueIndex }) : m.draw_place_forced({ position: place.queueIndex });
			return place.inMempool ? `${queued} ${m.draw_place_also_mempool()}` : queued;
		}
		case 'block':
			return m.draw_place_block({ block: place.block, proposer: place.proposer, at: clockText(place.blockTime) });
		case 'batch':
			return place.block === null
				? m.draw_place_header_only({ batch: place.batch, status: statusWords(place.batchStatus) })
				: m.draw_place_batch({ block: place.block, batch: place.batch, status: statusWords(place.batchStatus) });
		case 'dropped':
			return m.draw_place_dropped({ reason: reasonText(place.reason) });
	}
}

/** Each batch status in words. */
const STATUS_WORDS: Record<string, () => string> = {
	signing: m.draw_status_signing,
	'no-quorum': m.draw_status_no_quorum,
	submitted: m.draw_status_submitted,
	rejected: m.draw_status_rejected,
	posted: m.draw_status_posted,
	settled: m.draw_status_settled,
	reverted: m.draw_status_reverted
};

/** A batch status in words (one the catalogue lacks as it is). */
export function statusWords(status: BatchDetail['status']): string {
	return Object.hasOwn(STATUS_WORDS, status) ? STATUS_WORDS[status]() : status;
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
			return m.draw_call_transfer({ amount: call.amount.text, to: call.toActor ?? shortHex(call.to) });
		case 'swap':
			return m.draw_call_swap({ in: call.amountIn.text, out: call.minOut.text, metisIn: String(call.metisIn), inWei: call.amountIn.wei, outWei: call.minOut.wei });
		case 'unknown':
			return call.to ? m.draw_call_unknown({ to: shortHex(call.to) }) : m.draw_call_create();
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
			return m.draw_inspect_tx_title({ hash: shortHex(target.hash) });
		case 'batch':
			return m.draw_batch_title({ n: target.index });
		case 'actor':
			return target.id;
	}
}

/** What a re-verification found, said as done here: "Verified here in your browser: … (fast-aggregate-verify, 41 ms)." */
export function verificationText(result: BatchVerification, ms: number): string {
	const how = m.draw_verify_how({ ms: ms.toLocaleString('en-US') });
	const said = result.message.charAt(0).toLowerCase() + result.message.slice(1);
	if (result.ok) return m.draw_verify_ok({ said: said.replace(/\.$/, ''), how });
	return m.draw_verify_failed({ said, how });
}
