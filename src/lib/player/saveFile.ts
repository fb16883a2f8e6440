/** Saving a file from the browser: its name, and handing it to the downloads. */

/** A file name for a picture or export of the world now, e.g. `rollup-lab-demo-seed1-0d01h02m03s`. */
export function fileStem(scenario: string, seed: string, t: number): string {
	const s = Math.floor(t / 1000);
	const pad = (n: number) => String(n).padStart(2, '0');
	const safe = (x: string) => x.replace(/[^a-z0-9-]+/gi, '_').slice(0, 40);
	return `rollup-lab-${safe(scenario)}-seed${safe(seed)}-${Math.floor(s / 86_400)}d${pad(Math.floor(s / 3600) % 24)}h${pad(Math.floor(s / 60) % 60)}m${pad(s % 60)}s`;
}

/** Hands a file to the browser's downloads (a local blob: URL; nothing is sent anywhere). */
export function saveBlob(blob: Blob, name: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.hidden = true;
	document.body.append(a);
	a.click();
	a.remove();
	// The download has started by then; the URL is freed a little later.
	setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
