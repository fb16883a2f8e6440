import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { watch } from './watch';

/** Every page the build wrote, by its address. */
function built(dir = 'build'): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === '_app' ? [] : built(path);
		return entry.name.endsWith('.html') ? [`/${relative('build', path).replace(/\.html$/, '')}`] : [];
	});
}

test('every page is built in English and in Simplified Chinese', () => {
	const pages = built();
	const zh = new Set(pages.filter((p) => p.startsWith('/zh-CN')));
	const en = pages.filter((p) => !p.startsWith('/zh-CN'));
	expect(en.length).toBeGreaterThan(150);
	const twin = (p: string) => (p === '/index' ? '/zh-CN' : `/zh-CN${p}`);
	expect(en.filter((p) => !zh.has(twin(p)))).toEqual([]);
	expect(zh.size).toBe(en.length);
});

test('the language is in the URL: a learner switches to Chinese and stays in it, lessons, talks and the world included', async ({ page }) => {
	const seen = watch(page);
	await page.goto('/learn');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByRole('link', { name: '简体中文' }).click();
	await expect(page).toHaveURL(/\/zh-CN\/learn$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('全部课程');
	// Every link of the site's header stays in Chinese; the switch goes back to the same page in English.
	for (const href of await page.getByRole('navigation', { name: '网站' }).getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(href).toMatch(/^\/zh-CN\//);
	await expect(page.getByRole('link', { name: 'English' })).toHaveAttribute('href', '/learn');

	// The first lessons are written in Chinese; the world beside them speaks it too (its worker is told the language).
	await page.getByRole('link', { name: '排序器做什么' }).first().click();
	await expect(page).toHaveURL(/\/zh-CN\/learn\/what-a-sequencer-does$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('第 1 课：排序器做什么');
	await page.goto('/zh-CN/learn/a-pool-of-sequencers/re-span');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('当提议者陷入沉默');
	await expect(page.getByRole('button', { name: '播放' })).toBeEnabled({ timeout: 45_000 });
	await expect(page.locator('svg.scene text').filter({ hasText: '排序器池' }).first()).toBeVisible();
	await expect(page.getByTestId('sim-clock')).toContainText('第 0 天');

	// A talk in Chinese: its subtitle, and a QR code to the Chinese lesson.
	await page.goto('/zh-CN/present/why-decentralize?scene=6');
	await expect(page.locator('html[data-ready="true"]')).toBeAttached();
	await expect(page.getByTestId('subtitle')).toHaveText('三分之二签名；L1 只验证一个签名');
	await expect(page.getByRole('link', { name: /\/zh-CN\/learn\/two-thirds$/ })).toBeVisible();
	await page.keyboard.press('PageDown');
	await expect(page.getByTestId('scene-count')).toHaveText('7 / 9');
	expect(seen.errors).toEqual([]);
});

test('a world told to its end in Chinese: the card, the key events and the reasons the simulation gives', async ({ page }) => {
	test.setTimeout(180_000);
	const seen = watch(page);
	await page.goto('/zh-CN/sandbox?scenario=lone-cheater');
	await expect(page.getByRole('button', { name: '播放' })).toBeEnabled({ timeout: 45_000 });
	await expect(page.getByRole('heading', { name: '孤身作弊者' })).toBeVisible();
	await expect(page.getByRole('combobox', { name: '场景' }).locator('option:checked')).toHaveText('孤身作弊者');
	await expect(page.getByTestId('sim-clock')).toContainText('第 0 天');
	const speed = page.getByRole('slider', { name: '速度' });
	await speed.focus();
	await speed.press('End');
	await expect(speed).toHaveAttribute('aria-valuetext', '快进');
	await page.getByRole('button', { name: '播放' }).click();
	await expect(page.getByText('已结束', { exact: true })).toBeVisible({ timeout: 120_000 });
	// The evidence's reason is the simulation's own sentence, read back in Chinese.
	await expect(page.getByTestId('key-log')).toContainText('L1 接受了 seq-1 针对 seq-0 的证据：已签署的批次头包含一笔签名无法恢复出任何签名者的交易');
	await expect(page.getByTestId('sim-clock')).toContainText('第 7 天');
	await expect(page.getByText(/^全部 [\d,]+ 笔交易都已结算。$/)).toBeVisible();
	expect(seen.errors).toEqual([]);
});
