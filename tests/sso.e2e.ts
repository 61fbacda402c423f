import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './helpers';

// Single sign-on through the demo's own OpenID provider (oidc-provider, started by `npm run demo:serve` on
// DEMO_OIDC_PORT) for the London Ambulance Service: email first, the provider's sign-in page, back signed in;
// then sign-out, which ends the provider's session too. An axe scan on each of our pages on the way.

const PROVIDER_PASSWORD = 'demo-sso-2026';
const providerOrigin = (baseURL: string) => `http://localhost:${Number(new URL(baseURL).port) + 1000}`;

/** Holds requests to the provider until released, so that our page in between can be scanned before it moves on. */
async function holdProvider(page: Page, origin: string, path: RegExp) {
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route((url) => url.origin === origin && path.test(url.pathname), async (route) => {
		await released;
		await route.continue();
	});
	return async () => {
		release();
		await page.unroute(() => true);
	};
}

async function signInAtProvider(page: Page, origin: string, email: string) {
	await expect(page).toHaveURL(new RegExp(`^${origin}/interaction/`));
	await expect(page.getByLabel('Work email address')).toHaveValue(email); // the academy passed it on as login_hint
	await page.getByLabel('Password').fill(PROVIDER_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a paramedic signs in through the London Ambulance Service’s provider and out of both', async ({ page, baseURL }) => {
	const origin = providerOrigin(baseURL!);
	await page.goto('/login?redirectTo=%2Fmodules');
	await expectAccessible(page);
	await page.getByLabel('Email address').fill('paramedic@las.demo.test');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await signInAtProvider(page, origin, 'paramedic@las.demo.test');

	// Back, signed in as the person on the roster, where they were going.
	await expect(page).toHaveURL(/\/modules$/);
	await page.goto('/training');
	await expect(page.getByText('Aoife Byrne · Paramedic')).toBeVisible();
	await expectAccessible(page);

	// Signing out ends our session, then the provider's (RP-initiated logout), which sends the browser home.
	const release = await holdProvider(page, origin, /^\/session\/end/);
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/logout\/sso$/);
	await expect(page.getByRole('heading', { name: 'You have signed out' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Continue to London Ambulance Service to sign out' })).toHaveAttribute('href', /id_token_hint=/);
	await expectAccessible(page);
	await release();
	await page.getByRole('link', { name: 'Continue to London Ambulance Service to sign out' }).click({ timeout: 2000 }).catch(() => undefined); // the meta refresh may already have gone
	await expect(page).toHaveURL(new RegExp(`^${origin}/session/end`));
	await page.getByRole('button', { name: 'Yes, sign me out' }).click();
	await expect(page).toHaveURL(`${baseURL}/`);
	await page.goto('/training');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Ftraining$/);

	// The provider's session is over too: signing in again asks for the password there.
	await page.getByLabel('Email address').fill('paramedic@las.demo.test');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await signInAtProvider(page, origin, 'paramedic@las.demo.test');
	await expect(page).toHaveURL(/\/training$/);
});

test('without JavaScript: the email step posts, and the page goes on to the provider by itself', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const origin = providerOrigin(baseURL!);
	await page.goto('/login');
	await page.getByLabel('Email address').fill('emt@las.demo.test');
	const release = await holdProvider(page, origin, /^\/auth/);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByText('Taking you to the London Ambulance Service page to sign in…')).toBeVisible();
	await expectAccessible(page);
	await release();
	await signInAtProvider(page, origin, 'emt@las.demo.test');
	await expect(page).toHaveURL(/\/training$/);
	await expect(page.getByText('Kwabena Asante · Emergency medical technician')).toBeVisible();
	await context.close();
});

test('a leaver whose provider account still works is refused, with a message that says why', async ({ page, baseURL }) => {
	await page.goto('/login');
	await page.getByLabel('Email address').fill('leaver@las.demo.test');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await signInAtProvider(page, providerOrigin(baseURL!), 'leaver@las.demo.test');
	await expect(page).toHaveURL(/\/login\?sso=no-access$/);
	await expect(page.getByRole('alert')).toContainText('there is no active account for you here');
	await expectAccessible(page);
	await page.goto('/training');
	await expect(page).toHaveURL(/\/login/);
});

test('the administrator sees the provider’s settings but never its secret', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('Email address').fill('admin@demo.test');
	await page.getByLabel('Password').fill('demo-pass-2026');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/training$/);
	await page.goto('/admin/organisations');
	await page.getByRole('link', { name: 'London Ambulance Service' }).click();
	await expect(page.getByRole('heading', { name: 'Single sign-on' })).toBeVisible();
	await expect(page.getByLabel('Email domains')).toHaveValue('las.demo.test');
	await expect(page.getByLabel('Replace the client secret (optional)')).toHaveValue('');
	expect(await page.content()).not.toContain('demo-client-secret');
	await expectAccessible(page);
});
