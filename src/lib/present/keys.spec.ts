import { describe, expect, it } from 'vitest';
import { liveAction, presentAction } from './keys';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'metaKey', boolean>> = {}) => ({ key: k, ctrlKey: false, altKey: false, metaKey: false, ...mods });

describe('presenter keys', () => {
	it('maps what a presenter remote sends as reveal.js does', () => {
		for (const k of ['PageDown', 'n', 'N', ' ', 'ArrowRight']) expect(presentAction(key(k)), k).toBe('next');
		for (const k of ['PageUp', 'p', 'P', 'ArrowLeft']) expect(presentAction(key(k)), k).toBe('prev');
		for (const k of ['b', 'B', 'v', 'V', '.', '/']) expect(presentAction(key(k)), k).toBe('blank');
		expect(presentAction(key('f'))).toBe('fullscreen');
		expect(presentAction(key('g'))).toBe('goto');
		expect(presentAction(key('?'))).toBe('help');
		expect(presentAction(key('s'))).toBe('speaker');
	});

	it('leaves the browser its own shortcuts and other keys alone', () => {
		expect(presentAction(key('f', { ctrlKey: true }))).toBeNull();
		expect(presentAction(key('r', { metaKey: true }))).toBeNull();
		expect(presentAction(key('x'))).toBeNull();
		expect(presentAction(key('Tab'))).toBeNull();
	});

	it('in live control, only the page keys and Esc bring the talk back', () => {
		expect(liveAction(key('PageDown'))).toBe('back');
		expect(liveAction(key('PageUp'))).toBe('back');
		expect(liveAction(key('Escape'))).toBe('back');
		expect(liveAction(key(' '))).toBeNull();
		expect(liveAction(key('ArrowRight'))).toBeNull();
	});
});
