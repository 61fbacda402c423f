import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectAccessible, signIn } from './helpers';
import { waitForLink } from './mailbox';

// One administrator's journey, a step a test: each signs in for itself and builds on what the one before wrote.
test.describe.configure({ mode: 'serial' });

const TRUST = 'North London Mental Health NHS Trust (test)';
let personUrl = '';
// The new person's own browser, signed in with the password they chose from their activation email: a role given or
// a leaving date set by the administrator must show there.
let nurse: Page;

test.afterAll(async () => {
	await nurse?.context().close();
});

test('an administrator adds an organisation, with its errors shown first', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	await page.goto('/admin');
	await expectAccessible(page);

	await page.goto('/admin/organisations');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Add organisation' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter the organisation name');
	await expect(page.getByRole('alert')).toContainText('Choose the kind of organisation');
	await expectAccessible(page);
	await page.getByLabel('Name').fill(TRUST);
	await page.getByLabel('Kind').selectOption('nhs');
	await page.getByRole('button', { name: 'Add organisation' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TRUST);
	await expectAccessible(page);
});

test('an administrator adds a unit with a borough, and renames it', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	await page.goto('/admin/organisations');
	await page.getByRole('link', { name: TRUST }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TRUST);

	await page.getByLabel('Unit name').fill('Rowan Ward');
	await page.getByLabel('Kind of unit').selectOption('ward');
	await page.getByLabel('London borough it serves (optional)').selectOption('Haringey');
	await page.getByRole('button', { name: 'Add unit' }).click();
	await expect(page.getByRole('status')).toContainText('Unit added');
	await page.getByRole('link', { name: 'Rowan Ward' }).click();
	await expectAccessible(page);
	await page.getByLabel('Unit name').fill('Rowan Ward (acute)');
	await page.getByRole('button', { name: 'Save unit' }).click();
	await expect(page.getByRole('status')).toContainText('Unit saved');
});

test('an administrator adds a person: errors beside the fields, then success', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	await page.goto('/admin/people/new');
	await expectAccessible(page);
	await page.getByLabel('Full name').fill('Test Nurse');
	await page.getByLabel('Email address').fill('not an email');
	await page.getByRole('button', { name: 'Add person' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter an email address in the right format');
	await expect(page.locator('#email-error')).toBeVisible();
	await expect(page.getByLabel('Full name')).toHaveValue('Test Nurse');
	await page.getByLabel('Email address').fill('test.nurse@demo.test');
	// Grouped by organisation; once one is chosen, only its units and its agency's job roles are offered.
	await expect(page.getByLabel('Unit').locator('optgroup')).not.toHaveCount(1);
	await page.getByLabel('Organisation').selectOption({ label: TRUST });
	await expect(page.getByLabel('Unit').locator('optgroup')).toHaveCount(1);
	await expect(page.getByLabel('Unit').locator('optgroup')).toHaveAttribute('label', TRUST);
	await expect(page.getByLabel('Job role').locator('optgroup')).toHaveAttribute('label', 'NHS trust');
	await page.getByLabel('Unit').selectOption({ label: 'Rowan Ward (acute)' });
	await page.getByLabel('Job role').selectOption('mental-health-nurse');
	await page.getByLabel('Workforce identifier').fill('NL-0001');
	await page.getByLabel('Start date').fill('2025-09-01');
	await page.getByRole('button', { name: 'Add person' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Test Nurse');
	await expectAccessible(page);
	personUrl = page.url().split('?')[0];
});

test('the new person is emailed an activation link, chooses a password with it and signs in', async ({ page, browser, db }) => {
	await signIn(page, 'admin@demo.test');
	await page.goto(personUrl);
	await expect(page.getByRole('button', { name: 'Send an activation link' })).toBeVisible();
	const link = await waitForLink(db, 'test.nurse@demo.test', 'activate');
	nurse = await (await browser.newContext()).newPage();
	await nurse.goto(link);
	await nurse.getByLabel('New password', { exact: true }).fill('nurse-password-2026');
	await nurse.getByLabel('New password again').fill('nurse-password-2026');
	await nurse.getByRole('button', { name: 'Set my password' }).click();
	await expect(nurse.getByRole('status')).toContainText('Your password is set');
	await signIn(nurse, 'test.nurse@demo.test', 'nurse-password-2026');
});

test('a manager role needs a scope, and with one the person manages their unit', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	await page.goto(personUrl);
	await page.getByLabel('Role', { exact: true }).selectOption('manager');
	await page.getByRole('button', { name: 'Add role' }).click();
	await expect(page.getByRole('alert')).toContainText('Choose the unit or organisation this manager covers');
	await page.getByLabel('Role', { exact: true }).selectOption('manager');
	await page.getByLabel('Scope').selectOption({ label: 'Rowan Ward (acute)' });
	await page.getByRole('button', { name: 'Add role' }).click();
	await expect(page.getByRole('status')).toContainText('Access role added');
	await nurse.goto('/manage/matrix');
	await expect(nurse.getByRole('link', { name: 'Test Nurse' })).toBeVisible();
});

test('an administrator edits details, then marks the person as left: the record stays, the sessions end', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	await page.goto(personUrl);
	await page.getByLabel('Full name').fill('Test Nurse Edited');
	await page.getByRole('button', { name: 'Save details' }).click();
	await expect(page.getByRole('status')).toContainText('Details saved');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Test Nurse Edited');

	await page.getByLabel('Leaving date').fill('2026-11-01');
	await page.getByRole('button', { name: 'Mark as left' }).click();
	await expect(page.getByRole('status')).toContainText('is marked as left');
	await expect(page.getByText('Left', { exact: true }).first()).toBeVisible();
	// leaving ends the manager role, so reinstating does not bring it back
	await expect(page.getByText('No access roles beyond learner.')).toBeVisible();
	await nurse.goto('/training');
	await expect(nurse).toHaveURL(/\/login/);

	// the people list finds them with status left
	await page.goto('/admin/people?q=test.nurse&status=left');
	await expect(page.getByRole('link', { name: 'Test Nurse Edited' })).toBeVisible();
	await expectAccessible(page);
});
