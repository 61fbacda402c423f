/**
 * "Forgotten your password?" and the links that set a password. A request answers the same whether or not the
 * address is known, and does much the same work either way (a token made and hashed, one transaction with a
 * throttling record and an audit entry), queueing a message only for someone who may use it: a reset link for an
 * active person with passwords, word to sign in with their organisation for one whose organisation signs them in,
 * nothing for a leaver or an unknown address. Setting the password uses the link up in the same transaction, ends
 * every session of the person and is audited.
 */
import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit/log';
import type { Db } from '../db';
import { people } from '../db/schema';
import { accountByEmail, queueAccountLink, type LinkOptions } from './activation';
import { hashPassword } from './password';
import { checkRequestThrottle, minutesUntil, recordRequest } from './request-throttle';
import { invalidatePersonSessions } from './session';
import { normaliseEmail } from './sign-in';
import { consumeToken, generateAccountToken, peekToken, tokenId, type TokenPurpose } from './tokens';

export type ResetRequestResult = { ok: true } | { ok: false; message: string };

export async function requestPasswordReset(db: Db, input: { email: string; address: string } & LinkOptions): Promise<ResetRequestResult> {
	const now = input.now ?? new Date();
	const email = normaliseEmail(input.email);
	const throttle = checkRequestThrottle(db, 'password-reset', email, input.address, now);
	if (!throttle.allowed) {
		// Counted by the address typed, known or not, so this says nothing about whether anyone has it.
		const minutes = minutesUntil(throttle.retryAt, now);
		const wait = `try again in ${minutes} minute${minutes === 1 ? '' : 's'}`;
		return {
			ok: false,
			message:
				throttle.scope === 'email'
					? `A reset has been asked for this address several times in the last hour. Check your inbox (and junk folder) for the emails already sent, or ${wait}.`
					: `Too many password resets have been asked for from your network. Please ${wait}.`
		};
	}
	// Made whether or not it is used, so both answers take about the same time.
	tokenId(generateAccountToken());
	db.transaction((tx) => {
		recordRequest(tx, 'password-reset', email, input.address, now);
		const person = accountByEmail(tx, email);
		if (!person || person.status !== 'active') {
			appendAudit(tx, {
				actorId: null,
				action: 'password-reset-request',
				entity: 'person',
				entityId: person?.id ?? null,
				detail: { email, refused: person ? 'left' : 'unknown' },
				at: now
			});
			return;
		}
		const sent = queueAccountLink(tx, person, 'reset', { origin: input.origin, now, requested: true });
		appendAudit(tx, { actorId: null, action: 'password-reset-request', entity: 'person', entityId: person.id, detail: { sent }, at: now });
	});
	return { ok: true };
}

/** Whether a link can still be used, for showing its form (the action checks again, as it uses it). */
export function linkIsUsable(db: Db, token: string, purpose: TokenPurpose, now = new Date()): boolean {
	return peekToken(db, token, purpose, now) !== undefined;
}

export const LINK_UNUSABLE = 'This link cannot be used: it has already been used, a newer one has been sent, or it has run out. Ask for a new one below.';

/**
 * Sets a password from an activation or reset link. The link is checked before the (slow) hashing, so a made-up
 * one costs nothing, and used up in the transaction that sets the password, so a second use finds nothing.
 */
export async function setPasswordWithLink(
	db: Db,
	input: { token: string; purpose: TokenPurpose; password: string; now?: Date }
): Promise<{ ok: true } | { ok: false; message: string }> {
	const now = input.now ?? new Date();
	if (!linkIsUsable(db, input.token, input.purpose, now)) return { ok: false, message: LINK_UNUSABLE };
	const hash = await hashPassword(input.password);
	return db.transaction((tx) => {
		const used = consumeToken(tx, input.token, input.purpose, now);
		if (!used) return { ok: false as const, message: LINK_UNUSABLE };
		const person = tx.select({ status: people.status }).from(people).where(eq(people.id, used.personId)).get();
		// A leaver's links are useless: nothing is set (the link is used up all the same).
		if (person?.status !== 'active') return { ok: false as const, message: LINK_UNUSABLE };
		tx.update(people).set({ passwordHash: hash, updatedAt: now }).where(eq(people.id, used.personId)).run();
		invalidatePersonSessions(tx, used.personId);
		appendAudit(tx, {
			actorId: used.personId,
			action: input.purpose === 'activation' ? 'account-activate' : 'password-reset',
			entity: 'person',
			entityId: used.personId,
			at: now
		});
		return { ok: true as const };
	});
}
