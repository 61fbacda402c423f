import { expect, test } from './fixtures';
import { one, personId } from './e2e-db';
import { expectAccessible, signIn } from './helpers';

test.describe.configure({ mode: 'serial' });

const EMAIL = 'paramedic@demo.test';

test('your account lists where you are signed in, and signs you out everywhere else', async ({ browser, db }) => {
	const [first, second, third] = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
	const [a, b, c] = await Promise.all([first.newPage(), second.newPage(), third.newPage()]);
	for (const page of [b, c, a]) await signIn(page, EMAIL);

	await a.goto('/account');
	const rows = a.getByRole('table', { name: 'Where you are signed in' }).locator('tbody tr');
	expect(await rows.count()).toBeGreaterThanOrEqual(3);
	await expect(rows.filter({ hasText: 'This device' })).toHaveCount(1);
	// Newest first: this device signed in last.
	await expect(rows.first()).toContainText('This device');
	await expectAccessible(a);

	const ended = () => one(db, "select count(*) from audit_log where action = 'sessions-end-others' and entity_id = ?", String(personId(db, EMAIL)));
	try {
		const before = ended();
		await a.getByRole('button', { name: 'Sign out everywhere else' }).click();
		await expect(a.getByRole('status')).toContainText(/Signed out of \d+ other sessions?\./);
		await expect(rows).toHaveCount(1);
		await expect(a.getByText('You are signed in only here.')).toBeVisible();
		await expectAccessible(a);
		expect(ended()).toBe(before + 1);
		for (const page of [b, c]) {
			await page.goto('/training');
			await expect(page).toHaveURL(/\/login/);
		}
		await a.goto('/training');
		await expect(a).toHaveURL(/\/training$/);
	} finally {
		await Promise.all([first.close(), second.close(), third.close()]);
	}
});

test('without JavaScript, signing out everywhere else is a plain form', async ({ browser }) => {
	const other = await browser.newContext();
	const nojs = await browser.newContext({ javaScriptEnabled: false });
	const [o, n] = await Promise.all([other.newPage(), nojs.newPage()]);
	await signIn(o, EMAIL);
	await signIn(n, EMAIL);
	await n.goto('/account');
	await n.getByRole('button', { name: 'Sign out everywhere else' }).click();
	await expect(n.getByRole('status')).toContainText(/Signed out of \d+ other sessions?\./);
	await o.goto('/training');
	await expect(o).toHaveURL(/\/login/);
	await Promise.all([other.close(), nojs.close()]);
});
