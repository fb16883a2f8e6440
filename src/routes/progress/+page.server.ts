import { localCourse } from '$lib/learn/course.server';
import { scoringCourse } from '$lib/learn/scoringCourse';

/** What the learner's points and tests are counted against: every step's points and every question, without the lessons' words. */
export const load = () => ({ course: scoringCourse(localCourse()) });
