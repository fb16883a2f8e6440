/** Colours for the badge: the tiers' metals and the Okabe–Ito palette the lesson ring and pattern draw on. */
import type { Tier } from './badgeInput';

/** A metal as three shades, lightest first, for the rim's gradient and its edge. */
export interface Metal {
	/** The highlight. */
	light: string;
	/** The body. */
	mid: string;
	/** The shadow and edge. */
	dark: string;
}

/** The rim of each tier. The tiers also differ by their number of rim stars and their word, not only by colour. */
export const METALS: Record<Tier, Metal> = {
	bronze: { light: '#f1b98a', mid: '#b8733a', dark: '#5e3212' },
	silver: { light: '#ffffff', mid: '#bcc3cd', dark: '#59626f' },
	gold: { light: '#fff3a6', mid: '#e6b422', dark: '#7a5600' }
};

/** How many stars sit on the rim: one for bronze, two for silver, three for gold. */
export const RIM_STARS: Record<Tier, number> = { bronze: 1, silver: 2, gold: 3 };

/** Okabe–Ito colours (black left out: the badge's field is dark). */
export const OKABE_ITO = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7'] as const;

/** The badge's field behind the ring and pattern. */
export const FIELD = '#141c2a';
