/**
 * The course as the build reads it from `content/lessons`: lessons of steps, each step a little
 * prose, an optional live stage focused on one idea, and blocks (a quiz question, a "try it" task,
 * a calculator). Everything here is plain data, parsed once at build time and prerendered.
 */

/** Where a number in a step comes from. */
export interface Source {
	/** What the source is, e.g. "L2BEAT: Metis". */
	title: string;
	/** Its address. */
	url: string;
	/** The date the number was read there (YYYY-MM or YYYY-MM-DD). */
	asOf: string;
}

/** A simulated event a step waits for before Continue opens, e.g. the first batch posted to L1. */
export interface Gate {
	/** The event type, e.g. `finality.posted`. */
	event: string;
	/** Fields the event must have, e.g. `{ batch: 0 }`. */
	where?: Record<string, string | number | boolean>;
	/** How many such events (1 when omitted). */
	count?: number;
	/** What Continue says while it waits, e.g. "Continue once batch 0 is on L1". */
	label: string;
}

/** The live stage a step shows beside its words. */
export interface StepStage {
	/** Scenario name (a file in content/scenarios). */
	scenario: string;
	/** Finality mode, when not the scenario's own. */
	finality?: 'optimistic' | 'zk' | 'hybrid';
	/** Seed, when not the scenario's own. */
	seed?: number;
	/** What the stage is focused on (a focus part or an actor id), or none. */
	focus?: string;
	/** Simulated time the world opens at, in ms (0 when omitted). */
	at?: number;
	/** What is shown under the stage: a batch's finality ladder, the token supply, or both. */
	panel?: 'ladder' | 'supply' | 'both';
}

/** One of the worlds a step shows side by side, with its name. */
export interface SideWorld extends Pick<StepStage, 'scenario' | 'finality' | 'seed' | 'focus'> {
	/** Its name above its stage, e.g. "Textbook". */
	label: string;
}

/** One option of a question. */
export interface QuizOption {
	/** The option's words, as inline HTML. */
	html: string;
	/** Whether it is the right answer. */
	right: boolean;
	/** Why it is wrong (or, for the right one, why it is right), as HTML. */
	explanation: string;
}

/** A multiple-choice question: one right option, an explanation for each wrong one. */
export interface Question {
	/** Id, unique in the course: `lesson/step#n` or `pre-test#n`. */
	id: string;
	/** The concept it tests (pre- and post-test questions share concepts). */
	concept: string;
	/** The question, as HTML. */
	prompt: string;
	/** Its options in order. */
	options: QuizOption[];
}

/** A piece of a step's body, in reading order. */
export type Block =
	| { kind: 'prose'; html: string }
	| { kind: 'question'; question: Question }
	| { kind: 'try'; goal: string; html: string }
	| { kind: 'calculator'; name: string };

/** One step: one idea, one page. */
export interface Step {
	/** Its URL path under /learn, e.g. `sequencer/mempool`. */
	path: string;
	/** Its slug (folder name without the number). */
	slug: string;
	/** Title. */
	title: string;
	/** The live stage beside it, if any. */
	stage: StepStage | null;
	/** Worlds shown side by side instead of one stage (two to four), if any. */
	worlds: SideWorld[] | null;
	/** What Continue waits for, if anything. */
	gate: Gate | null;
	/** Points for finishing it (Learn-to-Earn). */
	points: number;
	/** Its body. */
	blocks: Block[];
	/** Sources of the numbers it quotes. */
	sources: Source[];
	/** Words of prose (for the ~150-word rule). */
	words: number;
	/** Its prose as plain text (for checks). */
	text: string;
}

/** A lesson: a numbered folder of steps. */
export interface Lesson {
	/** Its number in the course (1–12). */
	number: number;
	/** Its slug. */
	slug: string;
	/** Title. */
	title: string;
	/** One sentence on what the learner will understand. */
	summary: string;
	/** Its steps in order. */
	steps: Step[];
}

/** A pre- or post-test: questions on the course's concepts. */
export interface Test {
	/** `pre-test` or `post-test`. */
	slug: 'pre-test' | 'post-test';
	/** Title. */
	title: string;
	/** Words before the questions, as HTML. */
	intro: string;
	/** Its questions. */
	questions: Question[];
}

/** The whole course. */
export interface Course {
	/** Lessons in order. */
	lessons: Lesson[];
	/** The test before lesson 1. */
	preTest: Test | null;
	/** The test after the last lesson. */
	postTest: Test | null;
}

/** A step as the course map lists it. */
export interface StepEntry {
	/** Its path under /learn. */
	path: string;
	/** Title. */
	title: string;
	/** Whether it holds questions (a quiz step). */
	quiz: boolean;
}

/** The course's outline, shipped with every page (titles and paths only). */
export interface CourseMap {
	/** Lessons in order, with their steps' titles. */
	lessons: { number: number; slug: string; title: string; summary: string; steps: StepEntry[] }[];
	/** Whether a pre-test and a post-test exist. */
	tests: { pre: boolean; post: boolean };
}
