/** How a learner did on a test, and what they gained from the pre-test to the post-test, concept by concept. */
import type { Progress } from './progress';
import type { Question } from './lessonTypes';

/** A test's score: questions answered right at the first try, of those asked. */
export interface Score {
	/** Right at the first try. */
	right: number;
	/** Answered at all. */
	answered: number;
	/** Asked. */
	of: number;
	/** Right at the first try, by concept. */
	concepts: Record<string, boolean>;
}

/** A test's score from the learner's answers. */
export function testScore(questions: readonly Pick<Question, 'id' | 'concept'>[], progress: Pick<Progress, 'answers'>): Score {
	const concepts: Record<string, boolean> = {};
	let right = 0;
	let answered = 0;
	for (const q of questions) {
		const a = progress.answers[q.id];
		if (a) answered++;
		const first = !!a?.firstTry;
		if (first) right++;
		concepts[q.concept] = (concepts[q.concept] ?? false) || first;
	}
	return { right, answered, of: questions.length, concepts };
}

/** Concepts the learner got wrong before and right after (learned), and right before but wrong after (slipped). */
export function gain(pre: Score, post: Score): { learned: string[]; slipped: string[]; points: number } {
	const learned = Object.keys(post.concepts).filter((c) => post.concepts[c] && !pre.concepts[c]);
	const slipped = Object.keys(post.concepts).filter((c) => !post.concepts[c] && pre.concepts[c]);
	return { learned, slipped, points: post.right - pre.right };
}
