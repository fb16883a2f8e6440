/**
 * What an embedded module spans: one step, a whole lesson (its overview and steps, the last one
 * finishing it), or a mission. Inside a lesson the pager moves only between that lesson's pages.
 */

import type { Question } from '$lib/learn/lessonTypes';
import type { Progress } from '$lib/learn/progress';
import { testScore } from '$lib/learn/scores';

/** What the module is. */
export type EmbedScope = { kind: 'step'; path: string } | { kind: 'lesson'; slug: string } | { kind: 'mission'; id: string };

/** The query parameter that keeps a lesson module's scope across its pages (and a reload). */
export const MODULE_PARAM = 'module';

/** The page an embed address shows, as far as scope goes. */
export type EmbedPage = { kind: 'step'; path: string; lesson: string } | { kind: 'lesson'; slug: string } | { kind: 'mission'; id: string };

/** The scope of a module launched at `page`, with `module` the lesson a previous page of it named (if any). */
export function scopeOf(page: EmbedPage, module: string | null): EmbedScope {
	if (page.kind === 'mission') return { kind: 'mission', id: page.id };
	if (page.kind === 'lesson') return { kind: 'lesson', slug: page.slug };
	return module === page.lesson ? { kind: 'lesson', slug: module } : { kind: 'step', path: page.path };
}

/** A step's neighbours inside the module: within its lesson (the first step's "before" is the lesson's page), none for a single step. */
export function neighbours(scope: EmbedScope | null, lesson: { slug: string; steps: readonly { path: string }[] }, index: number): { prev: string | null; next: string | null } {
	if (scope?.kind !== 'lesson' || scope.slug !== lesson.slug) return { prev: null, next: null };
	return { prev: index > 0 ? lesson.steps[index - 1].path : lesson.slug, next: lesson.steps[index + 1]?.path ?? null };
}

/** Whether finishing step `index` of `lesson` finishes the module. */
export function finishesModule(scope: EmbedScope | null, lesson: { slug: string; steps: readonly unknown[] }, index: number): boolean {
	if (scope?.kind === 'step') return true;
	return scope?.kind === 'lesson' && scope.slug === lesson.slug && index === lesson.steps.length - 1;
}

/** A module's score: its questions right at the first try, as a test is scored (null when it has none to score). */
export function firstTryScore(questions: readonly Pick<Question, 'id' | 'concept'>[], progress: Pick<Progress, 'answers'>): { raw: number; max: number } | null {
	if (!questions.length) return null;
	const { right, of } = testScore(questions, progress);
	return { raw: right, max: of };
}

/** The query string every page of the module keeps: the launch's own, plus the lesson a lesson module spans ('' when empty). */
export function moduleSearch(search: string, scope: EmbedScope): string {
	const query = new URLSearchParams(search);
	if (scope.kind === 'lesson') query.set(MODULE_PARAM, scope.slug);
	const text = query.toString();
	return text ? `?${text}` : '';
}
