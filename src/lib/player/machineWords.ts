/** The state machines' own descriptions of their states (written in English in `src/lib/sim/actors`), in the page's language. */
import { m } from '$lib/paraglide/messages.js';

/** Each description the machines give, with its message. */
const DESCRIPTIONS: ReadonlyMap<string, () => string> = new Map([
	["Waiting for the administrator to check its proof of possession and whitelist it.", m.machine_seq_candidate],
	["In the pool but not proposing: re-executes each proposed batch and signs it if valid.", m.machine_seq_member],
	["Waiting for the proposer to gossip a batch header.", m.machine_seq_awaiting_header],
	["Re-executing the batch and checking its ordering and roots.", m.machine_seq_reviewing],
	["Elected for this epoch: orders the mempool first come first served, builds blocks and batches.", m.machine_seq_proposer],
	["Mempool empty: no empty blocks, so idle time costs nothing.", m.machine_seq_idle],
	["Building an L2 block every block time.", m.machine_seq_building],
	["Adding blocks to the next batch.", m.machine_seq_batching],
	["Header gossiped: collecting BLS signatures until quorum or timeout.", m.machine_seq_collecting],
	["Waiting for a posted batch that the sampling picks.", m.machine_val_watching],
	["Busy with a sampled batch: re-executing it from its previous state root (or, if lazy, only pretending to).", m.machine_val_checking],
	["Picking the next sampled batch, if any.", m.machine_val_next],
	["Gone offline mid-check: nothing is reported.", m.machine_val_gone_offline],
	["Not sending: traffic has not started or has ended.", m.machine_user_idle],
	["Signs and sends a transaction whenever the traffic generator picks this user.", m.machine_user_sending],
	["Runs the pool: whitelists candidates whose proof of possession checks out, funds rewards, sets parameters.", m.machine_admin_running],
	["Bisecting the per-transaction roots until one transaction separates an agreed root from a disputed one.", m.machine_dispute_txs],
	["Checking whether the interval is down to one transaction.", m.machine_dispute_narrowing_tx],
	["Defender's turn, its clock running: reveal its transaction root at the midpoint.", m.machine_dispute_reveal_tx],
	["Challenger's turn, its clock running: agree or disagree with the revealed transaction root.", m.machine_dispute_respond_tx],
	["Bisecting the step roots of the disputed transaction until one step remains.", m.machine_dispute_steps],
	["Checking whether the interval is down to one step.", m.machine_dispute_narrowing_step],
	["Defender's turn, its clock running: reveal its step root at the midpoint.", m.machine_dispute_reveal_step],
	["Challenger's turn, its clock running: agree or disagree with the revealed step root.", m.machine_dispute_respond_step],
	["Narrowed to one step from an agreed root to a disputed one: L1 executes it; no clock runs.", m.machine_dispute_one_step],
	["Fraud proven or the defender ran out of time: the batch is wrong and its signers are slashable.", m.machine_dispute_challenger_wins],
	["The claim stood at the one step, or the challenger ran out of time.", m.machine_dispute_defender_wins]
]);

/** A machine's description of a state or transition in the page's language; one the catalogue lacks as written. */
export function machineWords(description: string): string {
	return DESCRIPTIONS.get(description)?.() ?? description;
}

/** Whether the catalogue has this description. */
export const knowsMachineWords = (description: string): boolean => DESCRIPTIONS.has(description);
