import { describe, expect, it } from 'vitest';
import { createWorld } from '$lib/sim';
import { findScenario } from '$lib/player/scenarios';
import { parseFocus } from '$lib/stage/focus';
import { contentFiles } from './content/contentFiles';
import { buildCourse, learnPaths } from './content/course';
import { translated } from './content/translated';
import { gateCount, gateOpen } from './gate';
import { GOALS } from './goals';
import { CALCULATOR_NAMES } from './calc/names';

/** Calculators a lesson may place. */
const CALCULATORS = new Set<string>(CALCULATOR_NAMES);
/** Longest step, in words of prose (the house aim is about 150). */
const MAX_WORDS = 200;

/** Prose with the digits that are names, not quoted numbers, taken out: L1 and L2, lesson numbers, EIP numbers, actor and batch ids. */
const quotedNumbers = (text: string) => text.replace(/\bL[12]\b|\b[Ll]essons? \d+(?:\s*(?:and|to|–)\s*\d+)?|\bEIP-\d+|\b(?:seq|val|user)-\d+|\b(?:batch|block) \d+\b|\bsecp256k1\b|\bBLS12-381\b/g, '');

const course = buildCourse(translated(contentFiles(), 'en'));
const steps = course.lessons.flatMap((l) => l.steps);

describe('the course as written', () => {
	it('has lessons numbered in order, each ending with a quiz', () => {
		expect(course.lessons.length).toBeGreaterThan(0);
		course.lessons.forEach((l, i) => {
			expect(l.number, l.slug).toBe(i + 1);
			expect(l.steps.at(-1)!.blocks.some((b) => b.kind === 'question'), `${l.slug} ends with a quiz`).toBe(true);
		});
	});

	it('gives every page its own path, and every question its own id', () => {
		const paths = learnPaths(course);
		expect(new Set(paths).size).toBe(paths.length);
		const ids = [...steps.flatMap((s) => s.blocks), ...(course.preTest ? course.preTest.questions.map((q) => ({ kind: 'question' as const, question: q })) : []), ...(course.postTest ? course.postTest.questions.map((q) => ({ kind: 'question' as const, question: q })) : [])].flatMap((b) => (b.kind === 'question' ? [b.question.id] : []));
		expect(new Set(ids).size).toBe(ids.length);
	});

	it.each(steps.map((s) => [s.path, s] as const))('%s: its stage, focus, goals and calculators exist', (_, step) => {
		for (const stage of [...(step.stage ? [step.stage] : []), ...(step.worlds ?? [])]) {
			expect(findScenario(stage.scenario), `scenario ${stage.scenario}`).toBeDefined();
			if (stage.focus) expect(parseFocus(stage.focus), `focus ${stage.focus}`).not.toBeNull();
		}
		for (const b of step.blocks) {
			if (b.kind === 'try') {
				expect(GOALS[b.goal], `goal ${b.goal}`).toBeDefined();
				expect(step.stage?.scenario, `${b.goal} is tried in ${GOALS[b.goal].scenario}`).toBe(GOALS[b.goal].scenario);
			}
			if (b.kind === 'calculator') expect(CALCULATORS.has(b.name), `calculator ${b.name}`).toBe(true);
		}
	});

	it.each(steps.map((s) => [s.path, s] as const))('%s: short, and every number in it is sourced', (_, step) => {
		expect(step.words, 'words of prose').toBeLessThanOrEqual(MAX_WORDS);
		if (/\d/.test(quotedNumbers(step.text))) expect(step.sources.length, 'a step that quotes a number cites a source').toBeGreaterThan(0);
	});

	const gated = steps.filter((s) => s.gate && s.stage);
	it.each(gated.map((s) => [s.path, s] as const))('%s: the world opens its gate by itself within an hour', { timeout: 120_000 }, (_, step) => {
		const entry = findScenario(step.stage!.scenario)!;
		const world = createWorld({ seed: step.stage!.seed ?? entry.seed ?? 1, scenario: entry.json, finality: step.stage!.finality ?? entry.finality });
		const until = (step.stage!.at ?? 0) + 3_600_000;
		const needed = step.gate!.count ?? 1;
		let seen = 0;
		let read = 0;
		for (let t = step.stage!.at ?? 0; t <= until && seen < needed; t += 10_000) {
			world.runUntil(t);
			seen += gateCount(world.events.slice(read), step.gate!);
			read = world.events.length;
		}
		expect(seen).toBeGreaterThanOrEqual(needed);
		expect(gateOpen(world.events, step.gate!)).toBe(true);
	});

	it('asks the pre-test and the post-test on the same concepts, in different questions', () => {
		if (!course.preTest || !course.postTest) return expect(course.preTest ?? course.postTest).toBeNull();
		const concepts = (qs: { concept: string }[]) => [...new Set(qs.map((q) => q.concept))].sort();
		expect(concepts(course.postTest.questions)).toEqual(concepts(course.preTest.questions));
		const pre = new Set(course.preTest.questions.map((q) => q.prompt));
		for (const q of course.postTest.questions) expect(pre.has(q.prompt), q.id).toBe(false);
	});
});
