/**
 * A step's body as blocks: prose runs between directives, `:::question{concept=…}` (a prompt and a
 * task list whose one `[x]` item is the right answer, each item followed by its explanation),
 * `:::try{goal=…}` (a task checked against the world's log) and `::calculator{name=…}`.
 */
import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type {} from 'mdast-util-directive';
import type { Block, Question } from '../lessonTypes';
import { inlineHtml, nodesToHtml, plainText } from './markdown';

/** What reading a body gives: its blocks, its prose as text, and its prose's word count. */
export interface ReadBody {
	/** The blocks in order. */
	blocks: Block[];
	/** Prose, try-it and question words as plain text. */
	text: string;
	/** Words of prose (questions not counted). */
	words: number;
}

const countWords = (text: string) => (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,-]*/gu) ?? []).length;

/** Reads a body; `idBase` names its questions (`lesson/step` or `pre-test`). Throws naming the file and the problem. */
export function readBody(nodes: RootContent[], file: string, idBase: string): ReadBody {
	const blocks: Block[] = [];
	const texts: string[] = [];
	let words = 0;
	let prose: RootContent[] = [];
	let questions = 0;
	const flush = () => {
		if (!prose.length) return;
		blocks.push({ kind: 'prose', html: nodesToHtml(prose) });
		const text = plainText(prose);
		texts.push(text);
		words += countWords(text);
		prose = [];
	};
	for (const node of nodes) {
		if (node.type === 'textDirective') throw new Error(`${file}: unknown inline directive :${node.name}`);
		if (node.type !== 'containerDirective' && node.type !== 'leafDirective') {
			prose.push(node);
			continue;
		}
		flush();
		const attrs = node.attributes ?? {};
		if (node.type === 'containerDirective' && node.name === 'question') {
			const question = readQuestion(node.children as RootContent[], `${idBase}#${questions++}`, attrs.concept ?? '', file);
			blocks.push({ kind: 'question', question });
			texts.push(plainText(node.children as RootContent[]));
		} else if (node.type === 'containerDirective' && node.name === 'try') {
			if (!attrs.goal) throw new Error(`${file}: :::try needs a goal, e.g. :::try{goal="respan"}`);
			blocks.push({ kind: 'try', goal: attrs.goal, html: nodesToHtml(node.children as RootContent[]) });
			const text = plainText(node.children as RootContent[]);
			texts.push(text);
			words += countWords(text);
		} else if (node.type === 'leafDirective' && node.name === 'calculator') {
			if (!attrs.name) throw new Error(`${file}: ::calculator needs a name, e.g. ::calculator{name="attack-cost"}`);
			blocks.push({ kind: 'calculator', name: attrs.name });
		} else throw new Error(`${file}: unknown block ${node.type === 'leafDirective' ? '::' : ':::'}${node.name}`);
	}
	flush();
	return { blocks, text: texts.join(' '), words };
}

/** A question's prompt and options; exactly one option is right and every wrong one explains itself. */
function readQuestion(children: RootContent[], id: string, concept: string, file: string): Question {
	const listAt = children.findIndex((c) => c.type === 'list');
	const list = children[listAt] as List | undefined;
	if (!list || listAt === 0) throw new Error(`${file}: question ${id} needs a prompt, then a list of options`);
	if (!concept) throw new Error(`${file}: question ${id} needs a concept, e.g. :::question{concept="quorum"}`);
	if (listAt !== children.length - 1) throw new Error(`${file}: question ${id}: nothing may follow its options`);
	const options = list.children.map((item: ListItem, n) => {
		const [first, ...rest] = splitFirstLine(item.children);
		if (item.checked === null || item.checked === undefined || first?.type !== 'paragraph') throw new Error(`${file}: question ${id}, option ${n + 1}: write options as "- [ ] wrong" or "- [x] right"`);
		return { html: inlineHtml([first]), right: item.checked, explanation: nodesToHtml(rest as RootContent[]) };
	});
	const right = options.filter((o) => o.right).length;
	if (right !== 1) throw new Error(`${file}: question ${id} has ${right} right answers; it needs exactly one`);
	if (options.length < 2) throw new Error(`${file}: question ${id} needs at least two options`);
	const unexplained = options.findIndex((o) => !o.right && !o.explanation);
	if (unexplained >= 0) throw new Error(`${file}: question ${id}, option ${unexplained + 1} is wrong but does not say why`);
	return { id, concept, prompt: nodesToHtml(children.slice(0, listAt)), options };
}

/** An option's first line is the option; what follows (on the next lines, or in more paragraphs) explains it. */
function splitFirstLine(children: ListItem['children']): ListItem['children'] {
	const [first, ...rest] = children;
	if (first?.type !== 'paragraph') return children;
	const at = first.children.findIndex((c) => c.type === 'text' && c.value.includes('\n'));
	if (at < 0) return children;
	const cut = first.children[at] as { type: 'text'; value: string };
	const nl = cut.value.indexOf('\n');
	const head: PhrasingContent[] = [...first.children.slice(0, at), { type: 'text', value: cut.value.slice(0, nl) }];
	const tail: PhrasingContent[] = [{ type: 'text', value: cut.value.slice(nl + 1) }, ...first.children.slice(at + 1)];
	const para = (c: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children: c });
	return [para(head), para(tail), ...rest];
}
