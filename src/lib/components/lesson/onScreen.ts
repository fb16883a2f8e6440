/** Runs something once an element first comes on screen (at once where IntersectionObserver is missing); returns the function that stops waiting. */
export function whenOnScreen(element: Element | undefined, run: () => void): () => void {
	if (typeof IntersectionObserver === 'undefined' || !element) {
		run();
		return () => {};
	}
	const seen = new IntersectionObserver((entries) => {
		if (!entries.some((e) => e.isIntersecting)) return;
		seen.disconnect();
		run();
	});
	seen.observe(element);
	return () => seen.disconnect();
}
