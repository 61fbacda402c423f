import * as oidc from 'openid-client';
import type { Db } from '../db';
import { configurationFor, describe, SsoUnavailable } from './client';
import { savePendingLogin } from './login-state';
import { providerOf } from './providers';
import type { SecretKey } from './secret-box';

export const CALLBACK_PATH = '/login/sso/callback';
/** `openid` for the ID token; `email` and `profile` for the claims a person is first matched by (Entra: `email`, `preferred_username`, `oid`). */
export const SCOPE = 'openid email profile';

export type StartResult = { ok: true; url: string; token: string; expiresAt: Date } | { ok: false; reason: string };

/**
 * Begins an authorization code flow with PKCE at the organisation's provider: a fresh state, nonce and code
 * verifier, kept server-side until the callback, and the address to send the browser to.
 */
export async function startSsoSignIn(
	db: Db,
	input: { organisationId: number; email: string; redirectTo: string; origin: string; key: SecretKey; now?: Date }
): Promise<StartResult> {
	const provider = providerOf(db, input.organisationId);
	if (!provider) return { ok: false, reason: 'no provider is set for the organisation' };
	let config: oidc.Configuration;
	try {
		config = await configurationFor(provider, input.key);
	} catch (error) {
		return { ok: false, reason: error instanceof SsoUnavailable ? error.message : describe(error) };
	}
	const codeVerifier = oidc.randomPKCECodeVerifier();
	const state = oidc.randomState();
	const nonce = oidc.randomNonce();
	const url = oidc.buildAuthorizationUrl(config, {
		redirect_uri: new URL(CALLBACK_PATH, input.origin).href,
		scope: SCOPE,
		response_type: 'code',
		code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
		code_challenge_method: 'S256',
		state,
		nonce,
		login_hint: input.email
	});
	const saved = savePendingLogin(db, { organisationId: provider.organisationId, state, nonce, codeVerifier, redirectTo: input.redirectTo }, input.now);
	return { ok: true, url: url.href, ...saved };
}
