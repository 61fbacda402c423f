import type { Cookies } from '@sveltejs/kit';

/** The pending sign-in's token: sent only to the callback, and only for ten minutes. */
export const SSO_LOGIN_COOKIE = 'sso_login';
const LOGIN_PATH = '/login/sso';

/** Where to go to end the provider's session too, for the page after sign-out; two minutes. */
export const SSO_SIGN_OUT_COOKIE = 'sso_sign_out';
const SIGN_OUT_PATH = '/logout/sso';

const options = (url: URL, path: string) => ({
	path,
	httpOnly: true,
	sameSite: 'lax' as const,
	secure: url.protocol === 'https:'
});

// SameSite=Lax, not Strict: the provider sends the browser back with a top-level GET from its own site.
export function setLoginCookie(cookies: Cookies, token: string, expiresAt: Date, url: URL) {
	cookies.set(SSO_LOGIN_COOKIE, token, { ...options(url, LOGIN_PATH), expires: expiresAt });
}

export function takeLoginCookie(cookies: Cookies, url: URL): string | undefined {
	const token = cookies.get(SSO_LOGIN_COOKIE);
	if (token !== undefined) cookies.delete(SSO_LOGIN_COOKIE, options(url, LOGIN_PATH));
	return token;
}

export function setSignOutCookie(cookies: Cookies, endSessionUrl: string, url: URL) {
	cookies.set(SSO_SIGN_OUT_COOKIE, endSessionUrl, { ...options(url, SIGN_OUT_PATH), maxAge: 120 });
}

export function takeSignOutCookie(cookies: Cookies, url: URL): string | undefined {
	const value = cookies.get(SSO_SIGN_OUT_COOKIE);
	if (value !== undefined) cookies.delete(SSO_SIGN_OUT_COOKIE, options(url, SIGN_OUT_PATH));
	return value;
}
