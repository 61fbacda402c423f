import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, desc, eq, ne, notInArray, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/log';
import type { Db } from '../db';
import { prepared } from '../db/prepared';
import { people, roleGrants, sessions, type Person, type RoleGrant } from '../db/schema';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME = 30 * DAY;
const RENEW_WITHIN = 15 * DAY;
export const SESSION_COOKIE = 'session';
/** Sessions one person may hold at once: a new sign-in beyond this ends their oldest. */
export const MAX_SESSIONS_PER_PERSON = 10;

export type SessionUser = Pick<Person, 'id' | 'name' | 'email' | 'organisationId' | 'unitId' | 'jobRole'> & {
	grants: Pick<RoleGrant, 'role' | 'organisationId' | 'unitId'>[];
};
export type SessionValidationResult =
	{ session: { id: string; expiresAt: Date }; user: SessionUser; renewed: boolean } | { session: null; user: null; renewed: false };

export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

function sessionIdOf(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/**
 * Creates a session and, in the same transaction, ends the person's oldest beyond MAX_SESSIONS_PER_PERSON, so that
 * signing in again and again (or a leaked password used from many places) cannot pile up sessions without bound.
 */
export function createSession(db: Db, token: string, personId: number, now = new Date()) {
	const session = { id: sessionIdOf(token), personId, expiresAt: new Date(now.getTime() + SESSION_LIFETIME), createdAt: now };
	db.transaction((tx) => {
		tx.insert(sessions).values(session).run();
		const newest = tx
			.select({ id: sessions.id })
			.from(sessions)
			.where(eq(sessions.personId, personId))
			.orderBy(desc(sessions.createdAt), desc(sql`rowid`))
			.limit(MAX_SESSIONS_PER_PERSON);
		tx.delete(sessions)
			.where(and(eq(sessions.personId, personId), notInArray(sessions.id, newest)))
			.run();
	});
	return { id: session.id, personId, expiresAt: session.expiresAt };
}

export type SessionListing = { createdAt: Date; expiresAt: Date; current: boolean };

/** A person's sessions still in date, newest first, the one making the request marked. Ids stay on the server. */
export function listPersonSessions(db: Db, personId: number, currentSessionId: string, now = new Date()): SessionListing[] {
	return db
		.select({ id: sessions.id, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
		.from(sessions)
		.where(eq(sessions.personId, personId))
		.orderBy(desc(sessions.createdAt), desc(sql`rowid`))
		.all()
		.filter((s) => s.expiresAt.getTime() > now.getTime())
		.map((s) => ({ createdAt: s.createdAt, expiresAt: s.expiresAt, current: s.id === currentSessionId }));
}

/** "Sign out everywhere else": ends every other session of the person, with an audit entry. Returns how many ended. */
export function endOtherSessions(db: Db, personId: number, keepSessionId: string, now = new Date()): number {
	return db.transaction((tx) => {
		const ended = tx
			.delete(sessions)
			.where(and(eq(sessions.personId, personId), ne(sessions.id, keepSessionId)))
			.run().changes;
		// Nothing ended, nothing written: as with every write in the app, an action that changes nothing leaves no entry.
		if (ended) appendAudit(tx, { actorId: personId, action: 'sessions-end-others', entity: 'person', entityId: personId, detail: { ended }, at: now });
		return ended;
	});
}

/** The two queries every signed-in request runs, prepared once per connection. */
function sessionStatements(db: Db) {
	return prepared(db, 'session', () => ({
		lookup: db
			.select({
				expiresAt: sessions.expiresAt,
				user: {
					id: people.id,
					name: people.name,
					email: people.email,
					organisationId: people.organisationId,
					unitId: people.unitId,
					jobRole: people.jobRole,
					status: people.status
				}
			})
			.from(sessions)
			.innerJoin(people, eq(sessions.personId, people.id))
			.where(eq(sessions.id, sql.placeholder('id')))
			.prepare(),
		grants: db
			.select({ role: roleGrants.role, organisationId: roleGrants.organisationId, unitId: roleGrants.unitId })
			.from(roleGrants)
			.where(eq(roleGrants.personId, sql.placeholder('personId')))
			.prepare()
	}));
}

export function validateSessionToken(db: Db, token: string, now = new Date()): SessionValidationResult {
	const id = sessionIdOf(token);
	const statements = sessionStatements(db);
	const row = statements.lookup.get({ id });
	if (!row) return { session: null, user: null, renewed: false };
	if (now.getTime() >= row.expiresAt.getTime() || row.user.status !== 'active') {
		db.delete(sessions).where(eq(sessions.id, id)).run();
		return { session: null, user: null, renewed: false };
	}
	let expiresAt = row.expiresAt;
	let renewed = false;
	if (expiresAt.getTime() - now.getTime() < RENEW_WITHIN) {
		expiresAt = new Date(now.getTime() + SESSION_LIFETIME);
		db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id)).run();
		renewed = true;
	}
	const grants = statements.grants.all({ personId: row.user.id });
	const { status: _status, ...user } = row.user;
	return { session: { id, expiresAt }, user: { ...user, grants }, renewed };
}

export function invalidateSession(db: Db, sessionId: string) {
	db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** A person signing out: their session ends, and the audit log says so. */
export function signOut(db: Db, sessionId: string, personId: number, now = new Date()) {
	db.transaction((tx) => {
		const ended = tx.delete(sessions).where(eq(sessions.id, sessionId)).run().changes;
		if (ended) appendAudit(tx, { actorId: personId, action: 'sign-out', entity: 'person', entityId: personId, at: now });
	});
}

/** Ends every session of a person, or every one but `keepSessionId`. */
export function invalidatePersonSessions(db: Pick<Db, 'delete'>, personId: number, keepSessionId?: string) {
	db.delete(sessions)
		.where(keepSessionId ? and(eq(sessions.personId, personId), ne(sessions.id, keepSessionId)) : eq(sessions.personId, personId))
		.run();
}
