/**
 * Learn-to-Earn points and tiers, computed from the course and a progress record (nothing is
 * stored but the record itself): points for each step finished (its frontmatter `points`), for each
 * lesson or post-test question answered right (more when right at the first try) and for each
 * sandbox mission done. Pre-test questions earn nothing: they measure what the learner knew before.
 */
import type { Course, Question } from './lessonTypes';
import type { Mission } from './missions/mission';
import { MISSION_LIST } from './missions';
import type { Progress } from './progress';

/** Points for a question whose last answer is right. */
export const QUESTION_POINTS = 10;
/** Extra points when the first answer was right. */
export const FIRST_TRY_BONUS = 5;

/** A learner's points, by where they came from. */
export interface Points {
	/** From steps finished. */
	steps: number;
	/** From questions answered right (without the first-try bonus). */
	questions: number;
	/** From first-try bonuses. */
	firstTry: number;
	/** From sandbox missions done. */
	missions: number;
	/** All of them. */
	total: number;
}

/** What a mission contributes to points: its id and worth. */
export type MissionWorth = Pick<Mission, 'id' | 'points'>;

/** The questions that earn points: every lesson's, then the post-test's, each once. */
export function scoredQuestions(course: Course): Question[] {
	const all = [...course.lessons.flatMap((l) => l.steps.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'question' ? [b.question] : [])))), ...(course.postTest?.questions ?? [])];
	return [...new Map(all.map((q) => [q.id, q])).values()];
}

/** Every step of the course, each path once. */
const courseSteps = (course: Course) => [...new Map(course.lessons.flatMap((l) => l.steps).map((s) => [s.path, s])).values()];

/** Whether a record map holds `key` as its own entry, done. */
const isDone = (map: Record<string, { done: boolean }>, key: string) => Object.hasOwn(map, key) && map[key].done;

/** The learner's points: only what the course and the missions offer counts, each thing once. */
export function pointsOf(course: Course, progress: Progress, missions: readonly MissionWorth[] = MISSION_LIST): Points {
	const steps = courseSteps(course).reduce((sum, s) => sum + (isDone(progress.steps, s.path) ? s.points : 0), 0);
	let questions = 0;
	let firstTry = 0;
	for (const q of scoredQuestions(course)) {
		const a = Object.hasOwn(progress.answers, q.id) ? progress.answers[q.id] : undefined;
		if (a?.right) questions += QUESTION_POINTS;
		if (a?.firstTry) firstTry += FIRST_TRY_BONUS;
	}
	const done = missions.reduce((sum, x) => sum + (isDone(progress.goals, x.id) ? x.points : 0), 0);
	return { steps, questions, firstTry, missions: done, total: steps + questions + firstTry + done };
}

/** The most points the course and the missions offer. */
export function maxPoints(course: Course, missions: readonly MissionWorth[] = MISSION_LIST): Points {
	const steps = courseSteps(course).reduce((sum, s) => sum + s.points, 0);
	const n = scoredQuestions(course).length;
	const done = missions.reduce((sum, x) => sum + x.points, 0);
	return { steps, questions: n * QUESTION_POINTS, firstTry: n * FIRST_TRY_BONUS, missions: done, total: steps + n * (QUESTION_POINTS + FIRST_TRY_BONUS) + done };
}

/** A tier a learner can reach. */
export type Tier = 'bronze' | 'silver' | 'gold';

/**
 * The points each tier needs, lowest first: Bronze about three lessons with their quizzes, Silver
 * about half the course, Gold more than the whole course gives, so it takes missions too.
 */
export const TIERS: readonly { tier: Tier; points: number }[] = [
	{ tier: 'bronze', points: 400 },
	{ tier: 'silver', points: 1000 },
	{ tier: 'gold', points: 1800 }
];

/** The highest tier these points reach, or null below Bronze. */
export function tierOf(points: number): Tier | null {
	let reached: Tier | null = null;
	for (const t of TIERS) if (points >= t.points) reached = t.tier;
	return reached;
}

/** The next tier above these points, what it needs and how many points are still to go; null at Gold. */
export function nextTier(points: number): { tier: Tier; points: number; toGo: number } | null {
	const next = TIERS.find((t) => points < t.points);
	return next ? { tier: next.tier, points: next.points, toGo: next.points - points } : null;
}
