/** The stage layout shared by context: Stage.svelte computes it once, the layers only read it. */
import { createContext } from 'svelte';
import type { StageLayout } from './layout';

/** Reads (in a layer) or provides (in Stage.svelte) a getter of the current stage layout. */
export const [getStageLayout, setStageLayout] = createContext<() => StageLayout>();
