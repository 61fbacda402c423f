import { redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { safeRedirectTarget } from '$lib/server/auth/redirect-target';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { completeSsoSignIn } from '$lib/server/sso/callback';
import { takeLoginCookie } from '$lib/server/sso/cookie';
import { secretKeyFromEnv } from '$lib/server/sso/secret-box';
import { rememberSsoSession } from '$lib/server/sso/sign-out';
import type { RequestHandler } from './$types';

/** The provider sends the browser back here (the redirect URI registered with it) with a code, or an error. */
export const GET: RequestHandler = async ({ url, cookies }) => {
	const db = getDb();
	const result = await completeSsoSignIn(db, {
		token: takeLoginCookie(cookies, url),
		callbackUrl: url,
		key: secretKeyFromEnv()
	});
	if (!result.ok) {
		if (result.failure !== 'expired') console.warn(`Single sign-on refused (${result.failure}): ${result.detail}`);
		redirect(303, `/login?sso=${result.failure}`);
	}
	const token = generateSessionToken();
	const session = createSession(db, token, result.personId);
	rememberSsoSession(db, session.id, result.organisationId, result.idToken);
	setSessionCookie(cookies, token, session.expiresAt, url);
	redirect(303, safeRedirectTarget(result.redirectTo, url));
};
