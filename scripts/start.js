// Serves the built app. ORIGIN defaults to http://localhost:PORT so that form posts work locally;
// set ORIGIN to the public https address in a real deployment.
//
// WEB_CONCURRENCY=N serves from N processes sharing the port (node:cluster), to use more than one core:
// SQLite in WAL mode lets them all read at once, writes wait their turn (busy_timeout), and every cache in
// a process checks the database for changes made by the others before use. Default 1.
//
// Logs are JSON lines on stdout (pino, LOG_LEVEL); only a refusal to start is plain text on stderr.
// With several processes, /metrics is added up here in the primary (see src/lib/server/ops/metrics.ts).
import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pino from 'pino';

const port = process.env.PORT ?? '3000';
process.env.PORT = port;
process.env.ORIGIN ??= `http://localhost:${port}`;
// Roster imports take CSV files, and prior learning claims certificates, of up to 5 MB; adapter-node's default limit on a
// request body is 512 KB.
process.env.BODY_SIZE_LIMIT ??= '6M';

const entry = new URL('../build/index.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
	console.error('No build found: run `npm run build` first.');
	process.exit(1);
}

// The same levels and line format as the server's own logger (src/lib/server/ops/logger.ts).
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const level = (process.env.LOG_LEVEL ?? '').trim().toLowerCase() || 'info';
if (!LOG_LEVELS.includes(level)) {
	console.error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (it is "${process.env.LOG_LEVEL}").`);
	process.exit(1);
}
const log = pino({ level, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } });

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
	let announced = false;
	cluster.on('listening', (worker) => {
		listening.add(worker.id);
		if (announced || listening.size < workers) return;
		announced = true;
		log.info({ origin: process.env.ORIGIN, processes: workers }, `Crisis Care Academy is serving at ${process.env.ORIGIN} from ${workers} processes`);
	});
	// /metrics for the whole server: the worker that is scraped asks here; prom-client's AggregatorRegistry asks
	// every worker for its numbers and adds them up. The message names match src/lib/server/ops/metrics.ts.
	process.env.ACADEMY_METRICS_FROM_PRIMARY = '1';
	const { AggregatorRegistry } = await import('prom-client');
	const aggregator = new AggregatorRegistry();
	cluster.on('message', async (worker, message) => {
		if (message?.type !== 'academy:metrics-request') return;
		let answer;
		try {
			answer = { text: await aggregator.clusterMetrics(), contentType: aggregator.contentType };
		} catch (error) {
			log.warn({ err: error }, 'could not gather the metrics from every server process');
			answer = { error: error instanceof Error ? error.message : String(error) };
		}
		if (worker.isConnected()) worker.send({ type: 'academy:metrics-response', id: message.id, ...answer });
	});
	// The first process applies any migrations and brings the dashboard figures up to date before the others
	// open the database, so that they never race to do it.
	cluster.fork().once('listening', () => {
		for (let i = 1; i < workers; i++) cluster.fork();
	});
	cluster.on('exit', (worker, code, signal) => {
		if (stopping) {
			if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
			return;
		}
		if (!listening.has(worker.id)) {
			// It failed while starting (a bad database path, a failed migration): another would fail the same way.
			log.fatal({ pid: worker.process.pid, exit: signal ?? code }, `A server process failed to start (${signal ?? code}); stopping.`);
			process.exit(1);
		}
		log.error({ worker: worker.process.pid, exit: signal ?? code }, `Server process ${worker.process.pid} stopped (${signal ?? code}); starting another.`);
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
	// channel to the primary would keep it alive, so it is closed once the server has finished. worker.disconnect()
	// rather than process.disconnect(): the latter makes node:cluster exit the worker at once, before the background
	// work stopping on the same event (the periodic work, the mail sender, the database) has finished.
	if (cluster.isWorker) process.on('sveltekit:shutdown', () => cluster.worker?.disconnect());
	await import(entry.href);
	if (cluster.isPrimary) log.info({ origin: process.env.ORIGIN }, `Crisis Care Academy is serving at ${process.env.ORIGIN}`);
}
