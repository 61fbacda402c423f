import { requestPasswordReset } from '$lib/server/auth/password-reset';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms/parse';
import { readForm } from '$lib/server/forms/read';
import { invalid } from '$lib/server/forms/respond';
import { passwordResetRequestInput } from '$lib/server/people/validation';
import type { Actions, PageServerLoad } from './$types';

// Open to everyone, signed in or not: the answer never says whether an address has an account.
export const load: PageServerLoad = () => ({});

export const actions: Actions = {
	default: async (event) => {
		const parsed = parseForm(passwordResetRequestInput, await readForm(event.request));
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		const result = await requestPasswordReset(getDb(), { email: parsed.data.email, address: event.getClientAddress() });
		if (!result.ok) return invalid({ form: result.message }, { email: parsed.data.email }, undefined, { status: 429 });
		return { sent: parsed.data.email };
	}
};
