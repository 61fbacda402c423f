import { fail } from '@sveltejs/kit';
import type { FieldErrors, FormValues } from './parse';

/** The one shape every form action answers with when input is refused: nothing was changed. */
export function invalid(errors: FieldErrors, values: FormValues = {}, action?: string) {
	return fail(400, { errors, values, action });
}
