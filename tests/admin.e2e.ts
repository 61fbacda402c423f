import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './helpers';

test.describe.configure({ mode: 'serial' });

test('an administrator manages organisations, units and people end to end', async ({ page, browser }) => {
	await signIn(page, 'admin@demo.test');
	await page.goto('/admin');
	await expectAccessible(page);

	// organisation: bad input first, then a real one
	await page.goto('/admin/organisations');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Add organisation' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter the organisation name');
	await expect(page.getByRole('alert')).toContainText('Choose the kind of organisation');
	await expectAccessible(page);
	await page.getByLabel('Name').fill('North London Mental Health NHS Trust (test)');
	await page.getByLabel('Kind').selectOption('nhs');
	await page.getByRole('button', { name: 'Add organisation' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('North London Mental Health NHS Trust (test)');
	await expectAccessible(page);

	// a unit with a borough
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

	// a person: errors beside the fields, then success
	await page.goto('/admin/people/new');
	await expectAccessible(page);
	await page.getByLabel('Full name').fill('Test Nurse');
	await page.getByLabel('Email address').fill('not an email');
	await page.getByRole('button', { name: 'Add person' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter an email address in the right format');
	await expect(page.locator('#email-error')).toBeVisible();
	await expect(page.getByLabel('Full name')).toHaveValue('Test Nurse');
	await page.getByLabel('Email address').fill('test.nurse@demo.test');
	await page.getByLabel('Organisation').selectOption({ label: 'North London Mental Health NHS Trust (test)' });
	await page.getByLabel('Unit').selectOption({ label: 'Rowan Ward (acute)' });
	await page.getByLabel('Job role').selectOption('mental-health-nurse');
	await page.getByLabel('Workforce identifier').fill('NL-0001');
	await page.getByLabel('Start date').fill('2025-09-01');
	await page.getByRole('button', { name: 'Add person' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Test Nurse');
	await expectAccessible(page);
	const personUrl = page.url().split('?')[0];

	// reset password gives a one-time password that works
	await page.getByRole('button', { name: 'Reset password' }).click();
	const temporary = await page.locator('.temporary-password').textContent();
	expect(temporary).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/);
	const nurse = await browser.newPage();
	await signIn(nurse, 'test.nurse@demo.test', temporary!);

	// assign a role: a manager needs a scope
	await page.goto(personUrl);
	await page.getByLabel('Role', { exact: true }).selectOption('manager');
	await page.getByRole('button', { name: 'Add role' }).click();
	await expect(page.getByRole('alert')).toContainText('Choose the unit or organisation this manager covers');
	await page.getByLabel('Role', { exact: true }).selectOption('manager');
	await page.getByLabel('Scope').selectOption({ label: 'Rowan Ward (acute)' });
	await page.getByRole('button', { name: 'Add role' }).click();
	await expect(page.getByRole('status')).toContainText('Access role added');
	await nurse.goto('/manage');
	await expect(nurse.getByRole('link', { name: 'Test Nurse' })).toBeVisible();

	// edit details
	await page.getByLabel('Full name').fill('Test Nurse Edited');
	await page.getByRole('button', { name: 'Save details' }).click();
	await expect(page.getByRole('status')).toContainText('Details saved');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Test Nurse Edited');

	// mark as left: the record stays, the sessions end
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
