import { beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import '../mail/catalogue';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { TEST_SECRET_KEY } from '$testing/sso';
import type { Db } from '../db';
import { accountTokens, auditLog, authRequests, mailOutbox, people } from '../db/schema';
import { configureSso } from '../sso/providers';
import { hashPassword, verifyPassword } from './password';
import { LINK_UNUSABLE, requestPasswordReset, setPasswordWithLink } from './password-reset';
import { REQUEST_LIMITS } from './request-throttle';
import { createSession, generateSessionToken, validateSessionToken } from './session';
import { issueToken } from './tokens';

const ORIGIN = 'https://academy.example.org';
const now = new Date('2026-11-27T12:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('forgotten passwords', () => {
	let db: Db;
	let org: number;
	let unit: { id: number; organisationId: number };
	let person: { id: number; email: string };
	const ask = (email: string, at = now, address = '10.0.0.1') => requestPasswordReset(db, { email, address, origin: ORIGIN, now: at });
	const outbox = () => db.select().from(mailOutbox).all();
	const passwordOf = (id: number) => db.select({ h: people.passwordHash }).from(people).where(eq(people.id, id)).get()!.h!;
	beforeEach(async () => {
		db = testDb();
		org = addOrganisation(db, 'Force A').id;
		unit = addUnit(db, org);
		person = addPerson(db, unit, { email: 'pc.smith@force-a.test', passwordHash: await hashPassword('old password 1') });
	});

	it('answer the same for a known and an unknown address; only the known one is sent a link, built from ORIGIN', async () => {
		expect(await ask(' PC.Smith@Force-A.test ')).toEqual({ ok: true });
		expect(await ask('nobody@force-a.test')).toEqual({ ok: true });
		const sent = outbox();
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ personId: person.id, template: 'password-reset', kind: 'account' });
		const data = JSON.parse(sent[0].data) as Record<string, string>;
		expect(data.resetUrl).toMatch(new RegExp(`^${ORIGIN}/reset-password/[a-z2-7]{32}$`));
		expect(data).toMatchObject({ minutes: '60', forgotUrl: `${ORIGIN}/forgot-password` });
		// Both were recorded (throttling) and audited.
		expect(db.select({ n: count() }).from(authRequests).get()!.n).toBe(2);
		const audit = db.select().from(auditLog).where(eq(auditLog.action, 'password-reset-request')).all();
		expect(audit.map((a) => [a.entityId, JSON.parse(a.detail!)])).toEqual([
			[String(person.id), { sent: 'reset' }],
			[null, { email: 'nobody@force-a.test', refused: 'unknown' }]
		]);
	});

	it('a link sets the password once, ends every session, and is audited; a second use and an older link are refused', async () => {
		await ask(person.email);
		const older = (JSON.parse(outbox()[0].data) as { resetUrl: string }).resetUrl.split('/').pop()!;
		await ask(person.email, later(60_000));
		const token = (JSON.parse(outbox()[1].data) as { resetUrl: string }).resetUrl.split('/').pop()!;
		const sessions = [generateSessionToken(), generateSessionToken()];
		for (const s of sessions) createSession(db, s, person.id);

		expect(await setPasswordWithLink(db, { token: older, purpose: 'reset', password: 'new password 2', now: later(120_000) })).toEqual({
			ok: false,
			message: LINK_UNUSABLE
		});
		expect(await setPasswordWithLink(db, { token, purpose: 'activation', password: 'new password 2', now: later(120_000) })).toMatchObject({ ok: false });
		expect(await setPasswordWithLink(db, { token, purpose: 'reset', password: 'new password 2', now: later(120_000) })).toEqual({ ok: true });
		expect(await verifyPassword(passwordOf(person.id), 'new password 2')).toBe(true);
		for (const s of sessions) expect(validateSessionToken(db, s).user).toBeNull();
		expect(db.select().from(auditLog).where(eq(auditLog.action, 'password-reset')).all()).toHaveLength(1);

		expect(await setPasswordWithLink(db, { token, purpose: 'reset', password: 'third password 3', now: later(180_000) })).toEqual({
			ok: false,
			message: LINK_UNUSABLE
		});
		expect(await verifyPassword(passwordOf(person.id), 'new password 2')).toBe(true);
		expect(db.select().from(accountTokens).all()).toHaveLength(0);
	});

	it('a link run out after an hour sets nothing', async () => {
		const { token } = issueToken(db, person.id, 'reset', now);
		expect(await setPasswordWithLink(db, { token, purpose: 'reset', password: 'new password 2', now: later(3_600_000) })).toMatchObject({ ok: false });
		expect(await verifyPassword(passwordOf(person.id), 'old password 1')).toBe(true);
	});

	it('a leaver gets the same answer and nothing; their old link sets nothing either', async () => {
		const { token } = issueToken(db, person.id, 'reset', now);
		db.update(people).set({ status: 'left', leftDate: '2026-11-01' }).where(eq(people.id, person.id)).run();
		expect(await ask(person.email)).toEqual({ ok: true });
		expect(outbox()).toHaveLength(0);
		expect(await setPasswordWithLink(db, { token, purpose: 'reset', password: 'new password 2', now })).toMatchObject({ ok: false });
		expect(await verifyPassword(passwordOf(person.id), 'old password 1')).toBe(true);
	});

	it('someone in a "single sign-on only" organisation is told by email to sign in with it, and given no link', async () => {
		configureSso(
			db,
			1,
			org,
			{ issuer: 'https://login.example/t/v2.0', clientId: 'c', clientSecret: 's', domains: ['force-a.test'], ssoOnly: true },
			TEST_SECRET_KEY,
			'admin'
		);
		expect(await ask(person.email)).toEqual({ ok: true });
		expect(outbox()).toMatchObject([{ template: 'password-reset-sso', personId: person.id }]);
		expect(JSON.parse(outbox()[0].data)).toMatchObject({ organisation: 'Force A', loginUrl: `${ORIGIN}/login` });
		expect(db.select().from(accountTokens).all()).toHaveLength(0);
	});

	it('is throttled by the address typed, known or not, and by network address; refusals send nothing', async () => {
		const { perEmail, perAddress, windowMs } = REQUEST_LIMITS['password-reset'];
		for (let i = 0; i < perEmail; i++) expect(await ask(person.email, later(i * 1000), `10.1.0.${i}`)).toEqual({ ok: true });
		const refused = await ask(person.email, later(perEmail * 1000), '10.1.1.1');
		expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/several times in the last hour.*try again in 60 minutes/) });
		for (let i = 0; i < perEmail; i++) await ask('nobody@force-a.test', later(i * 1000), `10.2.0.${i}`);
		expect(await ask('nobody@force-a.test', later(10_000), '10.2.1.1')).toMatchObject({ ok: false, message: refused.ok ? '' : refused.message });
		expect(outbox()).toHaveLength(perEmail);
		// After the window the address may ask again.
		expect(await ask(person.email, later(windowMs + 1000), '10.1.1.1')).toEqual({ ok: true });

		for (let i = 0; i < perAddress; i++)
			db.insert(authRequests)
				.values({ kind: 'password-reset', email: `p${i}@x.test`, address: '10.9.9.9', at: now })
				.run();
		expect(await ask('fresh@force-a.test', later(1000), '10.9.9.9')).toMatchObject({ ok: false, message: expect.stringMatching(/from your network/) });
	});
});
