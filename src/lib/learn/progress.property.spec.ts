import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { achieveGoal, answer, completeStep, emptyProgress, keepWorld, markLesson, PROGRESS_FORMAT, PROGRESS_LIMITS, progressProblem, readProgress, resetProgress, serializeProgress, visitStep, type Progress } from './progress';

// Names a learner's course could hold, and ones that try the edges: empty, too long, object machinery, odd Unicode.
const name = fc.oneof(
	fc.constantFrom('intro', 'intro/mempool', 'pre-test#0', 'lesson/step#2', '', '0', '__proto__', 'constructor', 'prototype', 'toString', 'x'.repeat(PROGRESS_LIMITS.name), 'x'.repeat(PROGRESS_LIMITS.name + 1)),
	fc.string({ unit: 'binary', maxLength: 24 })
);
const time = fc.oneof(fc.integer({ min: -5, max: 1_000_000 }), fc.double(), fc.constantFrom(-0, PROGRESS_LIMITS.t, PROGRESS_LIMITS.t + 1));
const query = fc.oneof(fc.string({ maxLength: 40 }), fc.constant('q'.repeat(PROGRESS_LIMITS.query + 1)));

/** One thing a learner can do, as an update helper applied to a record. */
const step: fc.Arbitrary<(p: Progress) => Progress> = fc.oneof(
	name.map((n) => (p: Progress) => visitStep(p, n)),
	name.map((n) => (p: Progress) => completeStep(p, n)),
	fc.tuple(name, fc.boolean()).map(([n, done]) => (p: Progress) => markLesson(p, n, done)),
	fc.tuple(name, fc.integer({ min: -2, max: PROGRESS_LIMITS.choice + 2 }), fc.boolean()).map(([n, choice, right]) => (p: Progress) => answer(p, n, choice, right)),
	name.map((n) => (p: Progress) => achieveGoal(p, n)),
	fc.tuple(name, query, time).map(([n, q, t]) => (p: Progress) => keepWorld(p, n, q, t)),
	fc.constant(() => resetProgress())
);

/** Text shaped somewhat like a record of ours, with anything in its fields. */
const nearlyOurs = fc
	.record({ format: fc.constantFrom(PROGRESS_FORMAT, 'other'), version: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.jsonValue()), at: fc.jsonValue(), steps: fc.jsonValue(), lessons: fc.jsonValue(), answers: fc.jsonValue(), goals: fc.jsonValue(), worlds: fc.jsonValue() }, { requiredKeys: ['format', 'version'] })
	.map((json) => JSON.stringify(json));

describe('readProgress on anything', () => {
	it('never throws, and whatever it accepts is a valid record', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json(), nearlyOurs), (text) => {
				const read = readProgress(text);
				if (read.ok) expect(progressProblem(read.progress)).toBeNull();
				else expect(read.detail.length).toBeGreaterThan(0);
			}),
			{ numRuns: 500 }
		);
	});
});

describe('records built by the helpers', () => {
	it('are valid, and read back exactly as they were written', () => {
		fc.assert(
			fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
				const p = steps.reduce((record, apply) => apply(record), emptyProgress());
				expect(progressProblem(p)).toBeNull();
				expect(readProgress(serializeProgress(p))).toEqual({ ok: true, progress: p, migrated: false });
			}),
			{ numRuns: 300 }
		);
	});
});
