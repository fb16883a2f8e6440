import { describe, expect, it } from 'vitest';
import { Deck, sceneFromQuery } from './deck.svelte';

describe('a talk being given', () => {
	it('moves between scenes within the talk, starting its clock on the first move', () => {
		let t = 1_000;
		const deck = new Deck(3, 0, () => t);
		expect(deck.startedAt).toBe(0);
		expect(deck.prev()).toBe(false);
		t = 5_000;
		expect(deck.next()).toBe(true);
		expect(deck).toMatchObject({ scene: 1, startedAt: 5_000, sceneAt: 5_000 });
		t = 9_000;
		deck.go(99);
		expect(deck).toMatchObject({ scene: 2, startedAt: 5_000, sceneAt: 9_000 });
		expect(deck.next()).toBe(false);
	});

	it('leaving a scene ends live control and unblanks', () => {
		const deck = new Deck(3);
		deck.live = true;
		deck.toggleBlank();
		expect(deck.blank).toBe(true);
		deck.next();
		expect(deck).toMatchObject({ live: false, blank: false });
	});

	it('opens at a scene without starting the talk’s clock', () => {
		let t = 1_000;
		const deck = new Deck(5, 0, () => t);
		t = 2_000;
		deck.open(3);
		expect(deck).toMatchObject({ scene: 3, startedAt: 0, sceneAt: 2_000 });
		deck.open(99);
		expect(deck.scene).toBe(4);
	});

	it('reads the scene from the URL, 1-based, clamped', () => {
		expect(sceneFromQuery('3', 5)).toBe(2);
		expect(sceneFromQuery('0', 5)).toBe(0);
		expect(sceneFromQuery('99', 5)).toBe(4);
		expect(sceneFromQuery('two', 5)).toBe(0);
		expect(sceneFromQuery(null, 5)).toBe(0);
	});
});
