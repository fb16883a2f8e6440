/** Content files as one language reads them: each file's translation beside it (`index.zh-CN.md` for `index.md`) in its place, where there is one. */

/** The files with `locale`'s translations put in place of the files they translate (translations themselves left out). */
export function translated(files: Record<string, string>, locale: string): Record<string, string> {
	const suffix = `.${locale}.md`;
	const out: Record<string, string> = {};
	for (const [path, text] of Object.entries(files)) if (!/\.[a-z]{2}(-[A-Z]{2})?\.md$/.test(path)) out[path] = text;
	for (const [path, text] of Object.entries(files)) if (path.endsWith(suffix)) {
		const original = path.slice(0, -suffix.length) + '.md';
		if (original in out) out[original] = text;
	}
	return out;
}
