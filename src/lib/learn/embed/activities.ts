/**
 * The activities an embedded module reports about, each with an id under the site that serves it:
 * the course (`/learn`), a lesson and a step (their pages), a question (`/learn/<step>#<n>`) and a
 * mission (its embed page). Names are plain text, taken from the course's own words.
 */
import type { Question } from '$lib/learn/lessonTypes';
import type { EmbedModule } from './bridge.svelte';
import type { EmbedScope } from './scope';
import { ACTIVITY_TYPES, activity, choiceActivity, type Activity } from './xapi';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Inline HTML as plain text: tags dropped, entities decoded, spaces collapsed. */
export function plainText(html: string): string {
	return html
		.replace(/<[^>]*>/g, '')
		.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
			if (name[0] === '#') {
				const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
				return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
			}
			return ENTITIES[name.toLowerCase()] ?? whole;
		})
		.replace(/\s+/g, ' ')
		.trim();
}

/** The course. */
export function courseActivity(site: string): Activity {
	return activity(`${site}/learn`, ACTIVITY_TYPES.course, 'Rollup Lab: how a layer-2 rollup works');
}

/** A lesson, by its slug and title. */
export function lessonActivity(site: string, lesson: { slug: string; number: number; title: string }): Activity {
	return activity(`${site}/learn/${lesson.slug}`, ACTIVITY_TYPES.lesson, `Lesson ${lesson.number}: ${lesson.title}`);
}

/** A step, by its path and title. */
export function stepActivity(site: string, step: { path: string; title: string }): Activity {
	return activity(`${site}/learn/${step.path}`, ACTIVITY_TYPES.step, step.title);
}

/** A question, as a choice interaction (its id is `lesson/step#n`). */
export function questionActivity(site: string, question: Question): Activity {
	return choiceActivity(
		`${site}/learn/${question.id}`,
		plainText(question.prompt),
		question.options.map((o) => plainText(o.html)),
		question.options.findIndex((o) => o.right)
	);
}

/** A mission's path under /embed: `mission/slash-optimistic` for `mission-slash-optimistic`. */
export function missionPath(id: string): string {
	return `mission/${id.replace(/^mission-/, '')}`;
}

/** A sandbox mission, by its id, name and task (its id is its embed page). */
export function missionActivity(site: string, mission: { id: string; title: string; description: string }): Activity {
	return activity(`${site}/embed/${missionPath(mission.id)}`, ACTIVITY_TYPES.mission, mission.title, mission.description);
}

/** A mission as its embed page shows it: the words already in the learner's language, no checks (its world checks it). */
export interface MissionInfo {
	id: string;
	title: string;
	description: string;
	points: number;
	scenario: string;
	finality: 'optimistic' | 'zk' | 'hybrid';
}

/** What an embedded module's pages tell about it: its step and lesson, or its mission. */
export interface ModuleSource {
	step?: { path: string; title: string };
	lesson?: { slug: string; number: number; title: string };
	mission?: { id: string; title: string; description: string };
}

/** The module a scope spans, as activities: a step inside its lesson, a lesson, or a mission. */
export function moduleOf(site: string, scope: EmbedScope, source: ModuleSource): EmbedModule {
	const course = courseActivity(site);
	if (scope.kind === 'mission' && source.mission) return { activity: missionActivity(site, source.mission), parent: [], course };
	if (scope.kind === 'step' && source.step && source.lesson) return { activity: stepActivity(site, source.step), parent: [lessonActivity(site, source.lesson)], course };
	if (scope.kind === 'lesson' && source.lesson) return { activity: lessonActivity(site, source.lesson), parent: [], course };
	throw new Error(`the page does not describe its ${scope.kind}`);
}
