import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { allowFor, budget, SLOW_STEPS } from './budget';

export const DEMO_PASSWORD = 'demo-pass-2026';

/** Fails on any WCAG 2.2 A/AA violation on the current page, naming each one. */
export async function expectAccessible(page: Page) {
	// A scan of a large page is slow on a busy machine: the test gets the time it needs for each one.
	allowFor(SLOW_STEPS.axeScan);
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
	// Checking the password is an argon2id hash on the server, slow by design: more so on a busy machine.
	allowFor(SLOW_STEPS.signIn);
	await page.goto('/login');
	await submitSignIn(page, email, password);
	await expect(page).toHaveURL(/\/training$/, { timeout: budget(SLOW_STEPS.signIn) });
}

/** Fills in and sends the sign-in form of the page already open (the login page, or where a redirect left it). */
export async function submitSignIn(page: Page, email: string, password: string) {
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page) {
	await page.getByRole('button', { name: 'Sign out', exact: true }).click();
	await expect(page).toHaveURL(/\/$/);
}

/** Looks up a person's id through the admin search, as an administrator would. */
export async function personIdByEmail(page: Page, email: string): Promise<number> {
	await page.goto(`/admin/people?q=${encodeURIComponent(email)}`);
	const href = await page.locator('table a[href^="/admin/people/"]').first().getAttribute('href');
	return Number(href!.split('/').pop());
}
