import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { personId } from './e2e-db';
import { expect, loadFailure, test } from './fixtures';
import { expectAccessible, signIn, signOut } from './helpers';

// Out-of-scope records answer 404 in several tests here; the browser logs each.
test.use({ allowedConsoleErrors: [loadFailure(404)] });

const ids: Record<string, number> = {};

test.beforeAll(({ db }) => {
	for (const who of ['officer', 'nurse', 'trainer', 'custody']) ids[who] = personId(db, `${who}@demo.test`);
});

const row = (page: Page, list: string, text: string) => page.getByRole('list', { name: list }).getByRole('listitem').filter({ hasText: text });

test('a learner sees every status, what is left to do, and refreshers on the task list', async ({ page }) => {
	await signIn(page, 'officer@demo.test');
	const competencies = 'Competencies for your role';
	await expect(row(page, competencies, 'Apply Mental Health Act sections 135 and 136').getByText('Expired', { exact: true })).toBeVisible();
	await expect(row(page, competencies, 'Safe restraint').getByText('Due soon', { exact: true })).toBeVisible();
	await expect(row(page, competencies, 'Safeguard vulnerable people in custody').getByText('Not yet achieved', { exact: true })).toBeVisible();
	await expect(row(page, competencies, 'Safeguard vulnerable people in custody').getByRole('link', { name: /Complete the module/ })).toBeVisible();
	await expect(row(page, competencies, 'Apply the Mental Capacity Act').getByText('Current', { exact: true })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Overdue' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Refresher due soon' })).toBeVisible();
	await expect(row(page, 'Modules for your role', 'Restraint safety').getByText('Refresher due')).toBeVisible();
	await expect(row(page, 'Modules for your role', 'The Mental Health Act').getByText('Overdue')).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Your full training record' }).click();
	await expect(page.getByRole('heading', { name: 'Daniel Price' })).toBeVisible();
	await expectAccessible(page);
	const csv = await page.request.get('/training/record.csv');
	expect(csv.headers()['content-type']).toContain('text/csv');
	expect(await csv.text()).toContain('status,Apply Mental Health Act sections 135 and 136 lawfully,expired');
	const json = await (await page.request.get('/training/record.json')).json();
	expect(json.person.name).toBe('Daniel Price');
	expect(json.evidence.length).toBeGreaterThan(5);
});

test('a unit manager sees a one-screen summary, and a page for each view with its own filters', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 900 });
	await signIn(page, 'manager@demo.test');
	await page.goto('/manage');
	await expect(page.getByRole('heading', { name: 'Training compliance' })).toBeVisible();
	await expect(page.getByRole('img', { name: /month by month/ })).toBeVisible();
	// A summary, not the whole report: no table of people on it, and about a screen long.
	await expect(page.locator('a[href^="/manage/people/"]')).toHaveCount(0);
	expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(1500);
	await expectAccessible(page);

	// The chart for one unit.
	await page.getByLabel('Unit').selectOption({ index: 1 });
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page).toHaveURL(/\/manage\?unit=\d+/);
	await expect(page.getByRole('heading', { name: /^Last 12 months: / })).toBeVisible();
	// And for one competency in that unit.
	const competency = page.getByLabel('Competency', { exact: true });
	await competency.selectOption({ index: 1 });
	const title = (await competency.locator('option:checked').textContent())!.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page).toHaveURL(/\/manage\?unit=\d+&competency=[a-z-]+/);
	await expect(page.getByRole('heading', { name: new RegExp(`^Last 12 months: .+, ${title}$`) })).toBeVisible();
	await expect(page.getByRole('img', { name: new RegExp(`month by month, .+, ${title}`) })).toBeVisible();
	await expectAccessible(page);

	// Expired, apart from due soon; each person links to their record and to what a manager can do.
	await page.getByRole('link', { name: /expired$/ }).click();
	await expect(page).toHaveURL(/\/manage\/expired$/);
	const expired = page.getByRole('region', { name: 'Expired competencies, longest lapsed first' });
	await expect(expired).toHaveAttribute('tabindex', '0');
	await expect(page.getByText('The table scrolls sideways when it is wider than the screen.')).toBeVisible();
	await expect(expired.getByRole('link', { name: 'Daniel Price' }).first()).toBeVisible();
	await expect(expired.getByText('Due soon', { exact: true })).toHaveCount(0);
	await expectAccessible(page);
	await expired.getByRole('link', { name: 'Act on Daniel Price’s training' }).first().click();
	await expect(page).toHaveURL(/\/manage\/people\/\d+#actions$/);
	await expect(page.getByRole('heading', { name: 'What you can do' })).toBeVisible();

	await page.goto('/manage/due?within=90');
	await expect(page.getByRole('heading', { name: 'Due soon', level: 1 })).toBeVisible();
	const due = page.getByRole('region', { name: 'Competencies due within 90 days, soonest first' });
	await expect(due.getByText('Expired', { exact: true })).toHaveCount(0);
	await expectAccessible(page);

	await page.goto('/manage/competencies');
	await expect(page.getByRole('region', { name: 'Compliance by competency' })).toBeVisible();
	await expectAccessible(page);
	await page.goto('/manage/groups');
	await page.getByRole('link', { name: 'job role', exact: true }).click();
	await expect(page).toHaveURL(/by=role/);
	await expect(page.getByRole('heading', { name: 'In date by job role' })).toBeVisible();
	await expectAccessible(page);

	await page.goto('/manage/matrix');
	await page.getByLabel('With any competency').selectOption('expired');
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(page).toHaveURL(/\/manage\/matrix\?.*status=expired/);
	await expect(page.getByRole('region', { name: /People and competencies/ }).getByRole('link', { name: 'Daniel Price' })).toBeVisible();
	await expectAccessible(page);
});

