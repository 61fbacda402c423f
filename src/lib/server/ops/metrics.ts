import cluster from 'node:cluster';
import {
	AggregatorRegistry,
	collectDefaultMetrics,
	Counter,
	Gauge,
	Histogram,
	register,
	type CounterConfiguration,
	type GaugeConfiguration,
	type HistogramConfiguration
} from 'prom-client';
import { logger } from './logger';

/**
 * The one registry /metrics exports: prom-client's global registry, so a metric any area creates with
 * `counter(...)`, `gauge(...)` or `histogram(...)` below (or with prom-client's own constructors and no
 * `registers` option) is exported. Name new metrics `academy_<area>_<what>_<unit>`.
 */
export const metricsRegistry = register;

// Get-or-create: a module evaluated twice (vite dev reloads, test files sharing a process) reuses the metric
// rather than failing on a name registered already.
export function counter<T extends string>(config: CounterConfiguration<T>): Counter<T> {
	return (metricsRegistry.getSingleMetric(config.name) as Counter<T> | undefined) ?? new Counter(config);
}
export function gauge<T extends string>(config: GaugeConfiguration<T>): Gauge<T> {
	return (metricsRegistry.getSingleMetric(config.name) as Gauge<T> | undefined) ?? new Gauge(config);
}
export function histogram<T extends string>(config: HistogramConfiguration<T>): Histogram<T> {
	return (metricsRegistry.getSingleMetric(config.name) as Histogram<T> | undefined) ?? new Histogram(config);
}

// Memory, CPU, event-loop delay, handles, garbage collection: prom-client's standard process metrics.
if (!metricsRegistry.getSingleMetric('process_cpu_seconds_total')) collectDefaultMetrics({ register: metricsRegistry });

/**
 * With several processes (WEB_CONCURRENCY, node:cluster in scripts/start.js) each worker counts only the requests
 * it served, and a scrape reaches whichever worker the connection lands on. So scripts/start.js sets this in the
 * workers' environment and aggregates in the primary: the worker that is scraped asks the primary, which asks
 * every worker for its numbers (prom-client's AggregatorRegistry) and adds them up. Counters and histograms are
 * summed; each gauge says how it is combined (`aggregator`). These names are repeated in scripts/start.js.
 */
export const AGGREGATED_ENV = 'ACADEMY_METRICS_FROM_PRIMARY';
export const METRICS_REQUEST = 'academy:metrics-request';
export const METRICS_RESPONSE = 'academy:metrics-response';
const PRIMARY_TIMEOUT_MS = 10_000;

type PrimaryAnswer = { type: typeof METRICS_RESPONSE; id: number; text?: string; contentType?: string; error?: string };
const pending = new Map<number, (answer: PrimaryAnswer) => void>();
let nextId = 0;

const aggregated = cluster.isWorker && process.env[AGGREGATED_ENV] === '1' && typeof process.send === 'function';
if (aggregated) {
	// Constructing it makes this worker answer the primary's requests for its numbers.
	new AggregatorRegistry();
	process.on('message', (message: PrimaryAnswer) => {
		if (message?.type === METRICS_RESPONSE) pending.get(message.id)?.(message);
	});
}

function askPrimary(): Promise<{ contentType: string; text: string }> {
	const id = nextId++;
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			pending.delete(id);
			reject(new Error('the primary process did not send the metrics in time'));
		}, PRIMARY_TIMEOUT_MS);
		pending.set(id, (answer) => {
			clearTimeout(timer);
			pending.delete(id);
			if (answer.error !== undefined || answer.text === undefined) reject(new Error(`the primary process could not gather the metrics: ${answer.error}`));
			else resolve({ contentType: answer.contentType ?? metricsRegistry.contentType, text: answer.text });
		});
		process.send!({ type: METRICS_REQUEST, id });
	});
}

/**
 * The metrics in Prometheus text format: every process's, added up, when served by scripts/start.js with several.
 * Null (logged) when they cannot be gathered, say while a process is starting and does not answer the primary yet.
 */
export async function scrapeMetrics(): Promise<{ contentType: string; text: string } | null> {
	try {
		if (aggregated) return await askPrimary();
		return { contentType: metricsRegistry.contentType, text: await metricsRegistry.metrics() };
	} catch (error) {
		logger.warn({ err: error }, 'could not gather the metrics');
		return null;
	}
}
