import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { signInAtProvider, startLocalProvider, TEST_SECRET_KEY, type LocalProvider } from '$testing/sso';
import { hashPassword } from '../auth/password';
import { createSession, generateSessionToken, invalidateSession } from '../auth/session';
import { INVALID_CREDENTIALS, signIn } from '../auth/sign-in';
import type { Db } from '../db';
import { auditLog, people, ssoLinks, ssoLogins, ssoSessions } from '../db/schema';
import { completeSsoSignIn } from './callback';
import { forgetConfigurations } from './client';
import { savePendingLogin } from './login-state';
import { configureSso, unlinkPerson } from './providers';
import { checkedSignOut, providerSignOut, rememberSsoSession, signOutCookieValue } from './sign-out';
import { startSsoSignIn } from './start';

// Every case against a real OpenID provider (oidc-provider: discovery, PKCE, token and JWKS endpoints, RSA keys),
// driven as a browser would drive it, with openid-client doing every check.

const APP = 'http://localhost:4999';
const CLIENT = {
	clientId: 'academy',
	clientSecret: 'a-real-client-secret',
	redirectUris: [`${APP}/login/sso/callback`],
	postLogoutRedirectUris: [`${APP}/`]
};
const PASSWORD = 'provider-password-1';
const key = TEST_SECRET_KEY;

let las: LocalProvider;
let entra: LocalProvider;

beforeAll(async () => {
	const accounts = [
		{ id: 'acc-paramedic', email: 'paramedic@las.test', name: 'Paramedic', password: PASSWORD },
		{ id: 'acc-stranger', email: 'stranger@las.test', name: 'Not on the roster', password: PASSWORD },
		{ id: 'acc-leaver', email: 'leaver@las.test', name: 'Leaver', password: PASSWORD },
		{ id: 'acc-outsider', email: 'paramedic@elsewhere.test', name: 'Other domain', password: PASSWORD }
	];
	las = await startLocalProvider({ title: 'LAS (test)', accounts, clients: [CLIENT] });
	// Entra's shape: claims in the ID token, `oid` as the stable id, no `email` but `preferred_username`.
	entra = await startLocalProvider({
		title: 'Entra-like (test)',
		accounts: [
			{
				id: 'pairwise-sub-123',
				oid: '00000000-aaaa-bbbb-cccc-000000000001',
				email: 'paramedic@las.test',
				name: 'Paramedic',
				password: PASSWORD
			}
		],
		clients: [CLIENT],
		conformIdTokenClaims: false,
		entraClaims: true
	});
});
afterAll(async () => {
	await las?.close();
	await entra?.close();
});

let db: Db;
let organisationId: number;
let paramedic: number;
let leaver: number;

beforeEach(async () => {
	forgetConfigurations();
	db = testDb();
	const organisation = addOrganisation(db, 'London Ambulance Service', 'ambulance');
	organisationId = organisation.id;
	const unit = addUnit(db, organisationId);
	paramedic = addPerson(db, unit, {
		email: 'paramedic@las.test',
		passwordHash: await hashPassword('a-long-password')
	}).id;
	leaver = addPerson(db, unit, { email: 'leaver@las.test', status: 'left', leftDate: '2026-01-31' }).id;
	addPerson(db, unit, { email: 'paramedic@elsewhere.test' });
	useProvider(las);
});

function useProvider(provider: LocalProvider, ssoOnly = false) {
	const saved = configureSso(
		db,
		null,
		organisationId,
		{
			issuer: provider.issuer,
			clientId: CLIENT.clientId,
			clientSecret: CLIENT.clientSecret,
			domains: ['las.test'],
			ssoOnly
		},
		key,
		'cli'
	);
	expect(saved).toEqual({ ok: true });
}

async function start(redirectTo = '/training') {
	const started = await startSsoSignIn(db, {
		organisationId,
		email: 'paramedic@las.test',
		redirectTo,
		origin: APP,
		key
	});
	if (!started.ok) throw new Error(started.reason);
	return started;
}

