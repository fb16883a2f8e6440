import { describe, expect, it } from 'vitest';
import { course } from '$lib/learn/course.server';
import { parseFocus } from '$lib/stage/focus';
import { talks } from './talks.server';

describe('the talk tracks in content/talks', () => {
	const all = talks();

	it('ships the two talks of the course, each about as long as it says', { timeout: 120_000 }, () => {
		expect(all.map((t) => t.slug).sort()).toEqual(['finality', 'why-decentralize']);
		for (const talk of all) {
			const minutes = talk.scenes.reduce((a, s) => a + s.pace, 0) / 60_000;
			expect(minutes, `${talk.slug}: paces add up to its minutes`).toBeGreaterThan(talk.minutes * 0.8);
			expect(minutes, talk.slug).toBeLessThan(talk.minutes * 1.2);
		}
	});

	it('every scene opens a real lesson, a focus the stage knows, distinct subtitles, and notes to say', () => {
		const lessons = new Set(course.lessons.map((l) => l.slug));
		for (const talk of all) {
			expect(new Set(talk.scenes.map((s) => s.subtitle)).size, talk.slug).toBe(talk.scenes.length);
			for (const s of talk.scenes) {
				expect(lessons.has(s.lesson), `${talk.slug}: lesson ${s.lesson}`).toBe(true);
				if (s.world.focus) expect(parseFocus(s.world.focus), `${talk.slug}: focus ${s.world.focus}`).not.toBeNull();
				expect(s.notes.length, `${talk.slug}: ${s.subtitle} has notes`).toBeGreaterThan(100);
				expect(s.at).toBeGreaterThanOrEqual(0);
			}
		}
	});

	it('scenes at a key moment open where that moment happened', () => {
		const finality = all.find((t) => t.slug === 'finality')!;
		const settled = finality.scenes.find((s) => s.moment === 'finality.settled, batch=0' && s.world.scenario === 'happy-path')!;
		// Optimistic: batch 0 settles 7 days after it was posted (36 s in).
		expect(settled.at).toBe(7 * 86_400_000 + 36_000);
	});

	it('in Chinese: the same scenes, worlds, moments and paces, in Chinese words', () => {
		const zh = talks('zh-CN');
		expect(zh.map((t) => t.slug)).toEqual(all.map((t) => t.slug));
		zh.forEach((talk, i) => {
			expect(talk.title).toMatch(/[\u4e00-\u9fff]/);
			expect(talk.scenes.map(({ subtitle: _s, notes: _n, ...rest }) => rest)).toEqual(all[i].scenes.map(({ subtitle: _s, notes: _n, ...rest }) => rest));
			for (const s of talk.scenes) expect(s.subtitle + s.notes).toMatch(/[\u4e00-\u9fff]/);
		});
	});

	it('refuses a translation whose worlds differ from the original', async () => {
		const { translateTalk } = await import('./talks.server');
		const { parseTalk } = await import('./talk');
		const text = '---\ntitle: T\nsummary: S\nminutes: 1\nlesson: two-thirds\n---\n## A\n::world{scenario="demo" at="1m" pace="30s"}\n';
		const source = parseTalk(text, 't');
		const talk = { ...source, scenes: [{ ...source.scenes[0], at: 60_000, moment: null }] } as unknown as Parameters<typeof translateTalk>[0];
		expect(() => translateTalk(talk, source, parseTalk(text.replace('1m', '2m'), 't.zh-CN'))).toThrow(/talks\/t\.zh-CN\.md, scene 1: its ::world line must be the same/);
		expect(translateTalk(talk, source, parseTalk(text.replace('## A', '## 甲'), 't.zh-CN')).scenes[0].subtitle).toBe('甲');
	});
});
