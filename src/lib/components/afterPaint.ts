/** Runs work once the page has painted (the frame after next), so the first paint does not wait on it; returns a cancel. */
export function afterPaint(work: () => void): () => void {
	let timer: ReturnType<typeof setTimeout> | null = null;
	// The animation frame runs just before a paint; a task queued from it runs just after.
	const frame = requestAnimationFrame(() => {
		timer = setTimeout(work, 0);
	});
	return () => {
		cancelAnimationFrame(frame);
		if (timer !== null) clearTimeout(timer);
	};
}
