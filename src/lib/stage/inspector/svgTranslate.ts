/** Moving an SVG path drawn in a box's own coordinates to where the box sits. */

/** Moves an SVG path made of absolute commands (M, L, C, H, V) by (dx, dy). */
export function translatePath(d: string, dx: number, dy: number): string {
	let cmd = '';
	let index = 0;
	return d.replace(/([MLCHVZ])|(-?\d*\.?\d+(?:e-?\d+)?)/gi, (token, letter: string | undefined) => {
		if (letter) {
			cmd = letter.toUpperCase();
			index = 0;
			return letter;
		}
		const n = Number(token);
		const i = index++;
		if (cmd === 'H') return String(round(n + dx));
		if (cmd === 'V') return String(round(n + dy));
		return String(round(n + (i % 2 === 0 ? dx : dy)));
	});
}

const round = (n: number) => Math.round(n * 100) / 100;
