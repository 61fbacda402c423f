import type { Page } from '@playwright/test';
import { expect, loadFailure, test } from './fixtures';
import { one } from './e2e-db';
import { expectAccessible, personIdByEmail, signIn, signOut } from './helpers';

// Applying without the file chosen again is refused with a 400, and another organisation's roster is not found (404), on purpose.
test.use({ allowedConsoleErrors: [loadFailure(400, 404)] });

test.describe.configure({ mode: 'serial' });

const TRUST = 'Thameside Mental Health NHS Trust (demo)';
const HEADER = 'workforce_id,name,email,unit,job_role,start_date,leaving_date';
const file = (name: string, ...lines: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...lines].join('\r\n') + '\r\n') });

const first = [
	'TMH-E2E-1,Ifeoma Roster,ifeoma.roster@nhs.test,Willow Ward,mental-health-nurse,2025-01-06,',
	'TMH-E2E-2,=SUM(A1),formula.roster@nhs.test,cedar ward,Ward healthcare assistant,2024-05-20,',
	'TMH-E2E-3,"Quinn, Rory",rory.roster@nhs.test,Lambeth Liaison and Diversion Team,liaison-diversion-practitioner,2023-11-01,'
];

let trustId = 0;
let policeId = 0;

async function organisationIds(page: Page) {
	await page.goto('/roster');
	const id = async (name: string) => Number((await page.getByRole('link', { name }).getAttribute('href'))!.split('/').pop());
	trustId = await id(TRUST);
	policeId = await id('Metropolitan Police Service');
}

const status = async (page: Page, path: string) => (await page.goto(path))!.status();
const check = async (page: Page, upload: ReturnType<typeof file>) => {
	await page.getByLabel('Roster file (CSV)').setInputFiles(upload);
	await page.getByRole('button', { name: 'Check file' }).click();
};

test('an administrator finds roster import, and its pages are accessible', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	await page.goto('/admin');
	await page.getByRole('link', { name: 'Roster import' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import a staff roster');
	await expectAccessible(page);
	await organisationIds(page);

	await page.getByRole('link', { name: TRUST }).click();
	await expect(page.getByText('Check a file before importing it')).toBeVisible();
	await expectAccessible(page);
});

test('a dry run shows what a roster would change, and applying it adds the people as given', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	await page.goto(`/roster/${trustId}`);
	// the dry run
	await check(page, file('thameside.csv', ...first));
	await expect(page.getByRole('heading', { name: 'What thameside.csv would change' })).toBeFocused();
	const toAdd = page.getByRole('table', { name: 'To add (3)' });
	await expect(toAdd).toBeVisible();
	await expect(toAdd.getByRole('row', { name: /TMH-E2E-2/ })).toContainText('=SUM(A1)');
	await expect(toAdd.getByRole('row', { name: /TMH-E2E-2/ })).toContainText('Cedar Ward');
	await expect(page.getByText('People of Thameside Mental Health NHS Trust (demo) who are not in the file will not be changed')).toBeVisible();
	await expectAccessible(page);

	// apply: with JavaScript the file chosen for the check is offered to the apply form
	await page.getByRole('button', { name: 'Apply changes' }).click();
	await expect(page.getByRole('status')).toContainText(
		'From thameside.csv: 3 people added, 0 people updated, 0 people marked as left and 0 people reinstated.'
	);
	await expectAccessible(page);

	// stored as given, formula-looking name included
	await page.goto('/admin/people?q=formula.roster');
	await expect(page.getByRole('link', { name: '=SUM(A1)' })).toBeVisible();
});

