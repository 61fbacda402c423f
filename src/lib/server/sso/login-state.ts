import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { eq, lt } from 'drizzle-orm';
import type { Db } from '../db';
import { ssoLogins } from '../db/schema';

/** How long someone has at their provider before the sign-in must start again. */
export const LOGIN_LIFETIME_MS = 10 * 60_000;

export type PendingLogin = {
	organisationId: number;
	state: string;
	nonce: string;
	codeVerifier: string;
	redirectTo: string;
};

const idOf = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

/**
 * Keeps what the callback must check (state, nonce, PKCE verifier) and where to go afterwards, server-side. The
 * browser holds only a random token in a cookie, so the callback works only in the browser that started it.
 * Old attempts are cleared here, by the expiry index, so the table holds only the last ten minutes.
 */
export function savePendingLogin(db: Db, login: PendingLogin, now = new Date()): { token: string; expiresAt: Date } {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	const token = encodeBase32LowerCaseNoPadding(bytes);
	const expiresAt = new Date(now.getTime() + LOGIN_LIFETIME_MS);
	db.transaction((tx) => {
		tx.delete(ssoLogins).where(lt(ssoLogins.expiresAt, now)).run();
		tx.insert(ssoLogins)
			.values({ id: idOf(token), ...login, expiresAt })
			.run();
	});
	return { token, expiresAt };
}

/** Takes the pending sign-in for the token, once: a second call, or one after it expired, gets nothing. */
export function takePendingLogin(db: Db, token: string, now = new Date()): PendingLogin | undefined {
	const row = db
		.delete(ssoLogins)
		.where(eq(ssoLogins.id, idOf(token)))
		.returning()
		.get();
	if (!row || row.expiresAt.getTime() <= now.getTime()) return undefined;
	return {
		organisationId: row.organisationId,
		state: row.state,
		nonce: row.nonce,
		codeVerifier: row.codeVerifier,
		redirectTo: row.redirectTo
	};
}
