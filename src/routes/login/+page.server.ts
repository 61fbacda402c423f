import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { safeRedirectTarget } from '$lib/server/auth/redirect-target';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { signIn } from '$lib/server/auth/sign-in';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms/parse';
import { readForm } from '$lib/server/forms/read';
import { invalid } from '$lib/server/forms/respond';
import { ssoFailureMessage } from '$lib/server/sso/login-messages';
import { singleSignOnStep } from '$lib/server/sso/login-step';
import type { Actions, PageServerLoad } from './$types';

/** After /activate or /reset-password: every session of the person has ended, so they sign in here. */
const PASSWORD_SET: Record<string, string> = {
	activated: 'Your password is set and your account is ready. Sign in with your email address and the new password.',
	reset: 'Your password has been changed, and you have been signed out everywhere. Sign in with the new password.'
};

const signInInput = z.object({
	email: z.string({ error: 'Enter your email address' }).trim().min(1, 'Enter your email address').max(254, 'Enter a shorter email address'),
	// Empty is allowed here: an address with single sign-on needs none. Without it, it is asked for below.
	password: z.string().max(200, 'Enter a shorter password').optional().default(''),
	redirectTo: z.string().max(500).optional()
});

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, '/training');
	return {
		redirectTo: url.searchParams.get('redirectTo') ?? '',
		ssoMessage: ssoFailureMessage(url.searchParams.get('sso')),
		passwordSet: PASSWORD_SET[url.searchParams.get('password') ?? '']
	};
};

export const actions: Actions = {
	default: async (event) => {
		const parsed = parseForm(signInInput, await readForm(event.request));
		if (!parsed.ok) {
			const errors = parsed.values.password ? parsed.errors : { ...parsed.errors, password: 'Enter your password' };
			return invalid(errors, { email: parsed.values.email ?? '' });
		}
		const { email, password } = parsed.data;
		const db = getDb();
		// Decided before any session exists, so a bad target can never fail the request after signing in.
		const target = safeRedirectTarget(parsed.data.redirectTo, event.url);
		const sso = await singleSignOnStep(db, event, { email, password, redirectTo: target });
		if (sso) return sso;
		if (!password) return invalid({ password: 'Enter your password' }, { email });
		const result = await signIn(db, { email, password, address: event.getClientAddress() });
		if (!result.ok) return invalid({ form: result.message }, { email }, undefined, { status: result.throttled ? 429 : 400 });
		const token = generateSessionToken();
		const session = createSession(db, token, result.personId);
		setSessionCookie(event.cookies, token, session.expiresAt, event.url);
		redirect(303, target);
	}
};
