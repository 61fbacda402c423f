import parsePrometheusTextFormat, { type PrometheusFamily, type PrometheusSample } from 'parse-prometheus-text-format';

/** Parses Prometheus text format with a real parser, and fails on a family listed twice (an invalid exposition). */
export function parseMetrics(text: string): Map<string, PrometheusFamily> {
	const families = parsePrometheusTextFormat(text);
	const byName = new Map<string, PrometheusFamily>();
	for (const family of families) {
		if (byName.has(family.name)) throw new Error(`metric family ${family.name} appears twice`);
		byName.set(family.name, family);
	}
	return byName;
}

/** The one sample of `name` whose labels include all of `labels`; undefined when there is none. */
export function sampleOf(metrics: Map<string, PrometheusFamily>, name: string, labels: Record<string, string> = {}): PrometheusSample | undefined {
	return metrics.get(name)?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
}
