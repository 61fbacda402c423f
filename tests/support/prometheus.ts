import parsePrometheusTextFormat, { type PrometheusFamily, type PrometheusSample } from 'parse-prometheus-text-format';

export type ParsedMetrics = {
	/** Every family by name, with its type, as the parser reads the exposition. */
	families: Map<string, PrometheusFamily>;
	/** The one series named exactly `name` (a histogram's `x_count`, a counter's `x_total`) whose labels include `labels`. */
	series: (name: string, labels?: Record<string, string>) => number | undefined;
};

/**
 * Parses Prometheus text format with parse-prometheus-text-format, which throws on a line it cannot read, and fails
 * on a family listed twice. That parser folds a histogram's series into one whatever their labels, so to read one
 * series of a labelled histogram or summary the text is parsed a second time with those families declared untyped:
 * each `_bucket`, `_sum` and `_count` series then stands as its own sample.
 */
export function parseMetrics(text: string): ParsedMetrics {
	const families = new Map<string, PrometheusFamily>();
	for (const family of parsePrometheusTextFormat(text)) {
		if (families.has(family.name)) throw new Error(`metric family ${family.name} appears twice`);
		families.set(family.name, family);
	}
	const samples = new Map<string, PrometheusSample[]>();
	for (const family of parsePrometheusTextFormat(text.replace(/^# TYPE (\S+) (?:histogram|summary)$/gm, '# TYPE $1 untyped'))) {
		samples.set(family.name, [...(samples.get(family.name) ?? []), ...family.metrics]);
	}
	return {
		families,
		series(name, labels = {}) {
			const matching = (samples.get(name) ?? []).filter((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
			if (matching.length > 1) throw new Error(`${matching.length} series of ${name} match ${JSON.stringify(labels)}`);
			return matching.length ? Number(matching[0].value) : undefined;
		}
	};
}
