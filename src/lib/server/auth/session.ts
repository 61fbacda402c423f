import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { prepared } from '../db/prepared';
import { people, roleGrants, sessions, type Person, type RoleGrant } from '../db/schema';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME = 30 * DAY;
const RENEW_WITHIN = 15 * DAY;
export const SESSION_COOKIE = 'session';

export type SessionUser = Pick<Person, 'id' | 'name' | 'email' | 'organisationId' | 'unitId' | 'jobRole'> & {
	grants: Pick<RoleGrant, 'role' | 'organisationId' | 'unitId'>[];
};
export type SessionValidationResult =
	| { session: { id: string; expiresAt: Date }; user: SessionUser; renewed: boolean }
	| { session: null; user: null; renewed: false };

export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

function sessionIdOf(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export function createSession(db: Db, token: string, personId: number, now = new Date()) {
	const session = { id: sessionIdOf(token), personId, expiresAt: new Date(now.getTime() + SESSION_LIFETIME) };
	db.insert(sessions).values(session).run();
	return session;
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

/** Ends every session of a person, or every one but `keepSessionId`. */
export function invalidatePersonSessions(db: Pick<Db, 'delete'>, personId: number, keepSessionId?: string) {
	db.delete(sessions)
		.where(keepSessionId ? and(eq(sessions.personId, personId), ne(sessions.id, keepSessionId)) : eq(sessions.personId, personId))
		.run();
}
