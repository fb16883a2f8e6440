import { describe, expect, it } from 'vitest';
import { buildCourse } from './content/course';
import { translated } from './content/translated';
import { contentFiles } from './content/contentFiles';
import { GOALS } from './goals';
import { MISSION_LIST } from './missions';
import { FIRST_TRY_BONUS, maxPoints, nextTier, pointsOf, QUESTION_POINTS, scoredQuestions, tierOf, TIERS } from './points';
import { achieveGoal, answer, completeStep, emptyProgress, visitStep, type Progress } from './progress';
import { scoringCourse } from './scoringCourse';

const course = buildCourse(translated(contentFiles(), 'en'));
const steps = course.lessons.flatMap((l) => l.steps);
const questions = scoredQuestions(course);

/** A record of the first `lessons` lessons finished, every question right at the first try. */
function lessonsDone(lessons: number, p: Progress = emptyProgress()): Progress {
	for (const l of course.lessons.slice(0, lessons)) {
		for (const s of l.steps) {
			p = completeStep(visitStep(p, s.path), s.path);
			for (const b of s.blocks) if (b.kind === 'question') p = answer(p, b.question.id, b.question.options.findIndex((o) => o.right), true);
		}
	}
	return p;
}

/** Everything done: every step, every scored question right at the first try, every mission. */
function everything(): Progress {
	let p = lessonsDone(course.lessons.length);
	for (const q of course.postTest?.questions ?? []) p = answer(p, q.id, 0, true);
	for (const x of MISSION_LIST) p = achieveGoal(p, x.id);
	return p;
}

describe('points', () => {
	it('start at zero', () => {
		expect(pointsOf(course, emptyProgress())).toEqual({ steps: 0, questions: 0, firstTry: 0, missions: 0, total: 0 });
	});

	it('count a finished step by its frontmatter points, a seen one not at all, and a step finished twice once', () => {
		const [a, b] = steps;
		let p = completeStep(visitStep(emptyProgress(), a.path), a.path);
		p = visitStep(p, b.path);
		expect(pointsOf(course, p).steps).toBe(a.points);
		p = completeStep(completeStep(p, a.path), a.path);
		expect(pointsOf(course, p).steps).toBe(a.points);
	});

	it('ignore steps, questions and goals the course and missions do not have', () => {
		let p = completeStep(emptyProgress(), 'no-such/step');
		p = answer(p, 'no-such/step#0', 0, true);
		p = achieveGoal(p, 'busy-batch');
		p = achieveGoal(p, 'mission-no-such');
		expect(pointsOf(course, p).total).toBe(0);
	});

	it.each([
		{ name: 'right at the first try', picks: [true], points: QUESTION_POINTS + FIRST_TRY_BONUS },
		{ name: 'wrong, then right', picks: [false, true], points: QUESTION_POINTS },
		{ name: 'right, then wrong', picks: [true, false], points: FIRST_TRY_BONUS },
		{ name: 'wrong', picks: [false], points: 0 }
	])('give a question answered $name $points points', ({ picks, points }) => {
		const q = questions[0];
		let p = emptyProgress();
		for (const right of picks) p = answer(p, q.id, right ? 1 : 0, right);
		expect(pointsOf(course, p).questions + pointsOf(course, p).firstTry).toBe(points);
	});

	it('give nothing for the pre-test, something for the post-test', () => {
		const pre = course.preTest!.questions[0];
		const post = course.postTest!.questions[0];
		expect(pointsOf(course, answer(emptyProgress(), pre.id, 0, true)).total).toBe(0);
		expect(pointsOf(course, answer(emptyProgress(), post.id, 0, true)).total).toBe(QUESTION_POINTS + FIRST_TRY_BONUS);
	});

	it('count a mission done by its points, from the goals map under its own id', () => {
		const [x] = MISSION_LIST;
		expect(pointsOf(course, achieveGoal(emptyProgress(), x.id))).toMatchObject({ missions: x.points, total: x.points });
	});

	it('use mission ids no "try it" goal has', () => {
		for (const x of MISSION_LIST) expect(Object.keys(GOALS)).not.toContain(x.id);
	});

	it('reach the maximum with everything done, and count each step once on the way', () => {
		const max = maxPoints(course);
		expect(pointsOf(course, everything())).toEqual(max);
		expect(max.steps).toBe(steps.reduce((sum, s) => sum + s.points, 0));
		expect(new Set(steps.map((s) => s.path)).size).toBe(steps.length);
		let p = emptyProgress();
		let last = 0;
		for (const s of steps) {
			p = completeStep(completeStep(p, s.path), s.path);
			const now = pointsOf(course, p).steps;
			expect(now - last, s.path).toBe(s.points);
			last = now;
		}
	});
});

describe('tiers', () => {
	it.each([
		{ points: 0, tier: null },
		{ points: TIERS[0].points - 1, tier: null },
		{ points: TIERS[0].points, tier: 'bronze' },
		{ points: TIERS[1].points - 1, tier: 'bronze' },
		{ points: TIERS[1].points, tier: 'silver' },
		{ points: TIERS[2].points, tier: 'gold' },
		{ points: 1e6, tier: 'gold' }
	])('$points points: $tier', ({ points, tier }) => {
		expect(tierOf(points)).toBe(tier);
	});

	it('say what the next tier needs, and nothing past Gold', () => {
		expect(nextTier(0)).toEqual({ tier: 'bronze', points: TIERS[0].points, toGo: TIERS[0].points });
		expect(nextTier(TIERS[0].points + 1)).toEqual({ tier: 'silver', points: TIERS[1].points, toGo: TIERS[1].points - TIERS[0].points - 1 });
		expect(nextTier(TIERS[2].points)).toBeNull();
	});

	it('rise with the points', () => {
		expect(TIERS.map((t) => t.points)).toEqual([...TIERS.map((t) => t.points)].sort((a, b) => a - b));
	});

	it('ask for real work: one lesson or every mission alone stays below Bronze, three lessons reach it', () => {
		expect(tierOf(pointsOf(course, lessonsDone(1)).total)).toBeNull();
		expect(tierOf(maxPoints(course).missions)).toBeNull();
		expect(tierOf(pointsOf(course, lessonsDone(3)).total)).toBe('bronze');
	});

	it('put Gold within reach of everything, but not of the course without missions', () => {
		const max = maxPoints(course);
		expect(tierOf(max.total)).toBe('gold');
		expect(tierOf(max.total - max.missions)).not.toBe('gold');
		expect(max.total - max.missions, 'Gold needs most of the course too').toBeGreaterThan(TIERS[2].points - max.missions);
	});
});

describe('the scoring course (what /progress carries)', () => {
	it('scores every record exactly as the whole course does, and the tests keep their questions', () => {
		const lean = scoringCourse(course);
		for (const p of [emptyProgress(), lessonsDone(1), lessonsDone(5), lessonsDone(12)]) expect(pointsOf(lean, p)).toEqual(pointsOf(course, p));
		expect(maxPoints(lean)).toEqual(maxPoints(course));
		expect(lean.preTest?.questions.map((q) => [q.id, q.concept])).toEqual(course.preTest?.questions.map((q) => [q.id, q.concept]));
		expect(JSON.stringify(lean).length).toBeLessThan(JSON.stringify(course).length / 10);
	});
});
