/** A small XML well-formedness check for tests (no parser is among our dependencies): tags, attributes, entities. */

const NAME = /^[A-Za-z_][\w.:-]*$/;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

/** Why `xml` is not a well-formed document with one root element, or null if it is. */
export function xmlProblem(xml: string): string | null {
	const stack: string[] = [];
	let roots = 0;
	let at = 0;
	while (at < xml.length) {
		const lt = xml.indexOf('<', at);
		const text = xml.slice(at, lt === -1 ? xml.length : lt);
		const textProblem = charactersProblem(text);
		if (textProblem) return textProblem;
		if (!stack.length && text.trim()) return `text outside the root: ${text.trim().slice(0, 20)}`;
		if (lt === -1) break;
		if (xml.startsWith('<?', lt)) {
			const end = xml.indexOf('?>', lt);
			if (end === -1 || lt !== 0) return 'a bad XML declaration';
			at = end + 2;
		} else if (xml.startsWith('<!--', lt)) {
			const end = xml.indexOf('-->', lt);
			if (end === -1) return 'an unclosed comment';
			at = end + 3;
		} else {
			const end = tagEnd(xml, lt);
			if (end === -1) return 'an unclosed tag';
			const tag = xml.slice(lt + 1, end);
			at = end + 1;
			if (tag.startsWith('/')) {
				const name = tag.slice(1).trim();
				if (stack.pop() !== name) return `a stray </${name}>`;
				continue;
			}
			const selfClosing = tag.endsWith('/');
			const problem = tagProblem(selfClosing ? tag.slice(0, -1) : tag);
			if (problem) return problem;
			if (!stack.length && ++roots > 1) return 'more than one root element';
			if (!selfClosing) stack.push(tag.split(/\s/)[0]);
		}
	}
	if (stack.length) return `unclosed <${stack.at(-1)}>`;
	return roots === 1 ? null : 'no root element';
}

function tagEnd(xml: string, from: number): number {
	let quote = '';
	for (let i = from + 1; i < xml.length; i++) {
		const c = xml[i];
		if (quote) quote = c === quote ? '' : quote;
		else if (c === '"' || c === "'") quote = c;
		else if (c === '<') return -1;
		else if (c === '>') return i;
	}
	return -1;
}

function tagProblem(tag: string): string | null {
	const name = tag.split(/\s/)[0];
	if (!NAME.test(name)) return `a bad tag name: ${name}`;
	const rest = tag.slice(name.length);
	const seen = new Set<string>();
	const attr = /\s+([^\s=]+)\s*=\s*("[^"]*"|'[^']*')/y;
	let at = 0;
	while (at < rest.length) {
		attr.lastIndex = at;
		const hit = attr.exec(rest);
		if (!hit) {
			if (rest.slice(at).trim()) return `a bad attribute in <${name}>: ${rest.slice(at).trim().slice(0, 20)}`;
			break;
		}
		if (!NAME.test(hit[1])) return `a bad attribute name: ${hit[1]}`;
		if (seen.has(hit[1])) return `a repeated attribute: ${hit[1]}`;
		seen.add(hit[1]);
		const value = hit[2].slice(1, -1);
		if (value.includes('<')) return `a < in attribute ${hit[1]}`;
		const problem = charactersProblem(value);
		if (problem) return problem;
		at = attr.lastIndex;
	}
	return null;
}

function charactersProblem(text: string): string | null {
	if (text.includes(']]>')) return 'a stray ]]>';
	if (text.replace(ENTITY, '').includes('&')) return 'a bare &';
	return null;
}
