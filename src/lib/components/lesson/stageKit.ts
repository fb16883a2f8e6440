/** What a lesson loads once a stage comes on screen: the world and its stage, kept out of the lesson's own code. */
export { LessonWorld } from './lessonWorld.svelte';
export { default as LessonStage } from './LessonStage.svelte';