test("a unit manager exports the dashboard's tables as CSV, with their own unit only", async ({ page }) => {
	await signIn(page, 'manager@demo.test');
	const matrix = await page.request.get('/manage/export/matrix.csv?status=expired');
	const text = await matrix.text();
	expect(text.split('\r\n')[0]).toContain('workforce_id,name,job_role,unit');
	expect(text).toContain('Daniel Price');
	expect(text).not.toContain('Priya Natarajan'); // custody suite: another unit
	const expiring = await page.request.get('/manage/export/expiring.csv?within=90');
	expect(await expiring.text()).toContain('expires_on');
	const expired = await page.request.get('/manage/export/expiring.csv?only=expired');
	expect(expired.headers()['content-disposition']).toContain('expired-');
	expect(await expired.text()).not.toContain(',Due soon');
});

test('a unit manager rebuilds a record on a past date, and gets 404 for another unit', async ({ page }) => {
	await signIn(page, 'manager@demo.test');
	// as at 400 days ago the officer's Mental Health Act training (done 420 days ago) was in date
	const past = new Date(Date.now() - 400 * 86400000).toISOString().slice(0, 10);
	await page.goto(`/manage/people/${ids.officer}?asAt=${past}`);
	const mha = page.getByRole('row').filter({ hasText: 'Apply Mental Health Act sections 135 and 136' }).first();
	await expect(mha.getByText('Current')).toBeVisible();
	await page.goto(`/manage/people/${ids.officer}`);
	await expect(
		page.getByRole('row').filter({ hasText: 'Apply Mental Health Act sections 135 and 136' }).first().getByText('Expired', { exact: true })
	).toBeVisible();
	await expectAccessible(page);
	await page.goto(`/manage/people/${ids.officer}/record`);
	await expectAccessible(page);
	expect((await page.request.get(`/manage/people/${ids.custody}/record.json`)).status()).toBe(404);
});

const longDate = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
type RecordJson = {
	competencies: {
		title: string;
		status: string;
		achievedOn: string | null;
		expiresOn: string | null;
		parts: { part: string; occurredOn: string | null; expiresOn: string | null }[];
		cycles: { achievedOn: string; expiresOn: string }[];
	}[];
};

