/** Counted nouns and lists in the messages catalogue's words: "1 transaction", "1,234 transactions", "a, b and c". */
import { m } from '$lib/paraglide/messages.js';

type Counted = (inputs: { count: string }) => string;

const NOUNS = {
	transaction: [m.count_transaction_one, m.count_transaction_other],
	batch: [m.count_batch_one, m.count_batch_other],
	sequencer: [m.count_sequencer_one, m.count_sequencer_other]
} satisfies Record<string, [Counted, Counted]>;

/** `n` of a noun, in the catalogue's words, with the number grouped for reading. */
export function counted(n: number, noun: keyof typeof NOUNS): string {
	const [one, other] = NOUNS[noun];
	return (n === 1 ? one : other)({ count: n.toLocaleString('en-US') });
}

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
	if (items.length <= 1) return items[0] ?? '';
	return m.say_list({ list: items.slice(0, -1).join(m.say_list_join()), last: items[items.length - 1] });
}
