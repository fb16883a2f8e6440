/**
 * xAPI statements as an embedded module sends them, shaped as H5P's (the same verb ids, a
 * `result.score` of min, max, raw and scaled, an activity per course, lesson, step and question),
 * and, under a cmi5 launch, with the LMS's context template and cmi5's categories. Building a
 * statement is pure: its id and time are given.
 */

/** The verbs a module uses, by name. */
export const VERBS = {
	initialized: 'http://adlnet.gov/expapi/verbs/initialized',
	answered: 'http://adlnet.gov/expapi/verbs/answered',
	completed: 'http://adlnet.gov/expapi/verbs/completed',
	passed: 'http://adlnet.gov/expapi/verbs/passed',
	failed: 'http://adlnet.gov/expapi/verbs/failed',
	terminated: 'http://adlnet.gov/expapi/verbs/terminated'
} as const;

/** A verb's name. */
export type VerbName = keyof typeof VERBS;

/** Activity types of what a module reports about. */
export const ACTIVITY_TYPES = {
	course: 'http://adlnet.gov/expapi/activities/course',
	lesson: 'http://adlnet.gov/expapi/activities/lesson',
	step: 'http://activitystrea.ms/schema/1.0/page',
	question: 'http://adlnet.gov/expapi/activities/cmi.interaction',
	mission: 'http://adlnet.gov/expapi/activities/simulation'
} as const;

/** cmi5's ids: its categories and the context extensions an AU writes. */
export const CMI5 = {
	category: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
	moveOn: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
	sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
	masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore'
} as const;

/** The xAPI version the module speaks. */
export const XAPI_VERSION = '1.0.3';

/** A language map, e.g. `{ "en-US": "Batches" }`. */
export type LanguageMap = Record<string, string>;

/** An xAPI agent (who did it). */
export interface Agent {
	objectType?: 'Agent';
	name?: string;
	mbox?: string;
	account?: { homePage: string; name: string };
}

/** An xAPI activity. */
export interface Activity {
	objectType: 'Activity';
	id: string;
	definition?: {
		type?: string;
		name?: LanguageMap;
		description?: LanguageMap;
		interactionType?: 'choice';
		correctResponsesPattern?: string[];
		choices?: { id: string; description: LanguageMap }[];
	};
}

/** An xAPI score. */
export interface Score {
	min: number;
	max: number;
	raw: number;
	scaled: number;
}

/** An xAPI result. */
export interface Result {
	score?: Score;
	success?: boolean;
	completion?: boolean;
	response?: string;
	duration?: string;
}

/** An xAPI context. */
export interface Context {
	registration?: string;
	platform?: string;
	language?: string;
	contextActivities?: { parent?: Activity[]; grouping?: Activity[]; category?: Activity[]; other?: Activity[] };
	extensions?: Record<string, unknown>;
}

/** An xAPI statement. */
export interface Statement {
	id: string;
	actor: Agent;
	verb: { id: string; display: LanguageMap };
	object: Activity;
	result?: Result;
	context: Context;
	timestamp: string;
}

/** The language the course is written in. */
export const LANGUAGE = 'en-US';

/** An activity with a type and a name (and, optionally, a description). */
export function activity(id: string, type: string, name: string, description?: string): Activity {
	return { objectType: 'Activity', id, definition: { type, name: { [LANGUAGE]: name }, ...(description ? { description: { [LANGUAGE]: description } } : {}) } };
}

/** A multiple-choice question as an interaction activity: its prompt, its choices (ids "0", "1", …) and the right one. */
export function choiceActivity(id: string, prompt: string, choices: readonly string[], right: number): Activity {
	return {
		objectType: 'Activity',
		id,
		definition: {
			type: ACTIVITY_TYPES.question,
			name: { [LANGUAGE]: prompt },
			description: { [LANGUAGE]: prompt },
			interactionType: 'choice',
			correctResponsesPattern: [String(right)],
			choices: choices.map((text, i) => ({ id: String(i), description: { [LANGUAGE]: text } }))
		}
	};
}

