/** A whole message split around its number, so the stage can draw the number in its own style. */
const MARK = '\u0000';

/** The text before and after `{n}` in a message, e.g. ["", " sent"] for "{n} sent". */
export function aroundNumber(message: (inputs: { n: string }) => string): [string, string] {
	const [before = '', after = ''] = message({ n: MARK }).split(MARK);
	return [before, after];
}
