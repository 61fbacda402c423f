import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { startCraftedProvider, TEST_SECRET_KEY, type TokenCraft } from '$testing/sso';
import type { Db } from '../db';
import { completeSsoSignIn } from './callback';
import { forgetConfigurations } from './client';
import { configureSso } from './providers';
import { startSsoSignIn } from './start';

// ID tokens no conforming provider would issue, from a provider with real discovery, JWKS and token endpoints,
// so that openid-client's own validation is what refuses each one.

const APP = 'http://localhost:4998';
const CLIENT = { clientId: 'academy', clientSecret: 'crafted-client-secret' };
let crafted: Awaited<ReturnType<typeof startCraftedProvider>>;
let db: Db;
let organisationId: number;
let personId: number;

beforeAll(async () => {
	crafted = await startCraftedProvider(CLIENT);
});
afterAll(() => crafted?.close());

beforeEach(() => {
	forgetConfigurations();
	db = testDb();
	organisationId = addOrganisation(db, 'Crafted Trust', 'nhs').id;
	personId = addPerson(db, addUnit(db, organisationId), { email: 'nurse@crafted.test' }).id;
	expect(
		configureSso(db, null, organisationId, { issuer: crafted.issuer, ...CLIENT, domains: ['crafted.test'], ssoOnly: false }, TEST_SECRET_KEY, 'cli')
	).toEqual({ ok: true });
});

/** The nurse starts signing in through the crafted provider, as /login does for her email domain. */
async function startNurseSignIn() {
	const started = await startSsoSignIn(db, { organisationId, email: 'nurse@crafted.test', redirectTo: '/training', origin: APP, key: TEST_SECRET_KEY });
	if (!started.ok) throw new Error(started.reason);
	return started;
}

async function signInWith(craft: TokenCraft) {
	const started = await startNurseSignIn();
	const callback = crafted.authorize(started.url, 'subject-1', { claims: { email: 'nurse@crafted.test' }, ...craft });
	return completeSsoSignIn(db, { token: started.token, callbackUrl: callback, key: TEST_SECRET_KEY });
}

describe('ID token validation (by openid-client)', () => {
	it('accepts a good token from this provider: the cases below differ from it in one thing each', async () => {
		expect(await signInWith({})).toMatchObject({ ok: true, personId });
	});

	it('refuses an expired ID token', async () => {
		const result = await signInWith({ expiresIn: -120 });
		expect(result).toMatchObject({ ok: false, failure: 'not-verified' });
		expect(!result.ok && result.detail).toMatch(/exp/);
	});

	it('refuses a token signed by a key the provider does not publish', async () => {
		const result = await signInWith({ signWith: 'other' });
		expect(result).toMatchObject({ ok: false, failure: 'not-verified' });
		expect(!result.ok && result.detail).toMatch(/signature/i);
	});

	it('refuses a token whose nonce is not this sign-in’s', async () => {
		expect(await signInWith({ nonce: 'replayed-from-another-sign-in' })).toMatchObject({
			ok: false,
			failure: 'not-verified'
		});
	});

	it('refuses a token for another client or from another issuer', async () => {
		expect(await signInWith({ audience: 'some-other-app' })).toMatchObject({ ok: false, failure: 'not-verified' });
		expect(await signInWith({ issuer: 'https://login.microsoftonline.com/another-tenant/v2.0' })).toMatchObject({
			ok: false,
			failure: 'not-verified'
		});
	});

	it('refuses a callback with a code the provider never issued', async () => {
		const started = await startNurseSignIn();
		const callback = new URL(`${APP}/login/sso/callback`);
		callback.searchParams.set('code', 'made-up');
		callback.searchParams.set('state', new URL(started.url).searchParams.get('state')!);
		expect(await completeSsoSignIn(db, { token: started.token, callbackUrl: callback, key: TEST_SECRET_KEY })).toMatchObject({
			ok: false,
			failure: 'not-verified'
		});
	});

	it('refuses an address the provider says it has not verified', async () => {
		expect(await signInWith({ claims: { email: 'nurse@crafted.test', email_verified: false } })).toMatchObject({
			ok: false,
			failure: 'no-access',
			detail: 'no usable email claim'
		});
	});
});
