import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { people, sessions } from '../db/schema';
import { addOrganisation, addPerson, addPersonOnTheirOwn, addUnit, testDb } from '$testing/fixtures';
import {
	createSession,
	endOtherSessions,
	generateSessionToken,
	invalidatePersonSessions,
	invalidateSession,
	listPersonSessions,
	MAX_SESSIONS_PER_PERSON,
	SESSION_LIFETIME,
	validateSessionToken
} from './session';
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

	it(`keeps at most ${MAX_SESSIONS_PER_PERSON} sessions a person, ending the oldest when another is created`, () => {
		const start = new Date('2026-01-01T00:00:00Z');
		const tokens = Array.from({ length: MAX_SESSIONS_PER_PERSON + 3 }, () => generateSessionToken());
		tokens.forEach((t, i) => createSession(db, t, personId, new Date(start.getTime() + i * 60_000)));
		const other = addPersonOnTheirOwn(db).id;
		createSession(db, generateSessionToken(), other, start);
		expect(db.select().from(sessions).where(eq(sessions.personId, personId)).all()).toHaveLength(MAX_SESSIONS_PER_PERSON);
		const now = new Date(start.getTime() + DAY);
		expect(tokens.slice(0, 3).map((t) => validateSessionToken(db, t, now).user)).toEqual([null, null, null]);
		expect(tokens.slice(3).every((t) => validateSessionToken(db, t, now).user?.id === personId)).toBe(true);
		// Someone else's sessions are not touched.
		expect(db.select().from(sessions).where(eq(sessions.personId, other)).all()).toHaveLength(1);
	});

	it('lists the sessions in date, newest first, marking the current one', () => {
		const start = new Date('2026-01-01T00:00:00Z');
		const [a, b, c] = [generateSessionToken(), generateSessionToken(), generateSessionToken()];
		createSession(db, a, personId, new Date(start.getTime() - SESSION_LIFETIME - DAY)); // long expired
		const sb = createSession(db, b, personId, start);
		createSession(db, c, personId, new Date(start.getTime() + DAY));
		const listed = listPersonSessions(db, personId, sb.id, new Date(start.getTime() + 2 * DAY));
		expect(listed).toEqual([
			{ createdAt: new Date(start.getTime() + DAY), expiresAt: new Date(start.getTime() + DAY + SESSION_LIFETIME), current: false },
			{ createdAt: start, expiresAt: new Date(start.getTime() + SESSION_LIFETIME), current: true }
		]);
	});

	it('signs out everywhere else with an audit entry, and writes nothing when there is nowhere else', () => {
		const [a, b, c] = [generateSessionToken(), generateSessionToken(), generateSessionToken()];
		const sa = createSession(db, a, personId);
		createSession(db, b, personId);
		createSession(db, c, personId);
		expect(endOtherSessions(db, personId, sa.id)).toBe(2);
		expect(validateSessionToken(db, a).user?.id).toBe(personId);
		expect([validateSessionToken(db, b).user, validateSessionToken(db, c).user]).toEqual([null, null]);
		const entries = () =>
			db.$client.prepare("select actor_id as actorId, entity_id as entityId, detail from audit_log where action = 'sessions-end-others'").all();
		expect(entries()).toEqual([{ actorId: personId, entityId: String(personId), detail: '{"ended":2}' }]);
		expect(endOtherSessions(db, personId, sa.id)).toBe(0);
		expect(entries()).toHaveLength(1);
	});
});
