/** Tells `report` the height of `element` (whole CSS pixels, padding included) whenever it changes, so a host can fit its frame; returns a stop function. */
export function watchHeight(element: HTMLElement, report: (height: number) => void): () => void {
	let last = -1;
	const measure = () => {
		const height = Math.ceil(element.getBoundingClientRect().height);
		if (height !== last) report((last = height));
	};
	const observer = new ResizeObserver(measure);
	observer.observe(element);
	measure();
	return () => observer.disconnect();
}
