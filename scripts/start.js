// Serves the built app. ORIGIN defaults to http://localhost:PORT so that form posts work locally;
// set ORIGIN to the public https address in a real deployment.
//
// WEB_CONCURRENCY=N serves from N processes sharing the port (node:cluster), to use more than one core:
// SQLite in WAL mode lets them all read at once, writes wait their turn (busy_timeout), and every cache in
// a process checks the database for changes made by the others before use. Default 1.
import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const port = process.env.PORT ?? '3000';
process.env.PORT = port;
process.env.ORIGIN ??= `http://localhost:${port}`;
// Roster imports take CSV files of up to 5 MB; adapter-node's default limit on a request body is 512 KB.
process.env.BODY_SIZE_LIMIT ??= '6M';

const entry = new URL('../build/index.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
	console.error('No build found: run `npm run build` first.');
	process.exit(1);
}

const workers = Number(process.env.WEB_CONCURRENCY ?? '1');
if (!Number.isInteger(workers) || workers < 1) {
	console.error(`WEB_CONCURRENCY must be a whole number of processes, 1 or more (it is "${process.env.WEB_CONCURRENCY}").`);
	process.exit(1);
}

if (workers > 1 && cluster.isPrimary) {
	let stopping = false;
	const listening = new Set();
	// Workers run this file, not whatever script imported it (scripts/demo.ts seeds first, then imports it).
	cluster.setupPrimary({ exec: fileURLToPath(import.meta.url) });
	cluster.on('listening', (worker) => listening.add(worker.id));
	// The first process applies any migrations and brings the dashboard figures up to date before the others
	// open the database, so that they never race to do it.
	cluster.fork().once('listening', () => {
		for (let i = 1; i < workers; i++) cluster.fork();
		console.log(`Crisis Care Academy is serving at ${process.env.ORIGIN} from ${workers} processes`);
	});
	cluster.on('exit', (worker, code, signal) => {
		if (stopping) {
			if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
			return;
		}
		if (!listening.has(worker.id)) {
			// It failed while starting (a bad database path, a failed migration): another would fail the same way.
			console.error(`A server process failed to start (${signal ?? code}); stopping.`);
			process.exit(1);
		}
		console.error(`Server process ${worker.process.pid} stopped (${signal ?? code}); starting another.`);
		cluster.fork();
	});
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.on(signal, () => {
			stopping = true;
			for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
		});
	}
} else {
	// adapter-node stops gracefully on SIGTERM and lets the process end when nothing is left to do; a worker's
	// channel to the primary would keep it alive, so it is closed once the server has finished.
	if (cluster.isWorker) process.on('sveltekit:shutdown', () => process.disconnect());
	await import(entry.href);
	if (cluster.isPrimary) console.log(`Crisis Care Academy is serving at ${process.env.ORIGIN}`);
}
