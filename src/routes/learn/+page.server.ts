import { localCourse } from '$lib/learn/course.server';
import { courseMap } from '$lib/learn/content/course';

/** The course map: every lesson and step, for the learner's progress to be laid over. */
export const load = () => ({ map: courseMap(localCourse()) });
