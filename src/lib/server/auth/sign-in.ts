import { eq } from 'drizzle-orm';
import { recordAccess } from '../audit/access-log';
import { appendAudit } from '../audit/log';
import type { Db } from '../db';
import { people } from '../db/schema';
import { countSignIn } from '../ops/app-metrics';
import { isSsoOnly } from '../sso/providers';
import { timingDummyHash, verifyPassword } from './password';
import { checkThrottle, recordAttempt } from './throttle';

export const INVALID_CREDENTIALS = 'The email address or password is not right. Check them and try again.';

export type SignInResult = { ok: true; personId: number } | { ok: false; message: string; throttled: boolean };

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function minutesUntil(at: Date, now: Date) {
	return Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 60000));
}

/** Checks throttling, then the password; the same message whether the email or the password was wrong, or passwords are refused. */
export async function signIn(
	db: Db,
	input: { email: string; password: string; address: string; now?: Date; wait?: (ms: number) => Promise<void> }
): Promise<SignInResult> {
	const now = input.now ?? new Date();
	const email = normaliseEmail(input.email);
	const throttle = checkThrottle(db, email, input.address, now);
	if (!throttle.allowed) {
		const minutes = minutesUntil(throttle.retryAt, now);
		const message =
			throttle.scope === 'account'
				? `Too many failed sign-in attempts for this account from your device or network. For its protection, sign-in from here is paused: try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask your administrator to reset your password.`
				: `Too many failed sign-in attempts from your network. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
		countSignIn('throttled');
		recordAccess(db, { actorId: null, action: 'sign-in-throttled', detail: { email, address: input.address }, at: now });
		return { ok: false, message, throttled: true };
	}
	// Many failures for this account from elsewhere slow each attempt down rather than refuse it: the owner still gets in.
	if (throttle.delayMs > 0) await (input.wait ?? sleep)(throttle.delayMs);
	const person = db
		.select({ id: people.id, passwordHash: people.passwordHash, status: people.status, organisationId: people.organisationId })
		.from(people)
		.where(eq(people.email, email))
		.get();
	// People of a "single sign-on only" organisation have no usable password, whatever is stored: refused like a wrong one.
	const usable = person && person.status === 'active' && person.passwordHash && !isSsoOnly(db, person.organisationId);
	const valid = await verifyPassword(usable ? person.passwordHash! : await timingDummyHash(), input.password);
	const succeeded = Boolean(usable && valid);
	db.transaction((tx) => {
		recordAttempt(tx, email, input.address, succeeded, now);
		appendAudit(tx, {
			actorId: succeeded ? person!.id : null,
			action: succeeded ? 'sign-in' : 'sign-in-failed',
			entity: 'person',
			entityId: person?.id ?? null,
			detail: succeeded ? {} : { email },
			at: now
		});
	});
	countSignIn(succeeded ? 'succeeded' : 'failed');
	return succeeded ? { ok: true, personId: person!.id } : { ok: false, message: INVALID_CREDENTIALS, throttled: false };
}
