import { describe, expect, it } from 'vitest';
import { styleText } from './stageImage';
import { fileStem } from '$lib/player/saveFile';

const styles = (values: Record<string, string | undefined>) => (name: string) => values[name] ?? '';

describe('inlining the stage styles', () => {
	it.each([
		{
			name: 'the root writes every inherited property it has',
			own: { fill: 'rgb(0, 114, 178)', 'font-size': '14px', opacity: '1', display: 'inline', transform: 'none' },
			parent: null,
			style: 'fill:rgb(0, 114, 178);font-size:14px'
		},
		{
			name: 'a child writes only what differs from its parent',
			own: { fill: 'rgb(0, 114, 178)', stroke: 'rgb(213, 94, 0)', 'font-size': '14px', opacity: '0.5' },
			parent: { fill: 'rgb(0, 114, 178)', stroke: 'none', 'font-size': '14px' },
			style: 'stroke:rgb(213, 94, 0);opacity:0.5'
		},
		{
			name: 'a transform brings its origin and box along',
			own: { transform: 'matrix(1, 0, 0, 1, 10, 20)', 'transform-origin': '0px 0px', 'transform-box': 'view-box' },
			parent: {},
			style: 'transform:matrix(1, 0, 0, 1, 10, 20);transform-origin:0px 0px;transform-box:view-box'
		},
		{
			name: 'an origin without a transform is left out',
			own: { transform: 'none', 'transform-origin': '5px 5px', display: 'none' },
			parent: {},
			style: 'display:none'
		}
	])('$name', ({ own, parent, style }) => {
		expect(styleText(styles(own), parent && styles(parent))).toBe(style);
	});
});

describe('file names', () => {
	it.each([
		['demo', '1', 3_723_000, 'rollup-lab-demo-seed1-0d01h02m03s'],
		['quorum-loss', '42', 2 * 86_400_000 + 59_999, 'rollup-lab-quorum-loss-seed42-2d00h00m59s'],
		['x', 'a seed/with ../ odd chars', 0, 'rollup-lab-x-seeda_seed_with_odd_chars-0d00h00m00s']
	])('%s seed %s at %d ms', (scenario, seed, t, name) => {
		expect(fileStem(scenario, seed, t)).toBe(name);
	});
});
