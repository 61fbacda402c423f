import { eq } from 'drizzle-orm';
import type { Cookies } from '@sveltejs/kit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { TEST_SECRET_KEY } from '$testing/sso';
import type { Db } from '../db';
import { REQUEST_LIMITS, recordRequest } from '../auth/request-throttle';
import { auditLog, authRequests, ssoProviders } from '../db/schema';
import { SSO_FAILURE_MESSAGES, ssoFailureMessage } from './login-messages';
import { singleSignOnStep } from './login-step';
import { configureSso, isSsoOnly, providerForEmail, removeSso, ssoSettingsOf } from './providers';
import { openSecret, parseSecretKey } from './secret-box';

const settings = {
	issuer: 'https://login.microsoftonline.com/tenant-a/v2.0',
	clientId: 'client-a',
	clientSecret: 'first-secret',
	domains: ['a.nhs.uk', 'a-ambulance.nhs.uk'],
	ssoOnly: false
};
let db: Db;
let a: number;
let b: number;

beforeEach(() => {
	db = testDb();
	a = addOrganisation(db, 'Org A', 'ambulance').id;
	b = addOrganisation(db, 'Org B', 'nhs').id;
	addPerson(db, addUnit(db, a), { email: 'someone@a.nhs.uk' });
});

const auditDetails = () =>
	db
		.select()
		.from(auditLog)
		.all()
		.map((r) => r.detail)
		.join('\n');

describe('an organisation’s provider', () => {
	it('is saved with its secret encrypted, shown without it, and audited without it', () => {
		expect(configureSso(db, 1, a, settings, TEST_SECRET_KEY, 'admin')).toEqual({ ok: true });
		const stored = db.select().from(ssoProviders).where(eq(ssoProviders.organisationId, a)).get()!;
		expect(stored.clientSecret).not.toContain('first-secret');
		expect(openSecret((TEST_SECRET_KEY as { key: Buffer }).key, a, stored.clientSecret)).toBe('first-secret');
		const view = ssoSettingsOf(db, a)!;
		expect(view).toMatchObject({
			issuer: settings.issuer,
			clientId: 'client-a',
			secretSet: true,
			domains: ['a-ambulance.nhs.uk', 'a.nhs.uk'],
			ssoOnly: false
		});
		expect(JSON.stringify(view)).not.toContain(stored.clientSecret);

		// An empty secret keeps the stored one; a new one replaces it.
		expect(configureSso(db, 1, a, { ...settings, clientSecret: '', ssoOnly: true }, TEST_SECRET_KEY, 'admin')).toEqual({
			ok: true
		});
		expect(db.select().from(ssoProviders).get()!.clientSecret).toBe(stored.clientSecret);
		expect(configureSso(db, 1, a, { ...settings, clientSecret: 'second-secret' }, TEST_SECRET_KEY, 'cli')).toEqual({
			ok: true
		});
		expect(db.select().from(ssoProviders).get()!.clientSecret).not.toBe(stored.clientSecret);

		const entries = db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'sso-configure'))
			.all()
			.map((r) => JSON.parse(r.detail));
		expect(entries.map((e) => [e.secretReplaced, e.via, e.after.ssoOnly])).toEqual([
			[true, 'admin', false],
			[false, 'admin', true],
			[true, 'cli', false]
		]);
		expect(auditDetails()).not.toMatch(/first-secret|second-secret|v1\./);
	});

	it('needs a secret the first time, the key, and domains no other organisation covers', () => {
		expect(configureSso(db, 1, a, { ...settings, clientSecret: '' }, TEST_SECRET_KEY, 'admin')).toEqual({
			ok: false,
			errors: { clientSecret: 'Enter the client secret' }
		});
		const noKey = configureSso(db, 1, a, settings, parseSecretKey(undefined), 'admin');
		expect(noKey).toMatchObject({ ok: false, errors: { form: expect.stringMatching(/SSO_SECRET_KEY is not set/) } });
		expect(configureSso(db, 1, a, settings, TEST_SECRET_KEY, 'admin')).toEqual({ ok: true });
		expect(configureSso(db, 1, b, { ...settings, domains: ['b.nhs.uk', 'a.nhs.uk'] }, TEST_SECRET_KEY, 'admin')).toEqual({
			ok: false,
			errors: { domains: 'a.nhs.uk already signs in through the provider of Org A' }
		});
		expect(configureSso(db, 1, 9999, settings, TEST_SECRET_KEY, 'admin')).toMatchObject({ ok: false });
		expect(db.select().from(auditLog).all()).toHaveLength(1);
	});

	it('is found by an address’s domain, and can be turned off', () => {
		configureSso(db, 1, a, { ...settings, ssoOnly: true }, TEST_SECRET_KEY, 'admin');
		expect(providerForEmail(db, 'Someone@A.NHS.UK')).toEqual({
			organisationId: a,
			organisationName: 'Org A',
			ssoOnly: true
		});
		expect(providerForEmail(db, 'someone@sub.a.nhs.uk')).toBeUndefined();
		expect(providerForEmail(db, 'no-at-sign')).toBeUndefined();
		expect(isSsoOnly(db, a)).toBe(true);
		expect(isSsoOnly(db, b)).toBe(false);
		expect(removeSso(db, 1, a, 'admin')).toEqual({ ok: true });
		expect(providerForEmail(db, 'someone@a.nhs.uk')).toBeUndefined();
		expect(isSsoOnly(db, a)).toBe(false);
		expect(removeSso(db, 1, a, 'admin')).toMatchObject({ ok: false });
		expect(db.select().from(auditLog).where(eq(auditLog.action, 'sso-remove')).all()).toHaveLength(1);
	});
});

