/** Driving the sandbox's World menu: its buttons, the files it saves, and Import world. */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';

/** Opens the World menu and presses one of its buttons. */
export async function worldMenu(page: Page, item: string) {
	const toggle = page.getByRole('button', { name: 'World', exact: true });
	if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
	await page.getByRole('button', { name: item }).click();
}

/** Presses a World menu button that saves a file; returns its suggested name, path and bytes. */
export async function download(page: Page, item: string) {
	const [file] = await Promise.all([page.waitForEvent('download'), worldMenu(page, item)]);
	const path = await file.path();
	return { name: file.suggestedFilename(), path, bytes: await readFile(path) };
}

/** Imports a world file through the menu: a path on disk, or JSON built in the test. */
export async function importWorld(page: Page, file: string | { name: string; json: unknown }) {
	const [chooser] = await Promise.all([page.waitForEvent('filechooser'), worldMenu(page, 'Import world')]);
	if (typeof file === 'string') await chooser.setFiles(file);
	else await chooser.setFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file.json)) });
}
