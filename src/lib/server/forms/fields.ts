import { z } from 'zod';

/**
 * Control characters (C0, DEL and C1): none in a one-line field, as the roster import refuses them too, and
 * only tabs and line breaks in a text box. A browser never sends the others; a crafted post could.
 */
const CONTROL_ONE_LINE = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_TEXT_BOX = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
export const cleanTextBox = (v: string) => !CONTROL_TEXT_BOX.test(v);

/** Reusable field rules with messages written for the person filling in the form. */
export const requiredText = (label: string, max = 200) =>
	z
		.string({ error: `Enter ${label}` })
		.trim()
		.min(1, `Enter ${label}`)
		.max(max, `${capitalise(label)} must be ${max} characters or fewer`)
		.refine((v) => !CONTROL_ONE_LINE.test(v), `${capitalise(label)} must not contain control characters such as tabs or line breaks`);

/** Free text from a text box: line breaks are fine. */
export const optionalText = (label: string, max = 200) =>
	z
		.string()
		.trim()
		.max(max, `${capitalise(label)} must be ${max} characters or fewer`)
		.refine(cleanTextBox, `${capitalise(label)} must not contain control characters`)
		.optional()
		.transform((v) => (v ? v : null));

export const email = z
	.string({ error: 'Enter an email address' })
	.trim()
	.toLowerCase()
	.min(1, 'Enter an email address')
	.max(254, 'Email address must be 254 characters or fewer')
	.pipe(z.email('Enter an email address in the right format, like name@example.org'));

export const isoDate = (label: string) =>
	z
		.string({ error: `Enter ${label}` })
		.trim()
		.regex(/^\d{4}-\d{2}-\d{2}$/, `Enter ${label} as a real date, like 2026-03-14`)
		.refine((v) => {
			const d = new Date(`${v}T00:00:00Z`);
			return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
		}, `Enter ${label} as a real date, like 2026-03-14`);

export const id = (label: string) =>
	z.coerce
		.number({ error: `Choose ${label}` })
		.int(`Choose ${label}`)
		.positive(`Choose ${label}`)
		.max(Number.MAX_SAFE_INTEGER, `Choose ${label}`);

function capitalise(s: string) {
	return s.charAt(0).toUpperCase() + s.slice(1);
}
