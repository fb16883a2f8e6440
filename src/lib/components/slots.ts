/** Splits a catalogue message around its placeholders, so markup (a link, a key cap) goes wherever the translation puts it. */

/** A run of the message's text, or the place of one of its placeholders. */
export type Piece<K extends string> = { text: string } | { slot: K };

/** The message `message` in pieces: its text, and a `{ slot }` where each of `names` stands. */
export function slots<K extends string>(message: (inputs: Record<K, string>) => string, names: readonly K[]): Piece<K>[] {
	// Private-use characters mark the placeholders: no message text holds them.
	const marks = Object.fromEntries(names.map((name, i) => [name, `\ue000${i}\ue001`])) as Record<K, string>;
	return message(marks)
		.split(/\ue000(\d+)\ue001/)
		.map((part, i): Piece<K> => (i % 2 ? { slot: names[Number(part)] } : { text: part }))
		.filter((piece) => 'slot' in piece || piece.text !== '');
}
