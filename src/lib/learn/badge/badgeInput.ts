/** What a badge is drawn from: the learner's tier and achievements, and the course's twelve lessons. */

/** The tiers a learner can reach, lowest first. */
export const TIERS = ['bronze', 'silver', 'gold'] as const;

/** One of the tiers. */
export type Tier = (typeof TIERS)[number];

/** The course's lessons in order: the folder names under content/lessons/ without their number. */
export const COURSE_LESSONS = [
	'what-a-sequencer-does',
	'one-sequencer',
	'a-pool-of-sequencers',
	'two-thirds',
	'validators',
	'optimistic-finality',
	'zk-finality',
	'hybrid-finality',
	'stake-and-slashing',
	'data-and-fees',
	'textbook-versus-deployed',
	'the-finality-race'
] as const;

/** The learner's achievements, as the badge reads them. */
export interface BadgeInput {
	/** The tier reached; its metal is the badge's rim. */
	tier: Tier;
	/** Points earned in the course. */
	points: number;
	/** Slugs of the lessons done (slugs not in the course are ignored). */
	lessons: readonly string[];
	/** Ids of the missions done (their order does not matter). */
	missions: readonly string[];
	/** Right answers on the post-test minus those on the pre-test; null unless both were taken. */
	gain: number | null;
}

/** The input reduced to what the badge shows, so that equal progress gives equal badges. */
export interface BadgeFacts {
	/** The tier reached. */
	tier: Tier;
	/** Points, a whole number of at least zero. */
	points: number;
	/** For each course lesson in order, whether it is done. */
	done: boolean[];
	/** How many course lessons are done. */
	lessonCount: number;
	/** Mission ids done: distinct, sorted. */
	missions: string[];
	/** The test gain as a whole number, or null. */
	gain: number | null;
	/** The number of lessons in the course. */
	courseSize: number;
}

/** Normalises an input: unknown or repeated lessons and repeated missions are dropped, numbers made whole. */
export function badgeFacts(input: BadgeInput, course: readonly string[] = COURSE_LESSONS): BadgeFacts {
	const have = new Set(input.lessons);
	const done = course.map((slug) => have.has(slug));
	const whole = (x: number) => (Number.isFinite(x) ? Math.round(x) : 0);
	return {
		tier: TIERS.includes(input.tier) ? input.tier : 'bronze',
		points: Math.max(0, whole(input.points)),
		done,
		lessonCount: done.filter(Boolean).length,
		missions: [...new Set(input.missions)].sort(),
		gain: input.gain === null ? null : whole(input.gain),
		courseSize: course.length
	};
}
