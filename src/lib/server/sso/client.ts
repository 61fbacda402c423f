import * as oidc from 'openid-client';
import type { SsoProvider } from '../db/schema';
import { openSecret, type SecretKey } from './secret-box';
import { isLoopbackHttp } from './settings';

/**
 * The openid-client Configuration for an organisation's provider, from its discovery document
 * (`<issuer>/.well-known/openid-configuration`), kept for a while per process: discovery and the provider's signing
 * keys (cached inside the Configuration) are then fetched once, not at every sign-in. A change to the settings
 * (a new `updatedAt`) makes a new one. Every check on a token is the library's, never ours.
 */
const KEEP_MS = 15 * 60_000;
/** Seconds to wait for the provider before giving up. */
const TIMEOUT_S = 10;

type Cached = { config: oidc.Configuration; at: number };
const cache = new Map<string, Cached>();

export class SsoUnavailable extends Error {}

export function forgetConfigurations() {
	cache.clear();
}

/** The client secret, or an SsoUnavailable saying why it cannot be read (no key, or not the key it was stored with). */
export function clientSecretOf(provider: SsoProvider, key: SecretKey): string {
	if (!key.ok) throw new SsoUnavailable(key.reason);
	const secret = openSecret(key.key, provider.organisationId, provider.clientSecret);
	if (secret === null)
		throw new SsoUnavailable('the stored client secret cannot be decrypted with SSO_SECRET_KEY (was the key changed?): enter the secret again');
	return secret;
}

export async function configurationFor(provider: SsoProvider, key: SecretKey, now = Date.now()): Promise<oidc.Configuration> {
	const cacheKey = `${provider.organisationId}|${provider.issuer}|${provider.clientId}|${provider.updatedAt.getTime()}`;
	const hit = cache.get(cacheKey);
	if (hit && now - hit.at < KEEP_MS) return hit.config;
	const secret = clientSecretOf(provider, key);
	const issuer = new URL(provider.issuer);
	// The ID token's signature is checked against the provider's published keys (JWKS) too. OpenID Connect lets a
	// client skip that for a token fetched straight from the token endpoint over TLS, and openid-client does unless
	// told otherwise; we check it anyway, so a token is only ever believed on the provider's signature.
	// openid-client refuses plain http, rightly; a provider on this machine (the demo, the tests) is the one exception.
	const execute = [oidc.enableNonRepudiationChecks, ...(isLoopbackHttp(issuer) ? [oidc.allowInsecureRequests] : [])];
	let config: oidc.Configuration;
	try {
		config = await oidc.discovery(issuer, provider.clientId, secret, undefined, { execute, timeout: TIMEOUT_S });
	} catch (error) {
		throw new SsoUnavailable(`discovery at ${provider.issuer} failed: ${describe(error)}`);
	}
	// The client authenticates as the provider says it accepts: client_secret_post when offered, else HTTP Basic
	// (the default when a provider lists no methods).
	const methods = config.serverMetadata().token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
	if (!methods.includes('client_secret_post')) {
		config = new oidc.Configuration(config.serverMetadata(), provider.clientId, secret, oidc.ClientSecretBasic(secret));
		for (const step of execute) step(config);
	}
	config.timeout = TIMEOUT_S;
	for (const [k, v] of cache) if (k.startsWith(`${provider.organisationId}|`) && v !== hit) cache.delete(k);
	cache.set(cacheKey, { config, at: now });
	return config;
}

/** A short description of what went wrong, for the server's log (never for the page). */
export function describe(error: unknown): string {
	if (error instanceof Error) {
		const { code, error: oauthError, error_description } = error as { code?: string; error?: string; error_description?: string };
		const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
		const answer = oauthError ? ` (${oauthError}${error_description ? `: ${error_description}` : ''})` : '';
		return `${code ? `${code} ` : ''}${error.message}${answer}${cause}`;
	}
	return String(error);
}
