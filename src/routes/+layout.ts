/** Every page is prerendered: the site is static and works offline. */
export const prerender = true;
export const trailingSlash = 'never';