test('a record explains itself: each part with its date, "in date since" and expiry agreeing with History on the page, CSV and JSON', async ({ page }) => {
	await signIn(page, 'manager@demo.test');
	// The officer's Mental Health Act module (420 days ago) and scenario (425 days ago) lapsed about two months ago.
	const record = (await (await page.request.get(`/manage/people/${ids.officer}/record.json`)).json()) as RecordJson;
	const mha = record.competencies.find((c) => c.title.startsWith('Apply Mental Health Act'))!;
	expect(mha.status).toBe('expired');
	expect(mha.parts.map((p) => p.part)).toEqual([expect.stringMatching(/^Module: /), expect.stringMatching(/^Scenario pass: /)]);
	expect(mha.cycles.at(-1)).toEqual({ achievedOn: mha.achievedOn, expiresOn: mha.expiresOn });
	expect(mha.achievedOn! < mha.expiresOn!).toBe(true);
	await page.goto(`/manage/people/${ids.officer}`);
	const row = page.getByRole('row').filter({ hasText: 'Apply Mental Health Act sections 135 and 136' }).first();
	await expect(row.getByRole('listitem')).toHaveCount(2);
	for (const p of mha.parts) await expect(row.getByText(`${p.part}: ${longDate(p.occurredOn!)}, expired ${longDate(p.expiresOn!)}`)).toBeVisible();
	await expect(row.getByRole('cell').nth(1)).toHaveText(longDate(mha.achievedOn!));
	await expect(row.getByRole('cell').nth(2)).toHaveText(longDate(mha.expiresOn!));
	await expect(page.getByRole('listitem').filter({ hasText: /^Apply Mental Health Act/ })).toContainText(
		`${longDate(mha.achievedOn!)} until ${longDate(mha.expiresOn!)}`
	);
	const csv = await (await page.request.get(`/manage/people/${ids.officer}/record.csv`)).text();
	expect(csv).toContain(`status,${mha.title},expired,${mha.achievedOn},${mha.expiresOn}`);
	expect(csv).toContain(`in-date-period,${mha.title},in date,${mha.achievedOn},${mha.expiresOn}`);

	// Across the unit, on today and on a past date: never in date since after the expiry, always History's last period,
	// and no period begun after the date asked about.
	const past = new Date(Date.now() - 300 * 86400000).toISOString().slice(0, 10);
	await page.goto('/manage/people');
	const hrefs = (await page.locator('a[href^="/manage/people/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))).filter((h) => /\/\d+$/.test(h));
	expect(hrefs.length).toBeGreaterThan(3);
	for (const href of hrefs.slice(0, 12))
		for (const query of ['', `?asAt=${past}`]) {
			const r = (await (await page.request.get(`${href}/record.json${query}`)).json()) as RecordJson;
			for (const c of r.competencies) {
				const last = c.cycles.at(-1);
				expect({ achievedOn: c.achievedOn, expiresOn: c.expiresOn }, `${href}${query} ${c.title}`).toEqual(last ?? { achievedOn: null, expiresOn: null });
				if (query) for (const cy of c.cycles) expect(cy.achievedOn <= past, `${href}${query} ${c.title}`).toBe(true);
			}
		}
});

test('an organisation manager corrects a record by voiding an entry, with a reason', async ({ page }) => {
	await signIn(page, 'nhs-manager@demo.test');
	await page.goto(`/manage/people/${ids.nurse}`);
	const entry = page
		.locator('tr[id^="evidence-"]')
		.filter({ has: page.getByText('Valid') })
		.first();
	await entry.getByText('Correct this entry').click();
	await entry.getByRole('button', { name: 'Void this entry' }).click();
	await expect(page.getByText('Enter the reason for the correction')).toBeVisible();
	const again = page
		.locator('tr[id^="evidence-"]')
		.filter({ has: page.getByText('Valid') })
		.first();
	const id = await again.getAttribute('id');
	if ((await again.locator('details').getAttribute('open')) === null) await again.getByText('Correct this entry').click();
	await again.getByLabel('Reason for voiding').fill('Entered against the wrong person during a roster merge');
	await again.getByRole('button', { name: 'Void this entry' }).click();
	await expect(page.getByRole('status')).toContainText('The entry has been voided');
	await expect(page.locator(`#${id}`)).toContainText('Entered against the wrong person');
	await expect(page.locator(`#${id}`).getByText('Voided')).toBeVisible();
	expect((await page.goto(`/manage/people/${ids.officer}`))!.status()).toBe(404);
});

test('a trainer records an observed assessment, never for themselves or another organisation', async ({ page }) => {
	await signIn(page, 'trainer@demo.test');
	await page.goto('/assess');
	await expectAccessible(page);
	await page.getByLabel('Name, email or workforce identifier').fill('officer@demo.test');
	await page.getByRole('button', { name: 'Find' }).click();
	await page.getByRole('link', { name: 'Daniel Price' }).click();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Record assessment' }).click();
	await expect(page.getByRole('alert')).toContainText('Choose the competency assessed');
	await page.getByLabel('Competency observed').selectOption('safe-restraint');
	await page.getByLabel('Competent', { exact: true }).check();
	await page.getByLabel('Notes (optional)').fill('Led a safe restraint; moved to recovery position promptly.');
	await page.getByRole('button', { name: 'Record assessment' }).click();
	await expect(page.getByRole('status')).toContainText('added to their training record');
	await expect(page.getByRole('cell', { name: 'Led a safe restraint; moved to recovery position promptly.' })).toBeVisible();
	// What each competency still needs, with the observation now done.
	const needs = page.getByRole('region', { name: /What each competency needs for Daniel Price/ });
	await expect(
		needs.getByRole('listitem').filter({ hasText: 'Be observed in a practical assessment and signed off by a trainer: done' }).first()
	).toBeVisible();
	await expectAccessible(page);
	await page.goto('/assess');
	await expect(page.getByRole('region', { name: 'Assessments you have signed off' }).getByRole('link', { name: 'Daniel Price' }).first()).toBeVisible();
	expect((await page.goto(`/assess/${ids.trainer}`))!.status()).toBe(404);
	expect((await page.goto(`/assess/${ids.nurse}`))!.status()).toBe(404);
});

test('the partnership view shows only aggregates as of yesterday, under disclosure control, with a trend, a borough filter and a CSV', async ({ page }) => {
	await signIn(page, 'partnership@demo.test');
	await page.goto('/partnership');
	await expect(page).toHaveTitle('Partnership view – Crisis Care Academy'); // written as &ndash; (the page says why)
	await expect(page.getByRole('heading', { name: 'Lambeth' })).toBeVisible();
	await expect(page.getByText('as they stood at the end of yesterday')).toBeVisible();
	await expect(page.locator('td').getByText('withheld', { exact: true }).first()).toBeVisible();
	// Every figure shown is a multiple of 5: nothing exact, nothing from 1 to 7.
	for (const text of await page.locator('td').allInnerTexts()) {
		const m = /about (\d+) of (\d+)/.exec(text);
		if (m) expect([Number(m[1]) % 5, Number(m[2]) % 5], text).toEqual([0, 0]);
	}
	const trend = page.getByRole('region', { name: 'Share in date over 12 months, London' });
	await expect(trend).toHaveAttribute('tabindex', '0');
	await expect(trend.getByRole('row')).toHaveCount(14); // header and 13 dates
	const html = await page.content();
	expect(html).not.toContain('Daniel Price');
	expect(html).not.toContain('/manage/people/');
	await expectAccessible(page);

	await page.getByLabel('Borough').selectOption('Lambeth');
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page).toHaveURL(/borough=Lambeth/);
	await expect(page).toHaveTitle('Partnership view: Lambeth – Crisis Care Academy');
	await expect(page.getByRole('heading', { name: 'Over the last 12 months: Lambeth' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Lewisham' })).toHaveCount(0);
	await expectAccessible(page);
	const csv = await page.request.get('/partnership/export.csv?borough=Lambeth');
	expect(csv.headers()['content-type']).toContain('text/csv');
	// Parsed as CSV: competency titles carry commas.
	const [header, ...rows] = Papa.parse<string[]>((await csv.text()).replace(/^\uFEFF/, '').trim()).data;
	expect(header.join(',')).toBe('as_of,borough,competency,agency,people,in_date,share_percent');
	expect(rows.length).toBeGreaterThan(0);
	expect(rows.every((r) => r[1] === 'Lambeth')).toBe(true);
	for (const r of rows) for (const v of r.slice(4, 6)) expect(v === '*' || Number(v) % 5 === 0, r.join(',')).toBe(true);

	await signOut(page);
	await signIn(page, 'officer@demo.test');
	expect((await page.goto('/partnership'))!.status()).toBe(404);
	expect((await page.request.get('/partnership/export.csv')).status()).toBe(404);
});