test('the same roster again changes nothing', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	// the same file again: everything unchanged, nothing to apply
	await page.goto(`/roster/${trustId}`);
	await check(page, file('thameside.csv', ...first));
	await expect(page.getByText('Nothing to change: every row already matches the records.')).toBeVisible();
	await expect(page.locator('summary', { hasText: 'Unchanged (3)' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Apply changes' })).toHaveCount(0);
	await expectAccessible(page);
});

test('a later roster moves one person and marks one as left, and the first one again reinstates them', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	await page.goto(`/roster/${trustId}`);
	// a later roster: one moves ward, one leaves, one is not listed (and so is not touched)
	await check(
		page,
		file(
			'thameside-march.csv',
			'TMH-E2E-1,Ifeoma Roster,ifeoma.roster@nhs.test,Cedar Ward,mental-health-nurse,2025-01-06,',
			'TMH-E2E-2,=SUM(A1),formula.roster@nhs.test,Cedar Ward,ward-healthcare-assistant,2024-05-20,2026-01-31'
		)
	);
	await expect(page.getByRole('table', { name: 'To update (1)' })).toContainText('Unit: from Willow Ward to Cedar Ward');
	await expect(page.getByRole('table', { name: /To mark as left/ })).toContainText('Leaving date: from none to 2026-01-31');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Apply changes' }).click();
	await expect(page.getByRole('status')).toContainText('0 people added, 1 person updated, 1 person marked as left and 0 people reinstated');

	// the first roster again puts both back: the leaver is reinstated
	await check(page, file('thameside.csv', ...first));
	await expect(page.getByRole('table', { name: /^To reinstate.*\(1\)$/ })).toContainText('TMH-E2E-2');
	await expect(page.getByRole('table', { name: 'To update (1)' })).toContainText('Unit: from Cedar Ward to Willow Ward');
	await expectAccessible(page);
});

test('a file with bad rows lists each by line and cannot be applied', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	await page.goto(`/roster/${trustId}`);
	await check(
		page,
		file(
			'bad.csv',
			'TMH-E2E-10,Good Row,good.row@nhs.test,Willow Ward,mental-health-nurse,2025-01-06,',
			'TMH-E2E-11,Wrong Ward,wrong.ward@nhs.test,Cedar Wrd,mental-health-nurse,2025-01-06,',
			'TMH-E2E-12,Taken Address,nurse@demo.test,Willow Ward,mental-health-nurse,2025-01-06,',
			'TMH-E2E-10,Same Id,same.id@nhs.test,Willow Ward,mental-health-nurse,2025-01-06,',
			'TMH-E2E-13,Bad Date,bad.date@nhs.test,Willow Ward,mental-health-nurse,2025-02-30,',
			'TMH-E2E-14,"Unclosed,unclosed@nhs.test,Willow Ward,mental-health-nurse,2025-01-06,'
		)
	);
	const problems = page.locator('#problems');
	await expect(problems).toContainText(`Line 3: unit "Cedar Wrd" is not a unit of ${TRUST}`);
	await expect(problems).toContainText('Line 4: email address already belongs to someone else');
	await expect(problems).toContainText('Line 5: the same workforce id appears on line 2');
	await expect(problems).toContainText('Line 6: the start date "2025-02-30" is not a real date');
	await expect(problems).toContainText('Line 7: a quotation mark is not closed');
	await expect(problems).toContainText('This file cannot be applied until every row below is corrected');
	await expect(page.getByRole('button', { name: 'Apply changes' })).toHaveCount(0);
	await expectAccessible(page);

	// a file that is not a roster at all is refused as a whole
	await check(page, { name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('name,notes\nAnn,hello\n') });
	await expect(page.getByRole('alert')).toContainText('It is missing "workforce_id", "email", "unit", "job_role", "start_date".');
	await expect(page.locator('#roster-error')).toBeVisible();
	await expectAccessible(page);

	// over 5 MB, whether or not it is over the server's limit on a request
	for (const size of [5.5, 7]) {
		await check(page, { name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.alloc(size * 1024 * 1024, 'a') });
		await expect(page.getByRole('alert')).toContainText('The file is larger than 5 MB');
	}
});

test('without JavaScript, the file is chosen again to apply it', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, 'admin@demo.test');
	await page.goto(`/roster/${trustId}`);
	const upload = file('nojs.csv', 'TMH-E2E-20,Nadia Nojs,nadia.nojs@nhs.test,Willow Ward,mental-health-nurse,2025-01-06,');
	await check(page, upload);
	await expect(page.getByRole('table', { name: 'To add (1)' })).toContainText('Nadia Nojs');
	await page.getByRole('button', { name: 'Apply changes' }).click();
	await expect(page.getByRole('alert')).toContainText('Choose the CSV file of your staff roster');
	await page.getByLabel('The same roster file').setInputFiles(upload);
	await page.getByRole('button', { name: 'Apply changes' }).click();
	await expect(page.getByRole('status')).toContainText('1 person added');
	await context.close();
});

