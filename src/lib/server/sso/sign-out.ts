import { eq } from 'drizzle-orm';
import * as oidc from 'openid-client';
import type { Db } from '../db';
import { organisations, ssoSessions } from '../db/schema';
import { configurationFor, describe } from './client';
import { providerOf } from './providers';
import type { SecretKey } from './secret-box';

/** Kept with the session (and deleted with it) so that signing out can end the provider's session too. */
export function rememberSsoSession(db: Db, sessionId: string, organisationId: number, idToken: string) {
	db.insert(ssoSessions).values({ sessionId, organisationId, idToken }).run();
}

/** Longest address handed to the browser: past this the ID token is left out and the client id used instead. */
const MAX_URL = 3500;

async function endSessionEndpoint(db: Db, organisationId: number, key: SecretKey) {
	const provider = providerOf(db, organisationId);
	if (!provider) return null;
	try {
		const config = await configurationFor(provider, key);
		return config.serverMetadata().end_session_endpoint ? config : null;
	} catch (error) {
		console.warn(`Single sign-on: cannot reach ${provider.issuer} to end its session: ${describe(error)}`);
		return null;
	}
}

/**
 * Where to send the browser to end the provider's session (RP-initiated logout, with `id_token_hint` and
 * `post_logout_redirect_uri`), for a session that was signed in through one whose discovery document offers an
 * `end_session_endpoint`; null otherwise, or when the provider cannot be reached (the local sign-out stands).
 * Read before the session is ended, since its row goes with it.
 */
export async function providerSignOut(db: Db, sessionId: string, origin: string, key: SecretKey): Promise<{ organisationId: number; url: string } | null> {
	const row = db.select().from(ssoSessions).where(eq(ssoSessions.sessionId, sessionId)).get();
	if (!row) return null;
	const config = await endSessionEndpoint(db, row.organisationId, key);
	if (!config) return null;
	const post_logout_redirect_uri = new URL('/', origin).href;
	let url = oidc.buildEndSessionUrl(config, { id_token_hint: row.idToken, post_logout_redirect_uri });
	if (url.href.length > MAX_URL) url = oidc.buildEndSessionUrl(config, { client_id: config.clientMetadata().client_id, post_logout_redirect_uri });
	return { organisationId: row.organisationId, url: url.href };
}

export const signOutCookieValue = (s: { organisationId: number; url: string }) => `${s.organisationId} ${s.url}`;

/**
 * The page after sign-out sends the browser on only to the end-session endpoint of the provider named in the
 * cookie, so the cookie can never be made into a redirect to anywhere else.
 */
export async function checkedSignOut(db: Db, cookie: string | undefined, key: SecretKey): Promise<{ url: string; organisationName: string } | null> {
	const m = cookie ? /^(\d{1,12}) (\S+)$/.exec(cookie) : null;
	if (!m) return null;
	const organisationId = Number(m[1]);
	const url = URL.parse(m[2]);
	const config = await endSessionEndpoint(db, organisationId, key);
	const endpoint = config && URL.parse(config.serverMetadata().end_session_endpoint!);
	if (!url || !endpoint || url.origin !== endpoint.origin || url.pathname !== endpoint.pathname) return null;
	const organisation = db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId)).get();
	return organisation ? { url: url.href, organisationName: organisation.name } : null;
}
