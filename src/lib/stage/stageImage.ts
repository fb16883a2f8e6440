/**
 * The stage as a picture for slides: the SVG scene with every computed style (CSS variables
 * resolved) written onto its elements, so the file looks the same on its own; and a PNG drawn from
 * it at twice its size with the transaction particles on top. Everything stays in the browser.
 */
import { saveBlob } from '$lib/player/saveFile';
import { svgPng } from './svgPng';
import { m } from '$lib/paraglide/messages.js';

/** Presentation properties that children inherit: written only where they differ from the parent. */
const INHERITED = [
	'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-dashoffset',
	'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'paint-order', 'color', 'font-family', 'font-size', 'font-weight',
	'font-style', 'letter-spacing', 'text-anchor', 'dominant-baseline', 'visibility', 'marker-start', 'marker-mid', 'marker-end'
];

/** Properties that do not inherit, with the value that needs no writing. */
const OWN: Record<string, string> = {
	opacity: '1',
	display: 'inline',
	transform: 'none',
	'transform-origin': '',
	'transform-box': '',
	filter: 'none',
	'clip-path': 'none',
	mask: 'none',
	'mix-blend-mode': 'normal',
	'vector-effect': 'none'
};

/** Reads one computed property. */
export type StyleOf = (name: string) => string;

/**
 * The style attribute an element needs to look as it does on the page: inherited properties that
 * differ from its parent's (all of them on the root), and its own properties that are not the default.
 */
export function styleText(own: StyleOf, parent: StyleOf | null): string {
	const out: string[] = [];
	for (const name of INHERITED) {
		const value = own(name);
		if (value && (!parent || parent(name) !== value)) out.push(`${name}:${value}`);
	}
	const transformed = own('transform') !== 'none' && own('transform') !== '';
	for (const [name, idle] of Object.entries(OWN)) {
		const value = own(name);
		if (!value || value === idle) continue;
		if ((name === 'transform-origin' || name === 'transform-box') && !transformed) continue;
		out.push(`${name}:${value}`);
	}
	return out.join(';');
}

/** The scene as standalone SVG text; `particles` (the canvas over it) is embedded as an image on top. */
export function stageSvgText(svg: SVGSVGElement, particles?: HTMLCanvasElement | null): string {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	inline(svg, clone, null);
	const box = svg.viewBox.baseVal;
	const width = box?.width || svg.clientWidth;
	const height = box?.height || svg.clientHeight;
	clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	clone.setAttribute('width', String(width));
	clone.setAttribute('height', String(height));
	for (const name of ['role', 'aria-label', 'class']) clone.removeAttribute(name);
	const backdrop = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
	for (const [k, v] of Object.entries({ x: box?.x ?? 0, y: box?.y ?? 0, width, height, fill: backgroundOf(svg) })) backdrop.setAttribute(k, String(v));
	clone.insertBefore(backdrop, clone.firstChild);
	if (particles && particles.width > 0 && particles.height > 0) {
		const image = document.createElementNS('http://www.w3.org/2000/svg', 'image');
		for (const [k, v] of Object.entries({ x: box?.x ?? 0, y: box?.y ?? 0, width, height, preserveAspectRatio: 'none', href: particles.toDataURL('image/png') })) image.setAttribute(k, String(v));
		clone.appendChild(image);
	}
	return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
}

/** The scene and its particles as a PNG at `scale` times the scene's own size. */
export async function stagePngBlob(svg: SVGSVGElement, particles?: HTMLCanvasElement | null, scale = 2): Promise<Blob> {
	const text = stageSvgText(svg);
	const box = svg.viewBox.baseVal;
	const width = Math.round((box?.width || svg.clientWidth) * scale);
	const height = Math.round((box?.height || svg.clientHeight) * scale);
	return svgPng(text, width, height, (ctx) => {
		if (particles && particles.width > 0 && particles.height > 0) ctx.drawImage(particles, 0, 0, width, height);
	});
}

function inline(source: Element, target: Element, parent: CSSStyleDeclaration | null): void {
	const style = getComputedStyle(source);
	const text = styleText((n) => style.getPropertyValue(n), parent && ((n) => parent.getPropertyValue(n)));
	if (text) target.setAttribute('style', text);
	else target.removeAttribute('style');
	// Presentation attributes such as fill="var(--card)" mean nothing on their own; the style above has their values.
	for (const attr of [...target.attributes]) if (attr.value.includes('var(')) target.removeAttribute(attr.name);
	for (let i = 0; i < source.children.length; i++) inline(source.children[i], target.children[i], style);
}

function backgroundOf(el: Element): string {
	for (let node: Element | null = el; node; node = node.parentElement) {
		const bg = getComputedStyle(node).backgroundColor;
		if (bg && bg !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(bg)) return bg;
	}
	return '#ffffff';
}

/** Downloads the stage inside `box` (its SVG scene and particle canvas) as SVG or PNG; returns the file name. */
export async function downloadStage(box: HTMLElement, kind: 'svg' | 'png', stem: string): Promise<string> {
	const svg = box.querySelector<SVGSVGElement>('svg.scene');
	if (!svg) throw new Error(m.ui_picture_no_stage());
	const particles = box.querySelector('canvas');
	const name = `${stem}.${kind}`;
	const blob = kind === 'svg' ? new Blob([stageSvgText(svg, particles)], { type: 'image/svg+xml' }) : await stagePngBlob(svg, particles, 2);
	saveBlob(blob, name);
	return name;
}
