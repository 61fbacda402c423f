import { expect, test } from './fixtures';
import { expectAccessible, signIn, signOut } from './helpers';

test.use({ serviceWorkers: 'allow' });

const keptPages = (page: import('@playwright/test').Page) =>
	page.evaluate(async () => {
		const cache = await caches.open('academy-reading');
		return (await cache.keys()).map((r) => new URL(r.url).pathname).sort();
	});

test('a learner reads due modules without a signal, is told what needs one, and signing out leaves nothing behind', async ({ page, context }) => {
	await signIn(page, 'recruit@demo.test');
	// The service worker is installed from any page with scripts; My training then tells it what is due.
	await page.goto('/modules');
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await page.reload();
	await page.goto('/training');
	await expect.poll(() => keptPages(page), { message: 'the due modules are kept for reading offline' }).toContain('/modules/restraint-safety');
	const kept = await keptPages(page);
	expect(
		kept.every((path) => /^\/modules\/[a-z0-9-]+$/.test(path)),
		`only module pages are kept: ${kept}`
	).toBe(true);

	await context.setOffline(true);
	await page.goto('/modules/restraint-safety');
	await expect(page.getByRole('heading', { level: 1 })).toContainText(/restraint/i);
	await expect(page.getByText('You are offline.')).toBeVisible();
	await expect(page.getByText(/Knowledge checks, scenarios and training records need a connection/)).toBeVisible();
	await expectAccessible(page);

	// Anything else: the offline page, listing what can be read.
	await page.goto('/scenarios');
	await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();
	await expect(page.getByRole('list').getByRole('link').first()).toBeVisible();
	await expectAccessible(page);

	await context.setOffline(false);
	await page.goto('/training');
	await signOut(page);
	// Clear-Site-Data on signing out: the kept pages are gone from this (shared) phone. The next page may install the
	// service worker again, with the app's own files (nothing about a person), so only those may be there.
	await expect.poll(() => page.evaluate(async () => (await caches.keys()).filter((name) => !name.startsWith('academy-app-')))).toEqual([]);
});
