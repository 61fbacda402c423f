import { expect, test } from './fixtures';
import { DEMO_PASSWORD, expectAccessible, signIn, signOut, submitSignIn } from './helpers';

const ACCOUNTS = ['recruit', 'officer', 'custody', 'nurse', 'paramedic', 'trainer', 'manager', 'nhs-manager', 'partnership', 'admin'];

test('the landing page and sign-in page are accessible', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Mental health awareness training');
	await expectAccessible(page);
	await page.goto('/login');
	await expectAccessible(page);
});

test('every demo account signs in and out', async ({ page }) => {
	for (const name of ACCOUNTS) {
		await signIn(page, `${name}@demo.test`);
		await expect(page.getByRole('heading', { name: 'My training' })).toBeVisible();
		await signOut(page);
	}
});

test('the training page shows who you are, accessibly', async ({ page }) => {
	await signIn(page, 'custody@demo.test');
	await expect(page.getByText('Brixton Custody Suite')).toBeVisible();
	await expect(page.getByText('Custody officer').first()).toBeVisible();
	await expectAccessible(page);
});

test('a wrong password shows an error summary and the same message as an unknown email', async ({ page }) => {
	await page.goto('/login');
	await submitSignIn(page, 'officer@demo.test', 'wrong-password');
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('There is a problem');
	const wrong = await page.locator('#form-error').textContent();
	await submitSignIn(page, 'nobody@demo.test', 'wrong-password');
	await expect(page.locator('#form-error')).toHaveText(wrong!);
	await expectAccessible(page);
});

test('empty fields are named in the error summary, linked to the field', async ({ page }) => {
	await page.goto('/login');
	await page.getByRole('button', { name: 'Sign in' }).click();
	const link = page.getByRole('link', { name: 'Enter your email address' });
	await expect(link).toHaveAttribute('href', '#email');
	await expect(page.getByRole('link', { name: 'Enter your password' })).toBeVisible();
});

test('an account is paused after five failures, with a clear message', async ({ page }) => {
	const email = 'locked-out-test@demo.test';
	for (let i = 0; i < 5; i++) {
		await page.goto('/login');
		await submitSignIn(page, email, 'wrong-password');
		await expect(page.locator('#form-error')).toBeVisible();
	}
	await page.getByLabel('Password').fill('wrong-password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.locator('#form-error')).toContainText('Too many failed sign-in attempts for this account');
});

test('the session cookie is HttpOnly and SameSite=Lax, and sign-out ends the session', async ({ page, context }) => {
	await signIn(page, 'officer@demo.test');
	const cookie = (await context.cookies()).find((c) => c.name === 'session')!;
	expect(cookie.httpOnly).toBe(true);
	expect(cookie.sameSite).toBe('Lax');
	await signOut(page);
	// replaying the old cookie after sign-out does not sign anyone in
	await context.addCookies([cookie]);
	await page.goto('/training');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Ftraining/);
});

test('changing a password ends the other sessions', async ({ browser }) => {
	const first = await browser.newContext();
	const second = await browser.newContext();
	const a = await first.newPage();
	const b = await second.newPage();
	await signIn(a, 'recruit@demo.test');
	await signIn(b, 'recruit@demo.test');
	await a.goto('/account');
	await expectAccessible(a);
	await a.getByLabel('Current password').fill(DEMO_PASSWORD);
	await a.getByLabel('New password', { exact: true }).fill('a-new-password-2026');
	await a.getByLabel('New password again').fill('a-new-password-2026');
	await a.getByRole('button', { name: 'Change password' }).click();
	await expect(a.getByRole('status')).toContainText('Your password has been changed');
	await a.goto('/training');
	await expect(a).toHaveURL(/\/training$/);
	await b.goto('/training');
	await expect(b).toHaveURL(/\/login/);
	// put it back for the other tests
	await a.goto('/account');
	await a.getByLabel('Current password').fill('a-new-password-2026');
	await a.getByLabel('New password', { exact: true }).fill(DEMO_PASSWORD);
	await a.getByLabel('New password again').fill(DEMO_PASSWORD);
	await a.getByRole('button', { name: 'Change password' }).click();
	await expect(a.getByRole('status')).toContainText('Your password has been changed');
	await first.close();
	await second.close();
});

test('security headers and the Content Security Policy are sent', async ({ request }) => {
	const res = await request.get('/login');
	const h = res.headers();
	expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(h['content-security-policy']).toContain("default-src 'self'");
	expect(h['x-content-type-options']).toBe('nosniff');
	expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
});

test('a cross-site form post is refused', async ({ request }) => {
	const res = await request.post('/login', {
		headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
		data: 'email=officer%40demo.test&password=demo-pass-2026'
	});
	expect(res.status()).toBe(403);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a wrong password is answered with the error summary (the form posts as a document)', async ({ page }) => {
		await page.goto('/login');
		await submitSignIn(page, 'officer@demo.test', 'wrong-password');
		await expect(page.getByRole('alert')).toContainText('There is a problem');
		await expect(page.getByLabel('Email address')).toHaveValue('officer@demo.test');
	});
});
