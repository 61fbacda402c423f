import * as oidc from 'openid-client';
import { appendAudit } from '../audit/log';
import type { Db } from '../db';
import { identityFrom, matchPerson, recordSsoSignIn } from './accounts';
import { configurationFor, describe, SsoUnavailable } from './client';
import { takePendingLogin } from './login-state';
import { providerOf } from './providers';
import type { SecretKey } from './secret-box';

/** Why a sign-in through a provider did not complete; /login shows a message for each (login-messages.ts). */
export type SsoFailure = 'expired' | 'cancelled' | 'not-verified' | 'no-access' | 'unavailable';

export type CallbackResult =
	{ ok: true; personId: number; organisationId: number; idToken: string; redirectTo: string } | { ok: false; failure: SsoFailure; detail: string };

/**
 * The provider has sent the browser back. Takes the pending sign-in (once), has openid-client check the response
 * (state, `iss`), exchange the code with the PKCE verifier, and validate the ID token (signature against the
 * provider's published keys, issuer, audience, expiry, nonce); then finds the person on the roster.
 */
export async function completeSsoSignIn(db: Db, input: { token: string | undefined; callbackUrl: URL; key: SecretKey; now?: Date }): Promise<CallbackResult> {
	const now = input.now ?? new Date();
	const pending = input.token ? takePendingLogin(db, input.token, now) : undefined;
	if (!pending) return { ok: false, failure: 'expired', detail: 'no pending sign-in for this browser' };
	const provider = providerOf(db, pending.organisationId);
	if (!provider) return { ok: false, failure: 'unavailable', detail: 'single sign-on was turned off for the organisation' };

	let config: oidc.Configuration;
	try {
		config = await configurationFor(provider, input.key);
	} catch (error) {
		return {
			ok: false,
			failure: 'unavailable',
			detail: error instanceof SsoUnavailable ? error.message : describe(error)
		};
	}

	let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
	try {
		tokens = await oidc.authorizationCodeGrant(config, input.callbackUrl, {
			pkceCodeVerifier: pending.codeVerifier,
			expectedState: pending.state,
			expectedNonce: pending.nonce,
			idTokenExpected: true
		});
	} catch (error) {
		if (error instanceof oidc.AuthorizationResponseError && (error.error === 'access_denied' || error.error === 'login_required')) {
			return { ok: false, failure: 'cancelled', detail: `the provider answered ${error.error}` };
		}
		const detail = describe(error);
		appendAudit(db, {
			actorId: null,
			action: 'sign-in-failed',
			entity: 'organisation',
			entityId: provider.organisationId,
			detail: { via: 'sso', issuer: provider.issuer, reason: 'response not verified', error: detail.slice(0, 300) },
			at: now
		});
		return { ok: false, failure: error instanceof TypeError ? 'unavailable' : 'not-verified', detail };
	}

	const claims = tokens.claims()!;
	let userinfo: Record<string, unknown> = {};
	if (!claims.email && !claims.preferred_username && config.serverMetadata().userinfo_endpoint) {
		try {
			userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
		} catch (error) {
			console.warn(`Single sign-on: userinfo from ${provider.issuer} failed: ${describe(error)}`);
		}
	}
	const identity = identityFrom(provider.issuer, claims, userinfo);
	const match = matchPerson(db, provider.organisationId, identity);
	recordSsoSignIn(db, provider.organisationId, identity, match, now);
	if (!match.ok) return { ok: false, failure: 'no-access', detail: match.reason };
	return {
		ok: true,
		personId: match.personId,
		organisationId: provider.organisationId,
		idToken: tokens.id_token!,
		redirectTo: pending.redirectTo
	};
}
