/**
 * Throttling of requests that need no password but cost something: a password-reset request sends an email, the
 * start of single sign-on stores a pending sign-in and sends the browser to a provider. Each is counted by the
 * address typed (so one person's inbox cannot be flooded, whoever asks) and by network address (so one machine
 * cannot walk through many), in the manner of sign-in throttling (./throttle.ts), whose records it leaves alone.
 */
import { and, count, desc, eq, gt } from 'drizzle-orm';
import type { Db } from '../db';
import { authRequests } from '../db/schema';

export type RequestKind = (typeof authRequests.$inferInsert)['kind'];
export type RequestLimits = { windowMs: number; perEmail: number; perAddress: number };

const MINUTE = 60_000;
export const REQUEST_LIMITS: Record<RequestKind, RequestLimits> = {
	// A few resets an hour is plenty for a person; a whole station may share a network address.
	'password-reset': { windowMs: 60 * MINUTE, perEmail: 3, perAddress: 100 },
	// Signing in again and again within minutes is normal (several tabs, a cancelled attempt), hundreds is not.
	'sso-start': { windowMs: 15 * MINUTE, perEmail: 10, perAddress: 300 }
};

export type RequestDecision = { allowed: true } | { allowed: false; scope: 'email' | 'address'; retryAt: Date };

type Reader = Pick<Db, 'select'>;

function retryAt(db: Reader, kind: RequestKind, where: ReturnType<typeof eq>, since: Date, limit: number, windowMs: number, now: Date): Date | null {
	const [{ n }] = db
		.select({ n: count() })
		.from(authRequests)
		.where(and(eq(authRequests.kind, kind), where, gt(authRequests.at, since)))
		.all();
	if (n < limit) return null;
	// The request that must leave the window before another is allowed.
	const oldest = db
		.select({ at: authRequests.at })
		.from(authRequests)
		.where(and(eq(authRequests.kind, kind), where, gt(authRequests.at, since)))
		.orderBy(desc(authRequests.at))
		.limit(1)
		.offset(limit - 1)
		.get();
	return new Date((oldest?.at ?? now).getTime() + windowMs);
}

/** Whether another request of this kind for `email` from `address` may go ahead now. Refused requests are not recorded. */
export function checkRequestThrottle(db: Reader, kind: RequestKind, email: string, address: string, now = new Date()): RequestDecision {
	const limits = REQUEST_LIMITS[kind];
	const since = new Date(now.getTime() - limits.windowMs);
	const byEmail = retryAt(db, kind, eq(authRequests.email, email), since, limits.perEmail, limits.windowMs, now);
	if (byEmail) return { allowed: false, scope: 'email', retryAt: byEmail };
	const byAddress = retryAt(db, kind, eq(authRequests.address, address), since, limits.perAddress, limits.windowMs, now);
	if (byAddress) return { allowed: false, scope: 'address', retryAt: byAddress };
	return { allowed: true };
}

export function recordRequest(db: Pick<Db, 'insert'>, kind: RequestKind, email: string, address: string, now = new Date()): void {
	db.insert(authRequests).values({ kind, email, address, at: now }).run();
}

export function minutesUntil(at: Date, now: Date): number {
	return Math.max(1, Math.ceil((at.getTime() - now.getTime()) / MINUTE));
}
