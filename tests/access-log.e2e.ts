import { expect, test } from './fixtures';
import { expectAccessible, personIdByEmail, signIn, signOut } from './helpers';

test('reads of personal data and sign-outs leave a trace an administrator can browse', async ({ browser, page }) => {
	await signIn(page, 'admin@demo.test');
	const officer = await personIdByEmail(page, 'officer@demo.test');
	await page.goto(`/admin/people/${officer}`);

	const manager = await browser.newPage();
	await signIn(manager, 'manager@demo.test');
	await manager.goto(`/manage/people/${officer}?asAt=2026-01-05`);
	expect((await manager.request.get(`/manage/people/${officer}/record.csv`)).status()).toBe(200);
	expect((await manager.request.get('/manage/export/matrix.csv')).status()).toBe(200);
	await signOut(manager);
	await manager.close();

	await page.goto('/admin/audit');
	await page.getByRole('link', { name: 'Reads of personal data' }).click();
	await expect(page.getByRole('heading', { name: 'Reads of personal data', level: 1 })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Reads of personal data' })).toHaveAttribute('aria-current', 'page');
	await expectAccessible(page);

	await page.getByLabel('Whose record: name, email or id').fill('officer@demo.test');
	await page.getByRole('button', { name: 'Filter' }).click();
	await expect(page).toHaveURL(/subject=officer%40demo.test/);
	const rows = page.getByRole('table').getByRole('row');
	const csv = rows.filter({ hasText: "Downloaded a person's record as CSV" });
	await expect(csv).toHaveCount(1);
	await expect(csv).toContainText('Inspector Mark Ellis');
	await expect(csv.getByRole('link', { name: 'Daniel Price' })).toHaveAttribute('href', `/admin/people/${officer}`);
	const view = rows.filter({ hasText: "Viewed a person's training record" });
	await expect(view).toHaveCount(1);
	await expect(view).toContainText('asAt: 2026-01-05');
	await expect(rows.filter({ hasText: 'Exported the competency matrix' })).toHaveCount(0); // not about one person
	await expectAccessible(page);

	await page.goto('/admin/audit/reads?action=export-matrix-csv');
	await expect(page.getByRole('table').getByRole('row').filter({ hasText: 'Exported the competency matrix as CSV' })).toHaveCount(1);

	// The administrator's own look at the officer's details is a read too.
	await page.goto(`/admin/audit/reads?action=person-view&subject=${officer}`);
	await expect(page.getByRole('table').getByRole('row').filter({ hasText: "Opened a person's details" })).toHaveCount(1);

	// A sign-out is a security event: it is in the signed chain, with who signed out.
	await page.goto('/admin/audit?action=sign-out');
	await expect(page.getByRole('table').getByRole('row').filter({ hasText: 'sign-out' }).first()).toBeVisible();
});
