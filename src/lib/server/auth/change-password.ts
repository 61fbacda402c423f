import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit/log';
import type { Db } from '../db';
import { people } from '../db/schema';
import { isSsoOnly } from '../sso/providers';
import { hashPassword, verifyPassword } from './password';
import { invalidatePersonSessions } from './session';
import { checkThrottle, recordAttempt } from './throttle';

/**
 * Changes a person's own password and ends their other sessions (the current one stays). Wrong guesses of the
 * current password count as failed sign-ins, so an open session cannot be used to guess it without limit.
 */
export async function changeOwnPassword(
	db: Db,
	input: { personId: number; sessionId: string; current: string; next: string; address: string; now?: Date }
): Promise<{ ok: true } | { ok: false; field: 'current'; message: string }> {
	const now = input.now ?? new Date();
	const row = db
		.select({ hash: people.passwordHash, email: people.email, organisationId: people.organisationId })
		.from(people)
		.where(eq(people.id, input.personId))
		.get();
	if (!row) return { ok: false, field: 'current', message: 'Your current password is not right.' };
	// Passwords are refused at sign-in there, so one set here could never be used: say so rather than store it.
	if (isSsoOnly(db, row.organisationId))
		return { ok: false, field: 'current', message: 'Your organisation signs you in with its own account, so you have no password here to change.' };
	const throttle = checkThrottle(db, row.email, input.address, now);
	if (!throttle.allowed) {
		appendAudit(db, {
			actorId: input.personId,
			action: 'password-change-failed',
			entity: 'person',
			entityId: input.personId,
			detail: { reason: 'throttled' },
			at: now
		});
		const minutes = Math.max(1, Math.ceil((throttle.retryAt.getTime() - now.getTime()) / 60000));
		return {
			ok: false,
			field: 'current',
			message: `Too many wrong passwords. For your account's protection, try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
		};
	}
	if (!row.hash || !(await verifyPassword(row.hash, input.current))) {
		db.transaction((tx) => {
			recordAttempt(tx, row.email, input.address, false, now);
			appendAudit(tx, {
				actorId: input.personId,
				action: 'password-change-failed',
				entity: 'person',
				entityId: input.personId,
				detail: { reason: 'wrong-current' },
				at: now
			});
		});
		return { ok: false, field: 'current', message: 'Your current password is not right.' };
	}
	const hash = await hashPassword(input.next);
	db.transaction((tx) => {
		tx.update(people).set({ passwordHash: hash, updatedAt: new Date() }).where(eq(people.id, input.personId)).run();
		invalidatePersonSessions(tx, input.personId, input.sessionId);
		appendAudit(tx, { actorId: input.personId, action: 'password-change', entity: 'person', entityId: input.personId });
	});
	return { ok: true };
}