/** A score out of `max` (scaled 0 when there is nothing to score). */
export function score(raw: number, max: number): Score {
	return { min: 0, max, raw, scaled: max > 0 ? Math.round((raw / max) * 10_000) / 10_000 : 0 };
}

/** An ISO 8601 duration of `ms` milliseconds, to the hundredth of a second, e.g. `PT1M4.25S`. */
export function duration(ms: number): string {
	const cs = Math.max(0, Math.round(ms / 10));
	const h = Math.floor(cs / 360_000);
	const min = Math.floor((cs % 360_000) / 6_000);
	const s = (cs % 6_000) / 100;
	return `PT${h ? `${h}H` : ''}${min ? `${min}M` : ''}${s || (!h && !min) ? `${s}S` : ''}`;
}

/** What the LMS gave a cmi5 launch to put in every statement. */
export interface Cmi5Context {
	/** The launch's registration. */
	registration: string;
	/** The context template from LMS.LaunchData. */
	template: Context;
	/** The AU's activity id (the object of cmi5 defined statements). */
	activityId: string;
	/** The mastery score from LMS.LaunchData, if any. */
	masteryScore: number | null;
}

/** What a statement is about, and where it sits. */
export interface StatementInput {
	/** Statement id (a UUID). */
	id: string;
	/** When it happened, as epoch ms. */
	at: number;
	actor: Agent;
	verb: VerbName;
	object: Activity;
	result?: Result;
	/** The activities it sits inside (a step's lesson; a question's step). */
	parent?: Activity[];
	/** The course it belongs to. */
	grouping?: Activity[];
	/** Registration, outside cmi5 (a host may give one). */
	registration?: string | null;
	/** The cmi5 launch's context, when there is one. */
	cmi5?: Cmi5Context | null;
}

/** Whether a statement about `object` with `verb` is cmi5 defined (the AU itself, a cmi5 verb). */
export function isCmi5Defined(verb: VerbName, object: Activity, cmi5: Cmi5Context | null | undefined): boolean {
	return !!cmi5 && object.id === cmi5.activityId && verb !== 'answered';
}

/** One statement. Under cmi5 the template's values are kept as they are and only added to. */
export function statement(input: StatementInput): Statement {
	const { cmi5 } = input;
	const defined = isCmi5Defined(input.verb, input.object, cmi5);
	const template = cmi5?.template ?? {};
	const own = template.contextActivities ?? {};
	const category = [...(own.category ?? [])];
	if (defined) {
		category.push({ objectType: 'Activity', id: CMI5.category });
		if (input.result && ('success' in input.result || 'completion' in input.result)) category.push({ objectType: 'Activity', id: CMI5.moveOn });
	}
	const extensions: Record<string, unknown> = { ...(template.extensions ?? {}) };
	if (defined && cmi5?.masteryScore !== null && cmi5?.masteryScore !== undefined && (input.verb === 'passed' || input.verb === 'failed')) extensions[CMI5.masteryScore] ??= cmi5.masteryScore;
	const activities = {
		...own,
		...(input.parent?.length || own.parent ? { parent: [...(own.parent ?? []), ...(input.parent ?? [])] } : {}),
		...(input.grouping?.length || own.grouping ? { grouping: [...(own.grouping ?? []), ...(input.grouping ?? [])] } : {}),
		...(category.length ? { category } : {})
	};
	const registration = template.registration ?? cmi5?.registration ?? input.registration ?? undefined;
	const context: Context = {
		...template,
		...(registration ? { registration } : {}),
		platform: template.platform ?? 'Rollup Lab',
		language: template.language ?? LANGUAGE,
		contextActivities: activities,
		...(Object.keys(extensions).length ? { extensions } : {})
	};
	return {
		id: input.id,
		actor: input.actor,
		verb: { id: VERBS[input.verb], display: { [LANGUAGE]: input.verb } },
		object: input.object,
		...(input.result ? { result: input.result } : {}),
		context,
		timestamp: new Date(input.at).toISOString()
	};
}
