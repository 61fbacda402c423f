import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { safeRedirectTarget } from '$lib/server/auth/redirect-target';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { signIn } from '$lib/server/auth/sign-in';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms/parse';
import { readForm } from '$lib/server/forms/read';
import type { Actions, PageServerLoad } from './$types';

const signInInput = z.object({
	email: z.string({ error: 'Enter your email address' }).trim().min(1, 'Enter your email address').max(254, 'Enter a shorter email address'),
	password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(200, 'Enter a shorter password'),
	redirectTo: z.string().max(500).optional()
});

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, '/training');
	return { redirectTo: url.searchParams.get('redirectTo') ?? '' };
};

export const actions: Actions = {
	default: async (event) => {
		const parsed = parseForm(signInInput, await readForm(event.request));
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: { email: parsed.values.email ?? '' } });
		const db = getDb();
		const result = await signIn(db, { email: parsed.data.email, password: parsed.data.password, address: event.getClientAddress() });
		if (!result.ok) {
			return fail(result.throttled ? 429 : 400, { errors: { form: result.message }, values: { email: parsed.data.email } });
		}
		// Decided before the session exists, so a bad target can never fail the request after signing in.
		const target = safeRedirectTarget(parsed.data.redirectTo, event.url);
		const token = generateSessionToken();
		const session = createSession(db, token, result.personId);
		setSessionCookie(event.cookies, token, session.expiresAt, event.url);
		redirect(303, target);
	}
};
