import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import '../mail/catalogue';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { TEST_SECRET_KEY } from '$testing/sso';
import { testFramework } from '$testing/framework';
import type { Db } from '../db';
import { accountTokens, auditLog, mailOutbox, people } from '../db/schema';
import { createPerson } from '../people/repository';
import { configureSso } from '../sso/providers';
import { accountLinkFor, sendAccountLink } from './activation';
import { hashPassword } from './password';
import { peekToken } from './tokens';

const ORIGIN = 'https://academy.example.org';
const now = new Date('2026-11-27T12:00:00Z');

/** The link in a queued message's values, and the token at its end. */
function linkIn(db: Db, personId: number, name: string) {
	const rows = db.select().from(mailOutbox).where(eq(mailOutbox.personId, personId)).all();
	const data = JSON.parse(rows.at(-1)!.data) as Record<string, string>;
	return { template: rows.at(-1)!.template, url: data[name], token: data[name]?.split('/').pop() ?? '', count: rows.length };
}

describe('activation', () => {
	let db: Db;
	let org: number;
	let unit: { id: number; organisationId: number };
	beforeEach(() => {
		db = testDb();
		org = addOrganisation(db, 'Trust A', 'nhs').id;
		unit = addUnit(db, org);
	});

	it('is queued in the transaction that adds a person, with a 7-day link built from ORIGIN', () => {
		const result = createPerson(db, testFramework(), 1, {
			name: 'New Nurse',
			email: 'new.nurse@trust-a.test',
			organisationId: org,
			unitId: unit.id,
			jobRole: 'mental-health-nurse',
			workforceId: 'N-1',
			startDate: '2026-01-05'
		});
		if (!result.ok) throw new Error('not created');
		const mail = db.select().from(mailOutbox).where(eq(mailOutbox.personId, result.id)).get()!;
		expect(mail).toMatchObject({ template: 'account-activation', kind: 'account', toAddress: 'new.nurse@trust-a.test', status: 'queued' });
		const data = JSON.parse(mail.data) as Record<string, string>;
		expect(data.activateUrl).toMatch(/^http:\/\/localhost:\d+\/activate\/[a-z2-7]{32}$/);
		expect(data).toMatchObject({ name: 'New Nurse', organisation: 'Trust A', days: '7' });
		expect(peekToken(db, data.activateUrl.split('/').pop()!, 'activation')).toEqual({ personId: result.id });
	});

	it('is not queued when adding the person is refused', () => {
		const taken = addPerson(db, unit, { email: 'taken@trust-a.test' });
		const result = createPerson(db, testFramework(), 1, {
			name: 'Someone',
			email: 'taken@trust-a.test',
			organisationId: org,
			unitId: unit.id,
			jobRole: 'mental-health-nurse',
			workforceId: 'N-2',
			startDate: '2026-01-05'
		});
		expect(result.ok).toBe(false);
		expect(db.select().from(mailOutbox).all()).toHaveLength(0);
		expect(taken.id).toBeGreaterThan(0);
	});

	it('an administrator sends activation again, replacing the earlier link; a reset link once a password is set', async () => {
		const person = addPerson(db, unit);
		expect(accountLinkFor(db, person.id)).toBe('activation');
		expect(sendAccountLink(db, 7, person.id, { origin: ORIGIN, now })).toEqual({ ok: true, sent: 'activation' });
		const first = linkIn(db, person.id, 'activateUrl');
		expect(first.url).toBe(`${ORIGIN}/activate/${first.token}`);
		sendAccountLink(db, 7, person.id, { origin: ORIGIN, now });
		const second = linkIn(db, person.id, 'activateUrl');
		expect(second.count).toBe(2);
		expect(peekToken(db, first.token, 'activation', now)).toBeUndefined();
		expect(peekToken(db, second.token, 'activation', now)).toEqual({ personId: person.id });

		db.update(people)
			.set({ passwordHash: await hashPassword('a password 1') })
			.where(eq(people.id, person.id))
			.run();
		expect(accountLinkFor(db, person.id)).toBe('reset');
		expect(sendAccountLink(db, 7, person.id, { origin: ORIGIN, now })).toEqual({ ok: true, sent: 'reset' });
		const reset = linkIn(db, person.id, 'resetUrl');
		expect(reset).toMatchObject({ template: 'password-reset', url: `${ORIGIN}/reset-password/${reset.token}` });
		expect(peekToken(db, reset.token, 'reset', now)).toEqual({ personId: person.id });
		const audit = db.select().from(auditLog).where(eq(auditLog.action, 'account-link-sent')).all();
		expect(audit.map((a) => JSON.parse(a.detail!))).toEqual([{ sent: 'activation' }, { sent: 'activation' }, { sent: 'reset' }]);
	});

	it('refuses to send a link to a leaver, and changes nothing', () => {
		const person = addPerson(db, unit, { status: 'left', leftDate: '2026-01-01' });
		expect(sendAccountLink(db, 7, person.id, { origin: ORIGIN, now })).toMatchObject({ ok: false });
		expect(db.select().from(mailOutbox).all()).toHaveLength(0);
		expect(db.select().from(accountTokens).all()).toHaveLength(0);
		expect(db.select().from(auditLog).where(eq(auditLog.action, 'account-link-sent')).all()).toHaveLength(0);
	});

	it('in an organisation that signs its people in, says to sign in with it: no password link is made', () => {
		configureSso(
			db,
			1,
			org,
			{ issuer: 'https://login.example/t/v2.0', clientId: 'c', clientSecret: 's', domains: ['trust-a.test'], ssoOnly: false },
			TEST_SECRET_KEY,
			'admin'
		);
		const covered = addPerson(db, unit, { email: 'covered@trust-a.test' });
		const elsewhere = addPerson(db, unit, { email: 'someone@personal.test' });
		expect(sendAccountLink(db, 7, covered.id, { origin: ORIGIN, now })).toEqual({ ok: true, sent: 'sso' });
		expect(linkIn(db, covered.id, 'loginUrl')).toMatchObject({ template: 'account-activation-sso', url: `${ORIGIN}/login` });
		// Passwords are still allowed in this organisation, and /login sends this address to the password form.
		expect(sendAccountLink(db, 7, elsewhere.id, { origin: ORIGIN, now })).toEqual({ ok: true, sent: 'activation' });
		expect(
			db
				.select()
				.from(accountTokens)
				.all()
				.map((t) => t.personId)
		).toEqual([elsewhere.id]);
	});
});
