import { error } from '@sveltejs/kit';
import { allLearnPaths, learnPage, lessonQuestions } from '$lib/learn/learnPage.server';
import { missionPath, type MissionInfo } from '$lib/learn/embed/activities';
import { MISSION_LIST } from '$lib/learn/missions';
import type { EntryGenerator, PageServerLoad } from './$types';

const TESTS = new Set(['pre-test', 'post-test']);

/** Every lesson and step, and every mission (`mission/<its id without "mission-">`), is prerendered for embedding. */
export const entries: EntryGenerator = () => [...allLearnPaths().filter((slug) => !TESTS.has(slug)), ...MISSION_LIST.map((x) => missionPath(x.id))].map((slug) => ({ slug }));

/** A step or a lesson as on /learn, with the questions its lesson is scored on; or a mission by id. */
export const load: PageServerLoad = ({ params }) => {
	const named = /^mission\/(.+)$/.exec(params.slug)?.[1];
	if (named !== undefined) {
		const found = MISSION_LIST.find((x) => x.id === `mission-${named}`);
		if (!found) error(404, 'There is no such mission.');
		const mission: MissionInfo = { id: found.id, title: found.title(), description: found.description(), points: found.points, scenario: found.scenario, finality: found.finality };
		return { kind: 'mission' as const, mission };
	}
	const page = TESTS.has(params.slug) ? null : learnPage(params.slug);
	if (!page || page.kind === 'test') error(404, 'There is no such lesson or step to embed.');
	return { ...page, questions: lessonQuestions(page.lesson.slug) };
};
