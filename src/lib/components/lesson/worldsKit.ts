/** What a step with worlds side by side loads once they come on screen: a world per column and its drawing. */
export { LiveWorld } from '$lib/player/liveWorld.svelte';
export { default as WorldColumn } from '$lib/components/WorldColumn.svelte';
export { default as PlaybackControls } from '$lib/components/PlaybackControls.svelte';
export { checkpointOf, opening } from './opening';
