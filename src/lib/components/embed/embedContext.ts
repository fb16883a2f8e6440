/** What every page of an embedded module shares: its launch, its scope and its reporter (filled in once the page runs in a browser). */
import { getContext, setContext } from 'svelte';
import type { EmbedBridge } from '$lib/learn/embed/bridge.svelte';
import type { EmbedLaunch } from '$lib/learn/embed/launch';
import type { EmbedScope } from '$lib/learn/embed/scope';

/** The shared state of an embedded module. */
export interface EmbedContext {
	/** What the address said (null while prerendered). */
	launch: EmbedLaunch | null;
	/** What the module spans (null while prerendered). */
	scope: EmbedScope | null;
	/** The reporter (null while prerendered). */
	bridge: EmbedBridge | null;
	/** The site's origin, the root of every activity id. */
	site: string;
}

const KEY = Symbol('embed');

/** Provides the module's state to the pages below. */
export function provideEmbed(value: EmbedContext): void {
	setContext(KEY, value);
}

/** The module's state. */
export function embedContext(): EmbedContext {
	return getContext<EmbedContext>(KEY);
}

/** A random UUID (v4), with or without crypto.randomUUID (which needs a secure context). */
export function randomUuid(): string {
	if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
	const b = crypto.getRandomValues(new Uint8Array(16));
	b[6] = (b[6] & 0x0f) | 0x40;
	b[8] = (b[8] & 0x3f) | 0x80;
	const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
