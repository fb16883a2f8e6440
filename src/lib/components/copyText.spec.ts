import { describe, expect, it } from 'vitest';
import { copyText } from './copyText';

/** A document just big enough for the fallback: a text area, a body, and `execCommand`. */
function fakeDoc(copies: boolean) {
	const appended: unknown[] = [];
	const area = { value: '', style: {} as Record<string, string>, setAttribute() {}, select() {}, remove() {} };
	const doc = { activeElement: null, body: { append: (x: unknown) => appended.push(x) }, createElement: () => area, execCommand: () => copies };
	return { doc: doc as unknown as Document, area, appended };
}
const nav = (writeText?: (t: string) => Promise<void>) => ({ clipboard: writeText ? { writeText } : undefined }) as unknown as Navigator;

describe('copyText', () => {
	it('uses the Clipboard API when it works', async () => {
		let got = '';
		const { doc, appended } = fakeDoc(false);
		expect(await copyText('https://x/sandbox?seed=1', doc, nav(async (t) => void (got = t)))).toEqual({ ok: true });
		expect(got).toBe('https://x/sandbox?seed=1');
		expect(appended).toEqual([]);
	});
	it('falls back to a hidden text area when the API refuses', async () => {
		const { doc, area } = fakeDoc(true);
		expect(await copyText('link', doc, nav(() => Promise.reject(new Error('denied'))))).toEqual({ ok: true });
		expect(area.value).toBe('link');
	});
	it.each([
		['the API refuses and the fallback fails', nav(() => Promise.reject(new Error('denied'))), 'the browser refused: denied'],
		['there is no API and the fallback fails', nav(), 'this browser does not allow copying from the page']
	])('says why when %s', async (_, n, error) => {
		expect(await copyText('link', fakeDoc(false).doc, n)).toEqual({ ok: false, error });
	});
});
