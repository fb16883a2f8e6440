/**
 * The learner's badge as a standalone SVG document, drawn from their achievements: the tier's metal
 * as the rim, a ring of pieces (one per lesson, filled when done), a star per mission, and a
 * rosette seeded from a hash of it all. Pure: the same progress gives byte-identical SVG.
 */
import { badgeFacts, COURSE_LESSONS, type BadgeFacts, type BadgeInput } from './badgeInput';
import { METALS, RIM_STARS, OKABE_ITO, FIELD } from './badgeMetal';
import { badgeSeed, type BadgeSeed } from './badgeSeed';
import { escapeXml, num, petalPath, polar, ringPiece, starPath } from './badgeShapes';
import { badgeWords, signed, tierName } from './badgeWords';
import { m } from '$lib/paraglide/messages.js';

export { COURSE_LESSONS, TIERS, badgeFacts, type BadgeInput, type BadgeFacts, type Tier } from './badgeInput';
export { badgeWords, type BadgeWords } from './badgeWords';

/** The badge's drawing size in SVG units (and its default width and height in pixels). */
export const BADGE_SIZE = 512;

const C = BADGE_SIZE / 2;
/** Mission stars drawn at most; the words still give the full count. */
const MAX_STARS = 24;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";

/** Options for drawing a badge. */
export interface BadgeOptions {
	/** The course's lessons in order; the twelve of Rollup Lab when omitted. */
	course?: readonly string[];
	/** Width and height in pixels written on the document. */
	size?: number;
}

/** The badge for `input` as a complete SVG document (with a title and a description in words). */
export function badgeSvg(input: BadgeInput, options: BadgeOptions = {}): string {
	const facts = badgeFacts(input, options.course ?? COURSE_LESSONS);
	const seed = badgeSeed(facts);
	const words = badgeWords(facts);
	const size = options.size ?? BADGE_SIZE;
	const palette = rotated(OKABE_ITO, seed.int(OKABE_ITO.length));
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${BADGE_SIZE} ${BADGE_SIZE}" width="${size}" height="${size}" role="img" aria-labelledby="badge-title badge-desc">`,
		`<title id="badge-title">${escapeXml(words.summary)}</title>`,
		`<desc id="badge-desc">${escapeXml(words.description)}</desc>`,
		defs(facts),
		`<circle cx="${C}" cy="${C}" r="250" fill="${FIELD}"/>`,
		rosette(seed, palette),
		lessonRing(facts, palette),
		missionStars(facts),
		rim(facts),
		centre(facts),
		'</svg>',
		''
	].join('\n');
}

function rotated<T>(list: readonly T[], by: number): T[] {
	return [...list.slice(by), ...list.slice(0, by)];
}

function defs(facts: BadgeFacts): string {
	const metal = METALS[facts.tier];
	return (
		`<defs><linearGradient id="metal" x1="0" y1="0" x2="1" y2="1">` +
		`<stop offset="0" stop-color="${metal.light}"/><stop offset="0.45" stop-color="${metal.mid}"/>` +
		`<stop offset="0.7" stop-color="${metal.light}"/><stop offset="1" stop-color="${metal.dark}"/></linearGradient>` +
		`<radialGradient id="plate"><stop offset="0.72" stop-color="${FIELD}" stop-opacity="0.9"/><stop offset="1" stop-color="${FIELD}" stop-opacity="0"/></radialGradient></defs>`
	);
}

/** The seeded pattern: two layers of petals with a fold of 5 to 9, behind the centre's words. */
function rosette(seed: BadgeSeed, palette: string[]): string {
	const fold = 5 + seed.int(5);
	const turn = seed.unit() / fold;
	const outer = { length: 160 + seed.int(12), width: 40 + seed.int(24) };
	const inner = { length: 132 + seed.int(22), width: 30 + seed.int(20) };
	const out: string[] = [`<g opacity="0.9" stroke="${FIELD}" stroke-width="1.5">`];
	for (let i = 0; i < fold; i++) {
		const t = turn + i / fold;
		out.push(`<path d="${petalPath({ cx: C, cy: C, from: 20, ...outer, turn: t })}" fill="${palette[1]}"/>`);
	}
	for (let i = 0; i < fold; i++) {
		const t = turn + (i + 0.5) / fold;
		out.push(`<path d="${petalPath({ cx: C, cy: C, from: 20, ...inner, turn: t })}" fill="${palette[2]}"/>`);
	}
	out.push(`</g>`, `<circle cx="${C}" cy="${C}" r="138" fill="url(#plate)"/>`);
	return out.join('');
}

