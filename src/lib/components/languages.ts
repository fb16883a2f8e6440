/** The site's languages, each named in itself (as a language switch shows it). */
import type { Locale } from '$lib/paraglide/runtime';

/** Each locale's own name for itself. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' } as Record<Locale, string>;
