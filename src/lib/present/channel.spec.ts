import { describe, expect, it } from 'vitest';
import { readMessage } from './channel';

describe('messages between the audience window and the speaker view', () => {
	it('reads each kind', () => {
		const state = { kind: 'state', scene: 2, blank: false, live: true, startedAt: 1, sceneAt: 2, base: 'https://x.test' };
		expect(readMessage(state)).toEqual(state);
		expect(readMessage({ kind: 'go', scene: 4 })).toEqual({ kind: 'go', scene: 4 });
		expect(readMessage({ kind: 'next', extra: 1 })).toEqual({ kind: 'next' });
		expect(readMessage({ kind: 'base', base: 'https://a.test' })).toEqual({ kind: 'base', base: 'https://a.test' });
	});

	it('ignores anything else', () => {
		for (const bad of [null, 'next', 3, {}, { kind: 'go' }, { kind: 'go', scene: 'x' }, { kind: 'state', scene: 1 }, { kind: 'launch' }, { kind: 'base', base: 7 }]) expect(readMessage(bad), JSON.stringify(bad)).toBeNull();
	});
});