/** One piece per lesson from the top, clockwise: filled and numbered when done, a dashed outline when not. */
function lessonRing(facts: BadgeFacts, palette: string[]): string {
	const n = facts.courseSize;
	const gap = 0.006;
	const out: string[] = [];
	facts.done.forEach((done, i) => {
		const d = ringPiece({ cx: C, cy: C, inner: 176, outer: 220, from: i / n + gap, to: (i + 1) / n - gap });
		const [x, y] = polar(C, C, 198, (i + 0.5) / n);
		out.push(
			done
				? `<path class="lesson done" d="${d}" fill="${palette[i % palette.length]}" stroke="${FIELD}" stroke-width="1.5"/>` +
						`<text x="${num(x)}" y="${num(y)}" fill="${FIELD}" font-size="19" font-weight="800" text-anchor="middle" dominant-baseline="central">${i + 1}</text>`
				: `<path class="lesson todo" d="${d}" fill="#ffffff" fill-opacity="0.06" stroke="#ffffff" stroke-opacity="0.45" stroke-width="2" stroke-dasharray="5 4"/>` +
						`<text x="${num(x)}" y="${num(y)}" fill="#ffffff" fill-opacity="0.45" font-size="17" font-weight="600" text-anchor="middle" dominant-baseline="central">${i + 1}</text>`
		);
	});
	return `<g font-family="${FONT}">${out.join('')}</g>`;
}

/** A star per mission, spreading both ways from the bottom of the badge. */
function missionStars(facts: BadgeFacts): string {
	const n = Math.min(facts.missions.length, MAX_STARS);
	const out: string[] = [];
	for (let i = 0; i < n; i++) {
		const t = 0.5 + (i - (n - 1) / 2) / MAX_STARS;
		const [x, y] = polar(C, C, 154, t);
		out.push(`<path class="mission" d="${starPath({ cx: x, cy: y, outer: 11, inner: 4.6, points: 5, turn: t })}" fill="${OKABE_ITO[3]}" stroke="${FIELD}" stroke-width="1.2"/>`);
	}
	return out.join('');
}

/** The tier's metal as the rim, with one, two or three stars on it at the top. */
function rim(facts: BadgeFacts): string {
	const metal = METALS[facts.tier];
	const stars = RIM_STARS[facts.tier];
	const out = [
		`<circle cx="${C}" cy="${C}" r="238" fill="none" stroke="url(#metal)" stroke-width="22"/>`,
		`<circle cx="${C}" cy="${C}" r="249" fill="none" stroke="${metal.dark}" stroke-width="2"/>`,
		`<circle cx="${C}" cy="${C}" r="227" fill="none" stroke="${metal.dark}" stroke-width="2"/>`
	];
	for (let i = 0; i < stars; i++) {
		const [x, y] = polar(C, C, 238, (i - (stars - 1) / 2) * 0.045);
		out.push(`<path class="tier" d="${starPath({ cx: x, cy: y, outer: 10, inner: 4.2, points: 5, turn: (i - (stars - 1) / 2) * 0.045 })}" fill="${metal.dark}"/>`);
	}
	return out.join('');
}

/** The words in the middle: the course's name, the tier, the points and, if both tests were taken, the gain. */
function centre(facts: BadgeFacts): string {
	const metal = METALS[facts.tier];
	const word = tierName(facts.tier).toUpperCase();
	const lines = [
		`<text x="${C}" y="196" fill="#ffffff" font-size="20" font-weight="700" letter-spacing="3">${escapeXml(m.badge_brand().toUpperCase())}</text>`,
		`<text x="${C}" y="252" fill="${metal.light}" stroke="${metal.dark}" stroke-width="1" font-size="${word.length > 5 ? 46 : 54}" font-weight="900" letter-spacing="2">${escapeXml(word)}</text>`,
		`<text x="${C}" y="300" fill="#ffffff" font-size="34" font-weight="800">${facts.points}<tspan font-size="18" font-weight="600" dx="6">${escapeXml(m.badge_points_label())}</tspan></text>`
	];
	if (facts.gain !== null) {
		lines.push(`<text x="${C}" y="334" fill="${OKABE_ITO[1]}" font-size="19" font-weight="700">${escapeXml(m.badge_gain({ gain: signed(facts.gain) }))}</text>`);
	}
	return `<g font-family="${FONT}" text-anchor="middle" dominant-baseline="alphabetic">${lines.join('')}</g>`;
}
