import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectAccessible, personIdByEmail, signIn, signOut } from './helpers';

// The demo recruit started 40 days ago and has done two modules. Their induction plan (content/induction-plans.yaml)
// wants "Recognise mental distress" within 28 days (overdue since 11 days ago) and safe restraint within 84 (due in 44 days).
const day = (offset: number) =>
	new Date(Date.now() + offset * 86400000).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const competency = (page: Page, text: string) => page.getByRole('list', { name: 'Competencies for your role' }).getByRole('listitem').filter({ hasText: text });

test('a recruit sees what to do next, what is overdue and when the rest is due', async ({ page }) => {
	await signIn(page, 'recruit@demo.test');
	const next = page.getByRole('region', { name: 'Do this next' });
	await expect(next.getByRole('link', { name: /Complete the module “Recognising mental ill health/ })).toBeVisible();
	await expect(next).toContainText(`overdue since ${day(-11)}`);
	const distress = competency(page, 'Recognise mental distress');
	await expect(distress.getByText('Overdue', { exact: true })).toBeVisible();
	await expect(distress).toContainText(`Overdue since ${day(-11)}.`);
	const restraint = competency(page, 'Safe restraint');
	await expect(restraint.getByText('Not yet achieved', { exact: true })).toBeVisible();
	await expect(restraint).toContainText(`Due by ${day(44)}.`);
	await expect(page.getByRole('heading', { name: 'Overdue' })).toBeVisible();
	await expectAccessible(page);
	const json = await (await page.request.get('/training/record.json')).json();
	expect(json.competencies.find((c: { id: string }) => c.id === 'recognise-distress')).toMatchObject({ status: 'overdue' });
});

test('a manager sees Overdue apart from Not yet achieved and Expired: in the summary, the filter, the record and the CSV', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	const recruit = await personIdByEmail(page, 'recruit@demo.test');
	await signOut(page);
	await signIn(page, 'manager@demo.test');
	await page.goto('/manage');
	await expect(page.getByRole('link', { name: /overdue$/ })).toBeVisible();
	await page.goto('/manage/competencies');
	await expect(page.getByRole('columnheader', { name: 'Overdue' })).toBeVisible();
	await page.goto('/manage/matrix');
	await page.getByLabel('With any competency').selectOption('overdue');
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(page).toHaveURL(/status=overdue/);
	const matrix = page.getByRole('region', { name: /People and competencies/ });
	await expect(matrix.getByRole('link', { name: 'Amara Okafor' })).toBeVisible();
	await expect(matrix.getByRole('link', { name: 'Daniel Price' })).toHaveCount(0); // expired, never overdue: he is no recruit
	await expectAccessible(page);

	const csv = await (await page.request.get('/manage/export/matrix.csv?status=overdue')).text();
	expect(csv.split('\r\n')[0]).toContain('recognise-distress due_by');
	const row = csv.split('\r\n').find((line) => line.includes('Amara Okafor'))!;
	expect(row).toContain('Overdue');

	await page.goto(`/manage/people/${recruit}`);
	await expect(page.getByRole('row').filter({ hasText: 'Recognise mental distress' }).first().getByText('Overdue')).toBeVisible();
	await expectAccessible(page);
});
