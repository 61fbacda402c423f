import { and, count, desc, eq, gt } from 'drizzle-orm';
import type { Db } from '../db';
import { loginAttempts } from '../db/schema';

export const WINDOW_MS = 15 * 60 * 1000;
/** Failures for one account within the window before it cools off. */
export const ACCOUNT_LIMIT = 5;
/** Failures from one address within the window. High, because a whole station can share one address. */
export const ADDRESS_LIMIT = 100;

export type ThrottleDecision = { allowed: true } | { allowed: false; scope: 'account' | 'address'; retryAt: Date };

/**
 * Refused attempts are not recorded, so hammering a locked account does not extend its cooling-off.
 * A success clears the account's count: only failures after it count.
 */
export function checkThrottle(db: Db, email: string, address: string, now = new Date()): ThrottleDecision {
	const since = new Date(now.getTime() - WINDOW_MS);
	const lastSuccess = db
		.select({ at: loginAttempts.at })
		.from(loginAttempts)
		.where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, true), gt(loginAttempts.at, since)))
		.orderBy(desc(loginAttempts.at))
		.limit(1)
		.get();
	const accountSince = lastSuccess && lastSuccess.at > since ? lastSuccess.at : since;
	const accountFailures = db
		.select({ at: loginAttempts.at })
		.from(loginAttempts)
		.where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, accountSince)))
		.orderBy(desc(loginAttempts.at))
		.limit(ACCOUNT_LIMIT)
		.all();
	if (accountFailures.length >= ACCOUNT_LIMIT) {
		const oldest = accountFailures[ACCOUNT_LIMIT - 1].at;
		return { allowed: false, scope: 'account', retryAt: new Date(oldest.getTime() + WINDOW_MS) };
	}
	const [{ n }] = db
		.select({ n: count() })
		.from(loginAttempts)
		.where(and(eq(loginAttempts.address, address), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)))
		.all();
	if (n >= ADDRESS_LIMIT) {
		const oldest = db
			.select({ at: loginAttempts.at })
			.from(loginAttempts)
			.where(and(eq(loginAttempts.address, address), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)))
			.orderBy(desc(loginAttempts.at))
			.limit(1)
			.offset(ADDRESS_LIMIT - 1)
			.get();
		return { allowed: false, scope: 'address', retryAt: new Date((oldest?.at ?? now).getTime() + WINDOW_MS) };
	}
	return { allowed: true };
}

export function recordAttempt(db: Pick<Db, 'insert'>, email: string, address: string, succeeded: boolean, now = new Date()) {
	db.insert(loginAttempts).values({ email, address, succeeded, at: now }).run();
}
