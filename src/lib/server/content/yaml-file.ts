import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';

/**
 * A YAML file under content/ read against its schema: its data, or an error (made by `fail`, the reader's own kind)
 * naming the file and, one per line, each field at fault.
 */
export function readYamlFile<S extends z.ZodType>(path: string, source: string, schema: S, fail: (message: string) => Error): z.output<S> {
	let data: unknown;
	try {
		data = parseYaml(source);
	} catch (e) {
		throw fail(`${path}: not valid YAML: ${(e as Error).message}`);
	}
	const parsed = schema.safeParse(data);
	if (!parsed.success) throw fail(parsed.error.issues.map((i) => `${path}: field "${i.path.join('.')}" ${i.message}`).join('\n'));
	return parsed.data;
}
