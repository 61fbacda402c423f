import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectAccessible, submitSignIn } from './helpers';

// The demo's OpenID provider (oidc-provider, not this app) answers 404 for its finished interaction page, which the
// browser logs after the redirect back: that page only.
test.use({ allowedConsoleErrors: [/^http:\/\/localhost:\d+\/interaction\/[\w-]+: Failed to load resource: the server responded with a status of 404\b/] });

// Single sign-on through the demo's own OpenID provider (oidc-provider, started by `npm run demo:serve` on
// DEMO_OIDC_PORT) for the London Ambulance Service: email first, the provider's sign-in page, back signed in;
// then sign-out, which ends the provider's session too. An axe scan on each of our pages on the way.

const PROVIDER_PASSWORD = 'demo-sso-2026';
// Two sites and several round trips each: more than the default on a busy machine.
test.describe.configure({ timeout: 120_000 });
const providerOrigin = (baseURL: string) => `http://localhost:${Number(new URL(baseURL).port) + 1000}`;

/**
 * Answers the provider's address with 204 No Content, on which a browser stays where it is: our page in between
 * (which would move on by itself at once) can then be scanned, and the test goes on by its link.
 */
async function stayBeforeProvider(page: Page, origin: string, path: RegExp) {
	const matches = (url: URL) => url.origin === origin && path.test(url.pathname);
	let held = 0;
	await page.route(matches, (route) => (held++, route.fulfill({ status: 204 })));
	// Lets the provider through once the page has tried to go on by itself (its meta refresh fires once), so that the
	// page is still ours afterwards however slowly it loaded.
	return async () => {
		await expect.poll(() => held).toBeGreaterThan(0);
		await page.unroute(matches);
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
	const goOn = await stayBeforeProvider(page, origin, /^\/session\/end/);
	await page.getByRole('button', { name: 'Sign out', exact: true }).click();
	await expect(page).toHaveURL(/\/logout\/sso$/);
	await expect(page.getByRole('heading', { name: 'You have signed out' })).toBeVisible();
	const onward = page.getByRole('link', { name: 'Continue to London Ambulance Service to sign out' });
	await expect(onward).toHaveAttribute('href', /id_token_hint=/);
	await expectAccessible(page);
	await goOn();
	await onward.click();
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

test('without JavaScript: the email step posts, and the page goes on to the provider by itself', async ({ browser, page: scanned, baseURL }) => {
	const origin = providerOrigin(baseURL!);
	const continuing = 'Taking you to the London Ambulance Service page to sign in…';

	// The page in between, as a browser without JavaScript gets it (a plain form post), scanned where axe can run.
	await stayBeforeProvider(scanned, origin, /^\/auth/);
	await scanned.goto('/login');
	await scanned.getByLabel('Email address').fill('emt@las.demo.test');
	await scanned.locator('main form[method="POST"]').evaluate((form: HTMLFormElement) => form.submit()); // no submit event: no use:enhance
	await expect(scanned.getByText(continuing)).toBeVisible();
	await expectAccessible(scanned);

	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('Email address').fill('emt@las.demo.test');
	const goOn = await stayBeforeProvider(page, origin, /^\/auth/);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByText(continuing)).toBeVisible();
	await goOn();
	await page.getByRole('link', { name: 'Continue to London Ambulance Service to sign in' }).click();
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
	await submitSignIn(page, 'admin@demo.test', 'demo-pass-2026');
	await expect(page).toHaveURL(/\/training$/);
	await page.goto('/admin/organisations');
	await page.getByRole('link', { name: 'London Ambulance Service' }).click();
	await expect(page.getByRole('heading', { name: 'Single sign-on' })).toBeVisible();
	await expect(page.getByLabel('Email domains')).toHaveValue('las.demo.test');
	await expect(page.getByLabel('Replace the client secret (optional)')).toHaveValue('');
	expect(await page.content()).not.toContain('demo-client-secret');
	await expectAccessible(page);
});
