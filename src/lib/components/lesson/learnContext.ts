/** What every page under /learn shares: the learner's progress and the one world beside the lessons. */
import { getContext, setContext } from 'svelte';
import type { ProgressStore } from '$lib/learn/progressStore.svelte';
import type { LessonWorld } from './lessonWorld.svelte';

/** The shared state (fields fill in once the page runs in a browser). */
export interface LearnContext {
	/** The learner's progress (null while prerendered). */
	store: ProgressStore | null;
	/** The world beside the lessons, made when a stage first comes on screen. */
	world: LessonWorld | null;
}

const KEY = Symbol('learn');

/** Provides the shared state to the pages below. */
export function provideLearn(value: LearnContext): void {
	setContext(KEY, value);
}

/** The shared state. */
export function learnContext(): LearnContext {
	return getContext<LearnContext>(KEY);
}

/** The browser's local storage, or null where it is blocked (private modes, sandboxed frames). */
export function localStorageOrNull(): Storage | null {
	try {
		return window.localStorage;
	} catch {
		return null;
	}
}
