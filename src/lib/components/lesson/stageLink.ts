/** The world a step's stage (or one of its side-by-side worlds) names, before the learner changed anything. */
import type { StepStage } from '$lib/learn/lessonTypes';
import { scenarioFinality, scenarioSeed, type WorldLink } from '$lib/player/urlState';

/** The link of a stage spec: its scenario with its own seed and finality unless the step sets them. */
export function stageLink(stage: Pick<StepStage, 'scenario' | 'seed' | 'finality'>): WorldLink {
	return { scenario: stage.scenario, seed: stage.seed ?? scenarioSeed(stage.scenario), finality: stage.finality ?? scenarioFinality(stage.scenario) };
}
