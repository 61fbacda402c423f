import { oneByte } from '$lib/latin1-html';

/**
 * Every string in the content's plain objects and arrays held one byte a character where it can be ($lib/latin1-html.ts):
 * titles, sections, questions and options are cut from files that mostly hold a curly quote somewhere, and would
 * otherwise make every page that shows one a two-byte string. Done once, when the content is read. Objects of other
 * kinds (a scenario's state machine, say) and frozen ones are left as they are.
 */
export function keepStringsOneByte<T>(value: T, seen = new Set<object>()): T {
	if (typeof value !== 'object' || value === null || seen.has(value)) return value;
	seen.add(value);
	const plain = Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype;
	if (!plain || Object.isFrozen(value)) return value;
	const record = value as Record<string, unknown>;
	for (const key of Object.keys(record)) {
		const item = record[key];
		if (typeof item === 'string') record[key] = oneByte(item);
		else keepStringsOneByte(item, seen);
	}
	return value;
}
