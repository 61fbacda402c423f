import { and, count, desc, eq, gt } from 'drizzle-orm';
import type { Db } from '../db';
import { loginAttempts } from '../db/schema';

export const WINDOW_MS = 15 * 60 * 1000;
/** Failures for one account from one address within the window before that address cools off for that account. */
export const ACCOUNT_LIMIT = 5;
/** Failures from one address within the window, whatever the account. High, because a whole station can share one address. */
export const ADDRESS_LIMIT = 100;
/** Failures for one account from all addresses after which each attempt for it is slowed down, never refused. */
export const ACCOUNT_SLOW_AFTER = 5;
/** The longest an attempt is held back. */
export const MAX_DELAY_MS = 8000;

export type ThrottleDecision = { allowed: true; delayMs: number } | { allowed: false; scope: 'account' | 'address'; retryAt: Date };

/**
 * Three counts, so that an attacker elsewhere cannot lock the owner out (why this design: README, "Behind a reverse proxy"):
 * - the account from this address: 5 failures pause sign-in to this account from this address only;
 * - this address, whatever the account: 100 failures pause it (password spraying);
 * - the account from every address: past 5 failures each attempt is held back (1 s, doubling to 8 s), never refused.
 * Refused attempts are not recorded, so hammering a paused pair does not extend its cooling-off.
 * A success clears the account's counts from that address and its slow-down: only failures after it count.
 */
export function checkThrottle(db: Db, email: string, address: string, now = new Date()): ThrottleDecision {
	const since = new Date(now.getTime() - WINDOW_MS);
	const recent = db
		.select({ address: loginAttempts.address, succeeded: loginAttempts.succeeded, at: loginAttempts.at })
		.from(loginAttempts)
		.where(and(eq(loginAttempts.email, email), gt(loginAttempts.at, since)))
		.orderBy(desc(loginAttempts.at))
		.all();
	// Newest first: the failures before the first success met, from this address and from all.
	const fromHere: Date[] = [];
	let everywhere = 0;
	let succeededHere = false;
	let succeededAnywhere = false;
	for (const a of recent) {
		if (a.succeeded) {
			succeededAnywhere = true;
			if (a.address === address) succeededHere = true;
			continue;
		}
		if (!succeededAnywhere) everywhere++;
		if (a.address === address && !succeededHere) fromHere.push(a.at);
	}
	if (fromHere.length >= ACCOUNT_LIMIT) return { allowed: false, scope: 'account', retryAt: new Date(fromHere[ACCOUNT_LIMIT - 1].getTime() + WINDOW_MS) };

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
	return { allowed: true, delayMs: slowDown(everywhere) };
}

/** 0 up to the limit, then 1 s doubling up to MAX_DELAY_MS. */
export function slowDown(failures: number): number {
	if (failures < ACCOUNT_SLOW_AFTER) return 0;
	return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - ACCOUNT_SLOW_AFTER));
}

export function recordAttempt(db: Pick<Db, 'insert'>, email: string, address: string, succeeded: boolean, now = new Date()) {
	db.insert(loginAttempts).values({ email, address, succeeded, at: now }).run();
}
