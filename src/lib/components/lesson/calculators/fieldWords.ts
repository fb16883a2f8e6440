/** A calculator field's problem in the learner's words, from the messages catalogue. */
import type { FieldProblem } from '$lib/learn/calc/fields';
import { m } from '$lib/paraglide/messages.js';

/** What to show next to a field that cannot be read, or null when it can. */
export function problemWords(problem: FieldProblem | undefined): string | null {
	if (!problem) return null;
	switch (problem.kind) {
		case 'empty':
			return m.learn_calc_error_empty();
		case 'not-a-number':
			return m.learn_calc_error_number();
		case 'negative':
			return m.learn_calc_error_negative();
		case 'too-precise':
			return problem.decimals === 0 ? m.learn_calc_error_whole() : m.learn_calc_error_decimals({ decimals: problem.decimals });
		case 'below':
			return m.learn_calc_error_below({ min: problem.min });
		case 'above':
			return m.learn_calc_error_above({ max: problem.max });
	}
}
