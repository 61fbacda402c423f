import type { z } from 'zod';

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;
export type Parsed<T> = { ok: true; data: T; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues };

/** Longest text any field accepts before the schema's own limits; bigger posts are refused outright. */
const MAX_FIELD = 10_000;

/**
 * Reads a form into plain strings (a repeated field keeps its first value, files are ignored),
 * validates it with a zod schema and returns one message per field for the error summary.
 */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData): Parsed<z.infer<S>> {
	const values: FormValues = {};
	for (const [key, value] of form.entries()) {
		if (typeof value !== 'string' || key in values) continue;
		values[key] = value.length > MAX_FIELD ? value.slice(0, MAX_FIELD) : value;
	}
	const result = schema.safeParse(values);
	if (result.success) return { ok: true, data: result.data, values };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message;
	}
	return { ok: false, errors, values: redact(values) };
}

/** Values echoed back to the form; passwords never are. */
function redact(values: FormValues): FormValues {
	const out: FormValues = {};
	for (const [k, v] of Object.entries(values)) if (!/password/i.test(k)) out[k] = v;
	return out;
}
