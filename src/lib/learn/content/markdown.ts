/**
 * The Markdown toolchain of the course (unified/remark with frontmatter, GFM and directives), used
 * at build time only: steps arrive in the browser as prerendered HTML and data.
 */
import type { Nodes as HastNodes, Root as HastRoot } from 'hast';
import type { Root, RootContent } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective);
const toHtml = unified().use(remarkRehype).use(rehypeStringify);

/** A Markdown file as its frontmatter (parsed YAML, or undefined) and its body's nodes. */
export function parseMarkdown(text: string): { front: unknown; body: RootContent[] } {
	const tree = parser.parse(text) as Root;
	const first = tree.children[0];
	const front = first?.type === 'yaml' ? parseYaml(first.value) : undefined;
	return { front, body: tree.children.filter((n) => n.type !== 'yaml') };
}

/** HTML for Markdown nodes (external links open in a new tab, and say so to a screen reader). */
export function nodesToHtml(nodes: RootContent[]): string {
	const hast = toHtml.runSync({ type: 'root', children: nodes }) as HastRoot;
	markExternalLinks(hast);
	return String(toHtml.stringify(hast)).trim();
}

/** HTML for the inline content of one paragraph, without the `<p>`. */
export function inlineHtml(nodes: RootContent[]): string {
	return nodesToHtml(nodes).replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}

function markExternalLinks(node: HastNodes): void {
	if (node.type === 'element' && node.tagName === 'a' && /^https?:/.test(String(node.properties.href ?? ''))) {
		node.properties.target = '_blank';
		node.properties.rel = ['noopener', 'noreferrer'];
	}
	if ('children' in node) for (const child of node.children) markExternalLinks(child as HastNodes);
}

/** The plain text of Markdown nodes (inline code left out: ids and formulas are not prose). */
export function plainText(nodes: RootContent[]): string {
	const parts: string[] = [];
	const walk = (n: RootContent): void => {
		if (n.type === 'text') parts.push(n.value);
		else if ('children' in n) for (const c of n.children) walk(c as RootContent);
		if (n.type === 'paragraph' || n.type === 'heading' || n.type === 'listItem') parts.push(' ');
	};
	nodes.forEach(walk);
	return parts.join('').replace(/\s+/g, ' ').trim();
}
