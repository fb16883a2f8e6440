/** A worker has no page URL to read its language from: the page names it in the worker's name (`simulation zh-CN`), and the messages follow it. */
import { baseLocale, isLocale, overwriteGetLocale } from '$lib/paraglide/runtime';

const named = typeof self === 'undefined' ? '' : (self.name.split(' ')[1] ?? '');
const locale = isLocale(named) ? named : baseLocale;
overwriteGetLocale(() => locale);
