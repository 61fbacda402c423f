import { expect, loadFailure, test } from './fixtures';
import { expectAccessible, signIn, submitSignIn } from './helpers';

// A learner's 404 for the audit log is logged by the browser: expected here.
test.use({ allowedConsoleErrors: [loadFailure(404)] });

test.describe.configure({ mode: 'serial' });

test('an administrator browses and filters the audit log, and sees the chain verified', async ({ page }) => {
	// A failed sign-in first, so that there is an entry with detail to read.
	await page.goto('/login');
	await submitSignIn(page, 'officer@demo.test', 'not-the-password');
	await expect(page.locator('#form-error')).toContainText('The email address or password is not right');

	await signIn(page, 'admin@demo.test');
	await page.goto('/admin');
	await page.getByRole('link', { name: 'Audit log' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
	const chain = page.locator('.chain-status');
	await expect(chain).toContainText(/Audit chain verified at .*: all \d+ entries written by then are intact, linked in order and numbered without gaps/);
	await expect(chain).toContainText('Every entry is signed with a key kept outside the database');
	await expect(chain).toContainText(/[\d,]+ evidence records match the audit entries that recorded them/);
	// The server wrote a checkpoint when it started.
	await expect(chain).toContainText(/The log reaches and matches every checkpoint in .*e2e-\d+\.db\.audit-checkpoints/);
	await chain.getByText('What this check cannot show').click();
	await expect(chain).toContainText('Changes by someone who holds the audit key as well as the database.');

	const rows = page.locator('table.audit-table tbody tr');
	// Newest first: the administrator's own sign-in leads.
	await expect(rows.first().locator('td').nth(1)).toHaveText('Sam Whitfield');
	await expect(rows.first().locator('td').nth(2)).toHaveText('sign-in');
	// Ids are links to the records they name (the actor here), not bare numbers.
	await expect(rows.first().getByRole('link', { name: 'Sam Whitfield' })).toHaveAttribute('href', /^\/admin\/people\/\d+$/);
	await expectAccessible(page);

	// Filter by action: every row is that action, and the filter stays chosen.
	await page.getByLabel('Action').selectOption('sign-in-failed');
	await page.getByRole('button', { name: 'Filter' }).click();
	await expect(page).toHaveURL(/action=sign-in-failed/);
	await expect(page.getByLabel('Action')).toHaveValue('sign-in-failed');
	await expect(rows).toHaveCount(1);
	await expect(rows.first().locator('td').nth(1)).toHaveText('system');
	// The detail, and the id of the request that wrote it (as in that request's log line).
	await expect(rows.first().locator('td').nth(4)).toHaveText(/^email: officer@demo\.test\s*requestId: [0-9a-f-]{36}$/);
	await expectAccessible(page);

	// By actor and date: today's sign-ins by the administrator.
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
	await page.goto(`/admin/audit?action=sign-in&actor=whitfield&from=${today}&to=${today}`);
	await expect(page.getByLabel('From')).toHaveValue(today);
	expect(await rows.count()).toBeGreaterThan(0);
	for (const actor of await rows.locator('td:nth-child(2)').allTextContents()) expect(actor).toBe('Sam Whitfield');

	await page.getByRole('link', { name: 'Clear filters' }).click();
	await expect(page).toHaveURL(/\/admin\/audit$/);
	await expect(page.getByLabel('Action')).toHaveValue('');
});

test('a learner gets 404 for the audit log', async ({ page }) => {
	await signIn(page, 'officer@demo.test');
	const response = await page.goto('/admin/audit');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('table')).toHaveCount(0);
});
