import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '$lib/paraglide/runtime';
import { machineGraph } from '$lib/sim/actors/machineGraph';
import { ACTOR_MACHINES } from '$lib/sim/actors/machineList';
import { knowsMachineWords, machineWords } from './machineWords';

let locale = 'en';
overwriteGetLocale(() => locale as 'en');
afterEach(() => (locale = 'en'));

/** Every description the actor machines give their states and transitions. */
const descriptions = [
	...new Set(
		ACTOR_MACHINES.flatMap(([, machine]) => {
			const graph = machineGraph(machine);
			return [...graph.states, ...graph.transitions].flatMap((x) => (x.description ? [x.description] : []));
		})
	)
];

describe('machineWords', () => {
	it('has every state and transition description of every machine, word for word in English', () => {
		expect(descriptions.length).toBeGreaterThan(20);
		for (const d of descriptions) {
			expect(knowsMachineWords(d), d).toBe(true);
			expect(machineWords(d)).toBe(d);
		}
	});

	it('says each in Chinese', () => {
		locale = 'zh-CN';
		for (const d of descriptions) expect(machineWords(d), d).toMatch(/[\u4e00-\u9fff]/);
	});

	it('leaves a description it does not know as written', () => {
		locale = 'zh-CN';
		expect(machineWords('A state from a newer machine.')).toBe('A state from a newer machine.');
	});
});