describe('the first step of /login', () => {
	const event = () => ({
		cookies: { set: vi.fn() } as unknown as Cookies,
		url: new URL('http://localhost:3000/login'),
		getClientAddress: () => '10.2.3.4'
	});

	it('leaves addresses without single sign-on, and passwords where still allowed, to the password check', async () => {
		expect(await singleSignOnStep(db, event(), { email: 'someone@elsewhere.test', password: '', redirectTo: '/training' })).toBeNull();
		configureSso(db, 1, a, settings, TEST_SECRET_KEY, 'admin');
		expect(
			await singleSignOnStep(db, event(), {
				email: 'someone@a.nhs.uk',
				password: 'a password',
				redirectTo: '/training'
			})
		).toBeNull();
	});

	it('refuses a password for a "single sign-on only" domain, whoever the address belongs to', async () => {
		configureSso(db, 1, a, { ...settings, ssoOnly: true }, TEST_SECRET_KEY, 'admin');
		for (const email of ['someone@a.nhs.uk', 'nobody-on-the-roster@a.nhs.uk']) {
			const answer = await singleSignOnStep(db, event(), { email, password: 'a password', redirectTo: '/training' });
			expect(answer).toMatchObject({
				status: 400,
				data: {
					errors: { password: expect.stringMatching(/^Org A signs in with single sign-on only/) },
					values: { email }
				}
			});
		}
	});

	it('says single sign-on is unavailable when the provider cannot be reached, and sets no cookie', async () => {
		vi.stubEnv('SSO_SECRET_KEY', 'a'.repeat(64));
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		configureSso(db, 1, a, { ...settings, issuer: 'http://127.0.0.1:9' }, TEST_SECRET_KEY, 'admin');
		const e = event();
		const answer = await singleSignOnStep(db, e, { email: 'someone@a.nhs.uk', password: '', redirectTo: '/training' });
		expect(answer).toMatchObject({ status: 503, data: { errors: { form: SSO_FAILURE_MESSAGES.unavailable } } });
		expect(e.cookies.set).not.toHaveBeenCalled();
		expect(warn.mock.calls[0][0]).toMatch(/discovery at http:\/\/127\.0\.0\.1:9 failed/);
		vi.unstubAllEnvs();
		warn.mockRestore();
	});

	it('limits how often single sign-on starts, by the address typed and by network, before any provider is asked', async () => {
		configureSso(db, 1, a, { ...settings, issuer: 'http://127.0.0.1:9' }, TEST_SECRET_KEY, 'admin');
		const { perEmail, perAddress } = REQUEST_LIMITS['sso-start'];
		for (let i = 0; i < perEmail; i++) recordRequest(db, 'sso-start', 'someone@a.nhs.uk', `10.9.9.${i}`);
		const e = event();
		const answer = await singleSignOnStep(db, e, { email: 'Someone@A.nhs.uk', password: '', redirectTo: '/training' });
		expect(answer).toMatchObject({ status: 429, data: { errors: { form: expect.stringMatching(/^Single sign-on has been started for this address/) } } });
		expect(e.cookies.set).not.toHaveBeenCalled();
		for (let i = 0; i < perAddress; i++) recordRequest(db, 'sso-start', `p${i}@a.nhs.uk`, '10.2.3.4');
		const fromNetwork = await singleSignOnStep(db, event(), { email: 'other@a.nhs.uk', password: '', redirectTo: '/training' });
		expect(fromNetwork).toMatchObject({ status: 429, data: { errors: { form: expect.stringMatching(/from your network/) } } });
		// Neither refusal was counted: the window is not pushed further out by retrying.
		expect(db.select().from(authRequests).all()).toHaveLength(perEmail + perAddress);
	});

	it('shows a message only for the failures it knows', () => {
		expect(ssoFailureMessage('no-access')).toBe(SSO_FAILURE_MESSAGES['no-access']);
		expect(ssoFailureMessage('toString')).toBeUndefined();
		expect(ssoFailureMessage('<script>')).toBeUndefined();
		expect(ssoFailureMessage(null)).toBeUndefined();
	});
});
