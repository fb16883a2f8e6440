/** The badge in words: its title, what it shows (title, desc and alt text), and the words drawn on it. */
import { m } from '$lib/paraglide/messages.js';
import type { BadgeFacts, Tier } from './badgeInput';

/** The tier's name, e.g. "Gold". */
export function tierName(tier: Tier): string {
	return tier === 'gold' ? m.badge_tier_gold() : tier === 'silver' ? m.badge_tier_silver() : m.badge_tier_bronze();
}

/** A signed whole number, e.g. "+3", "0", "−2" (a true minus sign). */
export function signed(n: number): string {
	return n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : '0';
}

/** The badge's words: a title, a one-line summary (also the alt text) and a description of the drawing. */
export interface BadgeWords {
	/** E.g. "Rollup Lab Gold badge". */
	title: string;
	/** E.g. "Rollup Lab Gold badge: 9 of 12 lessons, 3 missions, 1240 points, test gain +3". */
	summary: string;
	/** The summary, then how the drawing shows it. */
	description: string;
}

/** The words for these facts. */
export function badgeWords(facts: BadgeFacts): BadgeWords {
	const title = m.badge_title({ tier: tierName(facts.tier) });
	const lessons = m.badge_lessons({ done: facts.lessonCount, total: facts.courseSize });
	const n = facts.missions.length;
	const missions = n === 1 ? m.badge_missions_one() : m.badge_missions_other({ count: n });
	const points = facts.points === 1 ? m.badge_points_one() : m.badge_points_other({ count: facts.points });
	const summary =
		facts.gain === null
			? m.badge_summary({ title, lessons, missions, points })
			: m.badge_summary_gain({ title, lessons, missions, points, gain: m.badge_gain({ gain: signed(facts.gain) }) });
	const drawing = m.badge_drawing({ tier: tierName(facts.tier).toLowerCase(), total: facts.courseSize, done: facts.lessonCount, missions });
	return { title, summary, description: `${summary}. ${drawing}` };
}
