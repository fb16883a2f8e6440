/** A problem with a link, a file or a form, named by its field, in the catalogue's words. */
import type { FieldError } from '$lib/sim/scenario';
import { m } from '$lib/paraglide/messages.js';
import { reasonText } from './reasonText';

/** One problem in words, named by its field, its message in the page's language: "seqs: expected a whole number of sequencers from 1 to 64". */
export function fieldProblem(e: FieldError): string {
	return m.ui_settings_link_problem({ field: e.field, problem: reasonText(e.message) });
}
