// Serves the built app. ORIGIN defaults to http://localhost:PORT so that form posts work locally;
// set ORIGIN to the public https address in a real deployment.
import { existsSync } from 'node:fs';

const port = process.env.PORT ?? '3000';
process.env.PORT = port;
process.env.ORIGIN ??= `http://localhost:${port}`;
// Roster imports take CSV files of up to 5 MB; adapter-node's default limit on a request body is 512 KB.
process.env.BODY_SIZE_LIMIT ??= '6M';

if (!existsSync('build/index.js')) {
	console.error('No build found: run `npm run build` first.');
	process.exit(1);
}
await import(new URL('../build/index.js', import.meta.url).href);
console.log(`Crisis Care Academy is serving at ${process.env.ORIGIN}`);
