/** How long the page must have been loaded before the offline worker starts caching the site (ms): the first load, and its world, come first. */
export const OFFLINE_AFTER_MS = 5_000;

/** Registers the offline service worker once the page has loaded, settled for a while and gone idle, so precaching never competes with the page's own first load. */
export function registerOffline(): void {
	if (!('serviceWorker' in navigator)) return;
	const register = () => void navigator.serviceWorker.register('/service-worker.js').catch(() => {});
	const later = () => setTimeout(() => ('requestIdleCallback' in window ? requestIdleCallback(register, { timeout: 10_000 }) : register()), OFFLINE_AFTER_MS);
	if (document.readyState === 'complete') later();
	else addEventListener('load', later, { once: true });
}
