import { describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addPersonOnTheirOwn, addUnit, testDb } from '$testing/fixtures';
import { changeOwnPassword } from './change-password';
import { hashPassword, verifyPassword } from './password';
import { createSession, generateSessionToken, validateSessionToken } from './session';
import { people } from '../db/schema';
import { eq } from 'drizzle-orm';
import { configureSso } from '../sso/providers';
import { TEST_SECRET_KEY } from '$testing/sso';

describe('changing your own password', () => {
	it('ends the other sessions, keeps this one, and stops unlimited guessing of the current password', async () => {
		const db = testDb();
		const person = addPersonOnTheirOwn(db, { passwordHash: await hashPassword('first password 1') });
		const mine = generateSessionToken();
		const other = generateSessionToken();
		const session = createSession(db, mine, person.id);
		createSession(db, other, person.id);
		const now = new Date('2026-05-01T10:00:00Z');
		const change = (current: string, minutes = 0) =>
			changeOwnPassword(db, {
				personId: person.id,
				sessionId: session.id,
				current,
				next: 'second password 2',
				address: '10.1.1.1',
				now: new Date(now.getTime() + minutes * 60000)
			});

		for (let i = 0; i < 5; i++) expect(await change('wrong')).toMatchObject({ ok: false, message: 'Your current password is not right.' });
		expect(await change('first password 1')).toMatchObject({ ok: false, message: expect.stringMatching(/Too many wrong passwords/) });
		expect(await change('first password 1', 16)).toEqual({ ok: true });
		const hash = db.select({ h: people.passwordHash }).from(people).where(eq(people.id, person.id)).get()!.h!;
		expect(await verifyPassword(hash, 'second password 2')).toBe(true);
		expect(validateSessionToken(db, mine).user).not.toBeNull();
		expect(validateSessionToken(db, other).user).toBeNull();
	});

	it('refuses in a "single sign-on only" organisation, where a password could never be used, and keeps the hash', async () => {
		const db = testDb();
		const org = addOrganisation(db);
		const person = addPerson(db, addUnit(db, org.id), { passwordHash: await hashPassword('first password 1') });
		const session = createSession(db, generateSessionToken(), person.id);
		configureSso(
			db,
			null,
			org.id,
			{ issuer: 'https://login.example/t/v2.0', clientId: 'c', clientSecret: 's', domains: ['sso-only.test'], ssoOnly: true },
			TEST_SECRET_KEY,
			'admin'
		);
		const before = db.select({ h: people.passwordHash }).from(people).where(eq(people.id, person.id)).get()!.h;
		const result = await changeOwnPassword(db, {
			personId: person.id,
			sessionId: session.id,
			current: 'first password 1',
			next: 'second password 2',
			address: '10.1.1.1'
		});
		expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/signs you in with its own account/) });
		expect(db.select({ h: people.passwordHash }).from(people).where(eq(people.id, person.id)).get()!.h).toBe(before);
	});
});
