import type { Page } from '@playwright/test';
import { personId } from './e2e-db';
import { expect, loadFailure, test } from './fixtures';
import { expectAccessible, signIn, signOut } from './helpers';

// Out-of-scope pages answer 404 here on purpose; the browser logs each.
test.use({ allowedConsoleErrors: [loadFailure(404)] });

const ids: Record<string, number> = {};

test.beforeAll(({ db }) => {
	for (const who of ['officer', 'custody', 'nurse', 'recruit']) ids[who] = personId(db, `${who}@demo.test`);
});

const status = async (page: Page, path: string) => (await page.goto(path))!.status();

test('a visitor is sent to sign in from every protected page', async ({ page }) => {
	for (const path of ['/training', '/manage', '/admin', '/account', `/manage/people/${ids.officer}`]) {
		await page.goto(path);
		await expect(page).toHaveURL(/\/login\?redirectTo=/);
	}
});

test('a learner sees only their own record: management and admin pages answer 404', async ({ page }) => {
	await signIn(page, 'officer@demo.test');
	expect(await status(page, '/manage')).toBe(404);
	expect(await status(page, `/manage/people/${ids.custody}`)).toBe(404);
	expect(await status(page, '/admin')).toBe(404);
	expect(await status(page, `/admin/people/${ids.custody}`)).toBe(404);
	await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
	await expectAccessible(page);
});

test('a unit manager sees people in their unit and gets 404 for another unit', async ({ page }) => {
	await signIn(page, 'manager@demo.test');
	expect(await status(page, '/manage')).toBe(200);
	await expectAccessible(page);
	expect(await status(page, `/manage/people/${ids.officer}`)).toBe(200);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Daniel Price');
	await expectAccessible(page);
	expect(await status(page, `/manage/people/${ids.custody}`)).toBe(404);
	expect(await status(page, `/manage/people/${ids.nurse}`)).toBe(404);
	expect(await status(page, '/manage/people/99999999')).toBe(404);
	expect(await status(page, '/manage/people/not-a-number')).toBe(404);
	expect(await status(page, '/admin')).toBe(404);
});

test('an organisation manager sees their whole organisation and nobody outside it', async ({ page }) => {
	await signIn(page, 'nhs-manager@demo.test');
	expect(await status(page, `/manage/people/${ids.nurse}`)).toBe(200);
	expect(await status(page, `/manage/people/${ids.officer}`)).toBe(404);
	await page.goto('/manage');
	await expect(page.getByRole('cell', { name: 'Daniel Price' })).toHaveCount(0);
});

test('a partnership lead gets no person-level pages', async ({ page }) => {
	await signIn(page, 'partnership@demo.test');
	expect(await status(page, '/manage')).toBe(404);
	expect(await status(page, `/manage/people/${ids.officer}`)).toBe(404);
	expect(await status(page, '/admin/people')).toBe(404);
	await signOut(page);
});

test('an administrator can see anyone', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	expect(await status(page, `/manage/people/${ids.nurse}`)).toBe(200);
	expect(await status(page, `/admin/people/${ids.officer}`)).toBe(200);
});
