import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { people, sessions } from '../db/schema';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { createSession, generateSessionToken, invalidatePersonSessions, invalidateSession, SESSION_LIFETIME, validateSessionToken } from './session';
import type { Db } from '../db';

const DAY = 86400000;

describe('sessions', () => {
	let db: Db;
	let personId: number;
	beforeEach(() => {
		db = testDb();
		const org = addOrganisation(db);
		personId = addPerson(db, addUnit(db, org.id)).id;
	});

	it('stores only the SHA-256 of the token', () => {
		const token = generateSessionToken();
		createSession(db, token, personId);
		const row = db.select().from(sessions).get()!;
		expect(row.id).not.toBe(token);
		expect(row.id).toMatch(/^[0-9a-f]{64}$/);
		expect(validateSessionToken(db, token).user?.id).toBe(personId);
		expect(validateSessionToken(db, token + 'x').user).toBeNull();
	});

	it('expires after 30 days and deletes the expired session', () => {
		const now = new Date('2026-01-01T00:00:00Z');
		const token = generateSessionToken();
		createSession(db, token, personId, now);
		expect(validateSessionToken(db, token, new Date(now.getTime() + SESSION_LIFETIME - 1)).user).not.toBeNull();
		// that validation slid the expiry; a fresh session checked past its end is refused
		const other = generateSessionToken();
		createSession(db, other, personId, now);
		expect(validateSessionToken(db, other, new Date(now.getTime() + SESSION_LIFETIME)).user).toBeNull();
		expect(db.select().from(sessions).all()).toHaveLength(1);
	});

	it('slides the expiry forward when under 15 days remain', () => {
		const now = new Date('2026-01-01T00:00:00Z');
		const token = generateSessionToken();
		createSession(db, token, personId, now);
		const early = validateSessionToken(db, token, new Date(now.getTime() + 10 * DAY));
		expect(early.renewed).toBe(false);
		const late = validateSessionToken(db, token, new Date(now.getTime() + 20 * DAY));
		expect(late.renewed).toBe(true);
		expect(late.session!.expiresAt.getTime()).toBe(now.getTime() + 20 * DAY + SESSION_LIFETIME);
	});

	it('refuses the sessions of someone marked as left', () => {
		const token = generateSessionToken();
		createSession(db, token, personId);
		db.update(people).set({ status: 'left' }).where(eq(people.id, personId)).run();
		expect(validateSessionToken(db, token).user).toBeNull();
	});

	it('ends one session, or all but the current one', () => {
		const [a, b, c] = [generateSessionToken(), generateSessionToken(), generateSessionToken()];
		const sa = createSession(db, a, personId);
		createSession(db, b, personId);
		createSession(db, c, personId);
		invalidateSession(db, sa.id);
		expect(validateSessionToken(db, a).user).toBeNull();
		const sb = validateSessionToken(db, b).session!;
		invalidatePersonSessions(db, personId, sb.id);
		expect(validateSessionToken(db, b).user).not.toBeNull();
		expect(validateSessionToken(db, c).user).toBeNull();
	});
});
