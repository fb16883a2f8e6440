// Serves the sample host page (examples/host.html) on its own origin, to try an embedded module:
// `npm run host` → http://127.0.0.1:4174 embeds the site served by `npm start` on :4173.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const page = fileURLToPath(new URL('../examples/host.html', import.meta.url));

/**
 * Starts a server for the sample host page on 127.0.0.1:`port` (0: any free port); resolves to its origin and a close function.
 * @param {number} [port]
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export async function startHost(port = 0) {
	const html = await readFile(page);
	const server = createServer((req, res) => {
		if (req.method !== 'GET' || new URL(req.url ?? '/', 'http://host').pathname !== '/') {
			res.writeHead(404).end();
			return;
		}
		res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(html);
	});
	await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	return { origin: `http://127.0.0.1:${address.port}`, close: () => new Promise((resolve) => server.close(() => resolve()) ) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const { origin } = await startHost(Number(process.env.PORT ?? 4174));
	console.log(`Sample host page: ${origin} (embeds http://127.0.0.1:4173; start the site with npm start)`);
}
