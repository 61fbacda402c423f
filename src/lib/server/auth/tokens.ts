/**
 * Single-use links sent by email: activation and password reset. The token in the link is 20 random bytes
 * (160 bits, base32); only its SHA-256 is stored, so a copy of the database cannot be turned into working links.
 * A token is bound to its purpose (an activation link does not work as a reset link), a newer one for the same
 * person and purpose replaces the older, and using one deletes every link the person has, in the caller's
 * transaction, so a link can be used once however many requests race for it.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../db';
import { accountTokens } from '../db/schema';

export type TokenPurpose = 'activation' | 'reset';

const HOUR_MS = 60 * 60 * 1000;
/** How long a link works: a week to activate a new account, an hour to reset a forgotten password. */
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = { activation: 7 * 24 * HOUR_MS, reset: HOUR_MS };

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Writer = Db | Tx;

/** A token as it appears in a link: 32 characters of lower-case base32. Anything else is refused before any lookup. */
export const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

export function generateAccountToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function tokenId(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Issues a new link for the person and purpose, replacing any earlier one. Returns the token to put in the link. */
export function issueToken(tx: Writer, personId: number, purpose: TokenPurpose, now = new Date()): { token: string; expiresAt: Date } {
	const token = generateAccountToken();
	const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]);
	tx.delete(accountTokens)
		.where(and(eq(accountTokens.personId, personId), eq(accountTokens.purpose, purpose)))
		.run();
	tx.insert(accountTokens)
		.values({ id: tokenId(token), personId, purpose, expiresAt, createdAt: now })
		.run();
	return { token, expiresAt };
}

/** The person a link is for, if it is well formed, for this purpose and still in date. Reads only: for showing the form. */
export function peekToken(db: Writer, token: string, purpose: TokenPurpose, now = new Date()): { personId: number } | undefined {
	if (!TOKEN_PATTERN.test(token)) return undefined;
	return db
		.select({ personId: accountTokens.personId })
		.from(accountTokens)
		.where(and(eq(accountTokens.id, tokenId(token)), eq(accountTokens.purpose, purpose), gt(accountTokens.expiresAt, now)))
		.get();
}

/**
 * Uses a link: inside the caller's transaction, finds it (for this purpose, in date) and deletes every link of its
 * person, so neither this one nor any other can be used again. Returns the person, or undefined if it cannot be used.
 */
export function consumeToken(tx: Writer, token: string, purpose: TokenPurpose, now = new Date()): { personId: number } | undefined {
	const found = peekToken(tx, token, purpose, now);
	if (!found) return undefined;
	tx.delete(accountTokens).where(eq(accountTokens.personId, found.personId)).run();
	return found;
}

/** Deletes a person's links (when they leave, or their password is set another way). */
export function revokeTokens(tx: Writer, personId: number): void {
	tx.delete(accountTokens).where(eq(accountTokens.personId, personId)).run();
}