test('an organisation manager imports for their organisation only', async ({ page }) => {
	await signIn(page, 'nhs-manager@demo.test');
	await page.goto('/roster');
	await expect(page.getByRole('link', { name: TRUST })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Metropolitan Police Service' })).toHaveCount(0);
	await expectAccessible(page);
	await page.getByRole('link', { name: TRUST }).click();
	await check(page, file('thameside.csv', 'TMH-E2E-30,Olu Manager,olu.manager@nhs.test,Cedar Ward,mental-health-nurse,2025-01-06,'));
	await expect(page.getByRole('table', { name: 'To add (1)' })).toBeVisible();
	await page.getByRole('button', { name: 'Apply changes' }).click();
	await expect(page.getByRole('status')).toContainText('1 person added');
	await expectAccessible(page);

	expect(await status(page, `/roster/${policeId}`)).toBe(404);
	await expectAccessible(page);
	// the actions authorise for themselves too
	const post = await page.request.post(`/roster/${policeId}?/check`, { multipart: { roster: file('x.csv') }, headers: { origin: new URL(page.url()).origin } });
	expect(post.status()).toBe(404);
});

test('a unit manager and a learner get 404', async ({ page }) => {
	await signIn(page, 'manager@demo.test');
	expect(await status(page, '/roster')).toBe(404);
	expect(await status(page, `/roster/${policeId}`)).toBe(404);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Sign out', exact: true }).click();
	await signIn(page, 'officer@demo.test');
	expect(await status(page, '/roster')).toBe(404);
});

test("a manager's roster cannot reinstate someone an administrator marked as left, and leaving has ended their roles", async ({ page, db }) => {
	const row = 'MPS-E2E-PL,Petra Lead,petra.lead@met.test,Central South BCU,mh-liaison-officer,2020-01-06,';
	// An administrator adds her, makes her a partnership lead, then marks her as left.
	await signIn(page, 'admin@demo.test');
	await page.goto(`/roster/${policeId}`);
	await check(page, file('mps.csv', row));
	await page.getByRole('button', { name: 'Apply changes' }).click();
	await expect(page.getByRole('status')).toContainText('1 person added');
	await page.goto(`/admin/people/${await personIdByEmail(page, 'petra.lead@met.test')}`);
	await page.getByLabel('Role', { exact: true }).selectOption('partnership-lead');
	await page.getByRole('button', { name: 'Add role' }).click();
	await expect(page.getByRole('status')).toContainText('Access role added');
	await page.getByLabel('Leaving date').fill('2026-01-31');
	await page.getByRole('button', { name: 'Mark as left' }).click();
	await expect(page.getByRole('status')).toContainText('their access roles have ended');
	await expect(page.getByText('No access roles beyond learner.')).toBeVisible();
	await signOut(page);

	// The MPS manager's roster lists her with no leaving date: held for an administrator, not applied.
	await signIn(page, 'mps-manager@demo.test');
	await page.goto(`/roster/${policeId}`);
	await check(page, file('mps.csv', row));
	await expect(page.locator('#needs-admin')).toContainText('an administrator marked them as left, so only an administrator can reinstate them');
	await expect(page.locator('#needs-admin')).toContainText('Reinstate');
	await expect(page.getByRole('button', { name: 'Apply changes' })).toHaveCount(0);
	await expectAccessible(page);

	const id = one(db, 'select id from people where email = ?', 'petra.lead@met.test');
	expect(one<string>(db, 'select status from people where id = ?', id)).toBe('left');
	expect(one(db, 'select count(*) from role_grants where person_id = ?', id)).toBe(0);
	expect(one(db, "select count(*) from audit_log where action = 'role-revoke' and entity_id = ?", String(id))).toBe(1);
});
