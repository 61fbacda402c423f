import { fail } from '@sveltejs/kit';
import type { FieldErrors, FormValues } from './parse';

type Refusal = {
	/** 400 unless the refusal is of another kind: 403 not allowed, 409 conflict, 429 too many tries, 503 a service we
	 * depend on (an identity provider) could not be reached. */
	status?: 400 | 403 | 409 | 429 | 503;
	/** What else the page needs to redraw the refused form as it was (a quiz's ticked answers, a checked plan). */
	kept?: Record<string, unknown>;
};

/**
 * The one shape every form action answers with when input is refused, and nothing was changed: `errors` by field name
 * (`form` for the form as a whole), `values` to put back in the fields (never a password), `action` naming which of
 * the page's forms was refused, and `kept`.
 */
export function invalid(errors: FieldErrors, values: FormValues = {}, action?: string, refusal: Refusal = {}) {
	return fail(refusal.status ?? 400, { errors, values, action, kept: refusal.kept });
}