const complete = (token: string | undefined, callbackUrl: URL) => completeSsoSignIn(db, { token, callbackUrl, key });
const audits = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).all();
const links = () => db.select().from(ssoLinks).all();

describe('single sign-on against a real provider', () => {
	it('signs a person on the roster in, links them by the provider’s subject, and sends them where they were going', async () => {
		const started = await start('/modules?x=1');
		const auth = new URL(started.url);
		expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
		expect(auth.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
		expect(auth.searchParams.get('state')).toBeTruthy();
		expect(auth.searchParams.get('nonce')).toBeTruthy();
		expect(auth.searchParams.get('login_hint')).toBe('paramedic@las.test');

		const callback = await signInAtProvider(started.url, { email: 'paramedic@las.test', password: PASSWORD });
		const result = await complete(started.token, callback);
		expect(result).toMatchObject({ ok: true, personId: paramedic, organisationId, redirectTo: '/modules?x=1' });
		expect(links()).toMatchObject([{ personId: paramedic, issuer: las.issuer, subject: 'acc-paramedic' }]);
		expect(audits('sso-link')).toHaveLength(1);
		expect(JSON.parse(audits('sign-in')[0].detail)).toEqual({ via: 'sso', issuer: las.issuer });
		expect(db.select({ n: count() }).from(ssoLogins).get()!.n, 'the pending sign-in is used up').toBe(0);

		// Next time the link decides, not the email: the roster address can change.
		db.update(people).set({ email: 'renamed@las.test' }).where(eq(people.id, paramedic)).run();
		const again = await start();
		expect(await complete(again.token, await signInAtProvider(again.url, { email: 'paramedic@las.test', password: PASSWORD }))).toMatchObject({
			ok: true,
			personId: paramedic
		});
		expect(links()).toHaveLength(1);
	});

	it('refuses a callback whose state is not the one it sent, and the attempt is used up', async () => {
		const started = await start();
		const callback = await signInAtProvider(started.url, { email: 'paramedic@las.test', password: PASSWORD });
		const forged = new URL(callback);
		forged.searchParams.set('state', 'an-attackers-state');
		expect(await complete(started.token, forged)).toMatchObject({ ok: false, failure: 'not-verified' });
		expect(await complete(started.token, callback)).toMatchObject({ ok: false, failure: 'expired' });
		expect(links()).toEqual([]);
	});

	it('refuses a replayed code: the pending sign-in is single use, and the provider will not redeem a code twice', async () => {
		const started = await start();
		const original = db.select().from(ssoLogins).get()!;
		const callback = await signInAtProvider(started.url, { email: 'paramedic@las.test', password: PASSWORD });
		expect(await complete(started.token, callback)).toMatchObject({ ok: true });
		expect(await complete(started.token, callback)).toMatchObject({ ok: false, failure: 'expired' });
		expect(db.select().from(ssoLogins).all()).toEqual([]);
		// Even with the very same state, nonce and PKCE verifier pending again, the code itself is spent.
		const replay = savePendingLogin(db, {
			organisationId,
			state: original.state,
			nonce: original.nonce,
			codeVerifier: original.codeVerifier,
			redirectTo: '/training'
		});
		const result = await complete(replay.token, callback);
		expect(result).toMatchObject({ ok: false, failure: 'not-verified' });
		expect(!result.ok && result.detail).toMatch(/invalid_grant/);
		expect(audits('sign-in')).toHaveLength(1);
	});

	it('refuses an ID token whose nonce is not the one this sign-in sent', async () => {
		const started = await start();
		const callback = await signInAtProvider(started.url, { email: 'paramedic@las.test', password: PASSWORD });
		db.update(ssoLogins).set({ nonce: 'another-sign-ins-nonce' }).run();
		const result = await complete(started.token, callback);
		expect(result).toMatchObject({ ok: false, failure: 'not-verified' });
		expect(!result.ok && result.detail).toMatch(/nonce/);
		expect(links()).toEqual([]);
	});

	it('refuses someone the provider knows but the roster does not, and creates nobody', async () => {
		const before = db.select({ n: count() }).from(people).get()!.n;
		const started = await start();
		const result = await complete(started.token, await signInAtProvider(started.url, { email: 'stranger@las.test', password: PASSWORD }));
		expect(result).toMatchObject({ ok: false, failure: 'no-access', detail: 'not on the roster' });
		expect(db.select({ n: count() }).from(people).get()!.n).toBe(before);
		expect(links()).toEqual([]);
		expect(JSON.parse(audits('sign-in-failed')[0].detail)).toMatchObject({
			via: 'sso',
			email: 'stranger@las.test',
			reason: 'not on the roster'
		});
	});

	it('refuses a leaver whose provider account still works, linked or not', async () => {
		let started = await start();
		expect(await complete(started.token, await signInAtProvider(started.url, { email: 'leaver@las.test', password: PASSWORD }))).toMatchObject({
			ok: false,
			failure: 'no-access',
			detail: 'left'
		});
		// Linked while in post, then marked as left.
		db.update(people).set({ status: 'active', leftDate: null }).where(eq(people.id, leaver)).run();
		started = await start();
		expect(await complete(started.token, await signInAtProvider(started.url, { email: 'leaver@las.test', password: PASSWORD }))).toMatchObject({
			ok: true,
			personId: leaver
		});
		db.update(people).set({ status: 'left', leftDate: '2026-02-01' }).where(eq(people.id, leaver)).run();
		started = await start();
		expect(await complete(started.token, await signInAtProvider(started.url, { email: 'leaver@las.test', password: PASSWORD }))).toMatchObject({
			ok: false,
			failure: 'no-access',
			detail: 'left'
		});
	});

	it('refuses an address outside the organisation’s single sign-on domains, even of someone on its roster', async () => {
		const started = await start();
		const result = await complete(started.token, await signInAtProvider(started.url, { email: 'paramedic@elsewhere.test', password: PASSWORD }));
		expect(result).toMatchObject({
			ok: false,
			failure: 'no-access',
			detail: 'email domain not covered by this provider'
		});
	});

	it('says "cancelled" when the person cancels at the provider', async () => {
		const started = await start();
		expect(await complete(started.token, await signInAtProvider(started.url, 'cancel'))).toMatchObject({
			ok: false,
			failure: 'cancelled'
		});
	});

	it('refuses a callback without the browser’s pending sign-in, or after ten minutes', async () => {
		const started = await start();
		const callback = await signInAtProvider(started.url, { email: 'paramedic@las.test', password: PASSWORD });
		expect(await complete(undefined, callback)).toMatchObject({ ok: false, failure: 'expired' });
		expect(await complete('someone-elses-token', callback)).toMatchObject({ ok: false, failure: 'expired' });
		const late = await completeSsoSignIn(db, {
			token: started.token,
			callbackUrl: callback,
			key,
			now: new Date(Date.now() + 11 * 60_000)
		});
		expect(late).toMatchObject({ ok: false, failure: 'expired' });
	});

	it('refuses a new provider account for an address already linked to another, until an administrator unlinks it', async () => {
		let started = await start();
		expect(await complete(started.token, await signInAtProvider(started.url, { email: 'paramedic@las.test', password: PASSWORD }))).toMatchObject({ ok: true });
		// As if the account at the provider had been deleted and made anew: a new subject id for the same address.
		db.update(ssoLinks).set({ subject: 'the-deleted-account' }).run();
		started = await start();
		expect(await complete(started.token, await signInAtProvider(started.url, { email: 'paramedic@las.test', password: PASSWORD }))).toMatchObject({
			ok: false,
			failure: 'no-access',
			detail: 'person already linked to another account at this provider'
		});
		expect(unlinkPerson(db, null, organisationId, 'nobody@las.test', 'cli')).toMatchObject({ ok: false });
		expect(unlinkPerson(db, null, organisationId, 'PARAMEDIC@las.test', 'cli')).toEqual({ ok: true });
		expect(JSON.parse(audits('sso-unlink')[0].detail)).toEqual({
			issuer: las.issuer,
			subject: 'the-deleted-account',
			via: 'cli'
		});
		started = await start();
		expect(await complete(started.token, await signInAtProvider(started.url, { email: 'paramedic@las.test', password: PASSWORD }))).toMatchObject({
			ok: true,
			personId: paramedic
		});
		expect(links()).toMatchObject([{ subject: 'acc-paramedic' }]);
	});

	it('takes Entra’s claims: oid as the stable subject, preferred_username when there is no email', async () => {
		useProvider(entra);
		const started = await start();
		const result = await complete(started.token, await signInAtProvider(started.url, { email: 'paramedic@las.test', password: PASSWORD }));
		expect(result).toMatchObject({ ok: true, personId: paramedic });
		expect(links()).toMatchObject([{ issuer: entra.issuer, subject: '00000000-aaaa-bbbb-cccc-000000000001' }]);
	});

	it('moving to another issuer drops the old links, so people are matched afresh', async () => {
		const started = await start();
		expect(await complete(started.token, await signInAtProvider(started.url, { email: 'paramedic@las.test', password: PASSWORD }))).toMatchObject({ ok: true });
		expect(links()).toHaveLength(1);
		useProvider(entra);
		expect(links()).toEqual([]);
		expect(JSON.parse(audits('sso-configure').at(-1)!.detail)).toMatchObject({ linksRemoved: 1, secretReplaced: true });
	});

	it('ends the provider’s session too on sign-out, and sends the browser nowhere else', async () => {
		const started = await start();
		const result = await complete(started.token, await signInAtProvider(started.url, { email: 'paramedic@las.test', password: PASSWORD }));
		if (!result.ok) throw new Error(result.detail);
		const token = generateSessionToken();
		const session = createSession(db, token, result.personId);
		rememberSsoSession(db, session.id, result.organisationId, result.idToken);

		const signOut = await providerSignOut(db, session.id, APP, key);
		const url = new URL(signOut!.url);
		expect(`${url.origin}${url.pathname}`).toBe(`${las.issuer}/session/end`);
		expect(url.searchParams.get('id_token_hint')).toBe(result.idToken);
		expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${APP}/`);
		expect(await checkedSignOut(db, signOutCookieValue(signOut!), key)).toEqual({
			url: signOut!.url,
			organisationName: 'London Ambulance Service'
		});
		expect(await checkedSignOut(db, `${organisationId} https://evil.example/session/end`, key)).toBeNull();
		expect(await checkedSignOut(db, `${organisationId} ${las.issuer}/elsewhere`, key)).toBeNull();
		expect(await checkedSignOut(db, 'nonsense', key)).toBeNull();

		// The provider accepts it (the hint is its own ID token, the address one the client registered) and goes on to
		// end its session; an address the client did not register it refuses.
		const answer = await fetch(url, { redirect: 'manual' });
		expect(answer.status).toBe(200);
		expect(await answer.text()).toContain('/session/end/confirm');
		const elsewhere = new URL(url);
		elsewhere.searchParams.set('post_logout_redirect_uri', 'https://evil.example/');
		expect((await fetch(elsewhere, { redirect: 'manual' })).status).toBe(400);

		invalidateSession(db, session.id);
		expect(db.select().from(ssoSessions).all(), 'the ID token goes with its session').toEqual([]);
		expect(await providerSignOut(db, session.id, APP, key)).toBeNull();
	});

	it('a password is refused for everyone in a "single sign-on only" organisation, with the same message as a wrong one', async () => {
		expect(await signIn(db, { email: 'paramedic@las.test', password: 'a-long-password', address: '10.0.0.9' })).toMatchObject({ ok: true });
		useProvider(las, true);
		expect(await signIn(db, { email: 'paramedic@las.test', password: 'a-long-password', address: '10.0.0.9' })).toEqual({
			ok: false,
			message: INVALID_CREDENTIALS,
			throttled: false
		});
		expect(
			db
				.select({ n: count() })
				.from(auditLog)
				.where(and(eq(auditLog.action, 'sign-in-failed'), eq(auditLog.entityId, String(paramedic))))
				.get()!.n
		).toBe(1);
	});
});
