import type { Browser, Page } from '@playwright/test';
import type Database from 'better-sqlite3';
import { certificatePdf } from '../scripts/demo/certificate-pdf';
import { expect, loadFailure, test } from './fixtures';
import { one, personId } from './e2e-db';
import { expectAccessible, signIn } from './helpers';
import { waitForLink } from './mailbox';

// A refused upload answers 400 and another learner's certificate 404, on purpose.
test.use({ allowedConsoleErrors: [loadFailure(400, 404)] });
test.describe.configure({ mode: 'serial' });

const EMAIL = 'prior.learner@e2e.test';
const PASSWORD = 'prior-learner-password';
const RESTRAINT = 'Safe restraint and prevention of positional asphyxia';
const PROVIDER = 'Kent Police, officer safety training (previous force)';

let learnerId = 0;
const claims = (db: Database.Database) => one(db, 'select count(*) from prior_learning_claims where person_id = ?', learnerId);
const daysAgo = (n: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(Date.now() - n * 86_400_000));

/** A constable of Central South BCU of the test's own, so that no other test's demo person changes. */
test.beforeAll(async ({ browser, db }, testInfo) => {
	const admin = await browser.newPage();
	await signIn(admin, 'admin@demo.test');
	const origin = new URL(testInfo.project.use.baseURL!).origin;
	const post = (path: string, form: Record<string, string>) => admin.request.post(path, { form, headers: { origin, accept: 'text/html' }, maxRedirects: 0 });
	const created = await post('/admin/people/new', {
		name: 'Priya Learner',
		email: EMAIL,
		organisationId: String(one(db, "select id from organisations where name = 'Metropolitan Police Service'")),
		unitId: String(one(db, "select id from units where name = 'Central South BCU'")),
		jobRole: 'police-constable',
		workforceId: 'PL-E2E-1',
		startDate: daysAgo(30)
	});
	expect(created.status()).toBe(303);
	learnerId = personId(db, EMAIL);
	expect((await post(await waitForLink(db, EMAIL, 'activate'), { password: PASSWORD, confirm: PASSWORD })).status()).toBe(303);
	await admin.close();
});

async function claim(page: Page, competency: string, provider: string, file: { name: string; mimeType: string; buffer: Buffer }, completedOn = daysAgo(40)) {
	await page.goto('/training/prior-learning');
	await page.getByLabel('Competency').selectOption({ label: competency });
	await page.getByLabel('Date completed').fill(completedOn);
	await page.getByLabel('Provider').fill(provider);
	await page.getByLabel('Certificate').setInputFiles(file);
	await page.getByRole('button', { name: 'Send for approval' }).click();
}

const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(certificatePdf(['Certificate of completion', 'Priya Learner'])) });

/** The Central South manager, in a browser context of their own (axe scans need one). */
async function asManager(browser: Browser) {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, 'manager@demo.test');
	return page;
}

test('a learner records prior learning with its certificate; a manager in scope approves it and the competency is achieved', async ({ page, browser, db }) => {
	await signIn(page, EMAIL, PASSWORD);
	await page.getByRole('link', { name: 'Record prior learning' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Prior learning' })).toBeVisible();
	await expectAccessible(page);
	await claim(page, RESTRAINT, PROVIDER, pdf('kent-certificate.pdf'));
	await expect(page.getByRole('status')).toContainText('Your claim has been sent to your training manager');
	await expect(page.getByRole('row', { name: new RegExp(RESTRAINT) })).toContainText('Waiting for a manager');
	const claimId = one(db, 'select max(id) from prior_learning_claims where person_id = ?', learnerId);

	const manager = await asManager(browser);
	await manager.goto('/manage/prior-learning');
	await expectAccessible(manager);
	const item = manager.getByRole('listitem').filter({ has: manager.getByRole('link', { name: `Priya Learner: ${RESTRAINT}` }) });
	await expect(item).toContainText(PROVIDER);
	// The certificate is the file uploaded, sent only as a download of its checked type.
	const download = await manager.request.get(`/prior-learning/${claimId}/certificate`);
	expect(download.status()).toBe(200);
	expect(download.headers()).toMatchObject({
		'content-type': 'application/pdf',
		'content-disposition': `attachment; filename="prior-learning-${claimId}.pdf"`,
		'x-content-type-options': 'nosniff',
		'cache-control': 'private, no-store'
	});
	expect(Buffer.compare(await download.body(), pdf('x').buffer)).toBe(0);

	await item.getByRole('link', { name: `Priya Learner: ${RESTRAINT}` }).click();
	await expect(manager.getByRole('heading', { level: 1 })).toHaveText(`Prior learning: ${RESTRAINT}`);
	await expectAccessible(manager);
	await manager.getByRole('button', { name: 'Approve' }).click();
	await expect(manager.getByRole('status')).toContainText('Approved. It is now evidence');
	await expect(manager.locator('dd').filter({ hasText: 'Approved' }).first()).toBeVisible();

	// The record: the competency achieved, dated when the learning was completed, with prior learning as its source.
	await manager.goto(`/manage/people/${learnerId}`);
	await expect(manager.getByRole('row', { name: new RegExp(`^${RESTRAINT}`) }).first()).toContainText('Current');
	const evidence = manager.getByRole('row').filter({ hasText: `Prior learning: ${PROVIDER}` });
	await expect(evidence).toContainText('Inspector Mark Ellis');
	await expect(evidence).toContainText(RESTRAINT);

	// The learner is told, by email (queued in the outbox) and on their notifications page.
	await page.goto('/notifications');
	await expect(page.getByText(`Your prior learning for ${RESTRAINT} has been approved`).first()).toBeVisible();
	await expectAccessible(page);
	await page.goto('/training/record');
	await expect(page.getByRole('row').filter({ hasText: `Prior learning: ${PROVIDER}` })).toBeVisible();
	await manager.context().close();
});

test('a manager rejects a claim with a reason, which the learner sees; no evidence is recorded', async ({ page, browser, db }) => {
	await signIn(page, EMAIL, PASSWORD);
	await claim(page, 'De-escalate and communicate', 'An online course', pdf('online.pdf'));
	await expect(page.getByRole('status')).toContainText('sent to your training manager');
	const claimId = one(db, 'select max(id) from prior_learning_claims where person_id = ?', learnerId);
	const evidenceBefore = one(db, 'select count(*) from evidence where person_id = ?', learnerId);

	const manager = await asManager(browser);
	await manager.goto('/manage/prior-learning');
	const item = manager.getByRole('listitem').filter({ hasText: 'An online course' });
	// A rejection needs its reason.
	await item.getByRole('button', { name: 'Reject' }).click();
	await expect(manager.getByRole('alert')).toContainText('Enter the reason for rejecting the claim');
	await expectAccessible(manager);
	const again = manager.getByRole('listitem').filter({ hasText: 'An online course' });
	await again.getByLabel('Reason').fill('The course does not include a practical element.');
	await again.getByRole('button', { name: 'Reject' }).click();
	await expect(manager.getByRole('status')).toContainText(`Claim #${claimId} rejected`);
	expect(one(db, 'select count(*) from evidence where person_id = ?', learnerId)).toBe(evidenceBefore);
	await manager.context().close();

	await page.goto('/training/prior-learning');
	const row = page.getByRole('row', { name: /De-escalate and communicate/ });
	await expect(row).toContainText('Not approved');
	await expect(row).toContainText('Reason: The course does not include a practical element.');
	await page.goto('/notifications');
	await expect(page.getByText('Your prior learning for De-escalate and communicate was not approved').first()).toBeVisible();
});

test('a file that is not a PDF, PNG or JPEG, an empty or too large one, or a future date is refused with a clear message, and nothing is stored', async ({
	page,
	db
}) => {
	await signIn(page, EMAIL, PASSWORD);
	const before = claims(db);
	const html = { name: 'certificate.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<!doctype html><script>alert(1)</script>') };
	await claim(page, RESTRAINT, PROVIDER, html);
	await expect(page.getByRole('alert')).toContainText('The certificate must be a PDF, PNG or JPEG file');
	await expect(page.getByLabel('Provider')).toHaveValue(PROVIDER);
	await expectAccessible(page);
	// A program renamed as an image, and an empty file, the same.
	await claim(page, RESTRAINT, PROVIDER, { name: 'scan.png', mimeType: 'image/png', buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]) });
	await expect(page.getByRole('alert')).toContainText('The certificate must be a PDF, PNG or JPEG file');
	await claim(page, RESTRAINT, PROVIDER, { name: 'empty.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) });
	await expect(page.getByRole('alert')).toContainText('The certificate file is empty');
	// A real PDF over 5 MB, and a date in the future.
	const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x20);
	pdf('big.pdf').buffer.copy(big);
	await claim(page, RESTRAINT, PROVIDER, { name: 'big.pdf', mimeType: 'application/pdf', buffer: big });
	await expect(page.getByRole('alert')).toContainText('The certificate must be 5 MB or smaller');
	await claim(page, RESTRAINT, PROVIDER, pdf('future.pdf'), daysAgo(-3));
	await expect(page.getByRole('alert')).toContainText('The date the learning was completed cannot be in the future');
	expect(claims(db)).toBe(before);
});

test('the certificate downloads for the manager and is not found for another learner', async ({ page, browser, db }) => {
	const claimId = one(db, 'select min(id) from prior_learning_claims where person_id = ?', learnerId);
	const manager = await asManager(browser);
	expect((await manager.request.get(`/prior-learning/${claimId}/certificate`)).status()).toBe(200);
	await manager.context().close();
	await signIn(page, 'officer@demo.test');
	for (const path of [`/prior-learning/${claimId}/certificate`, `/prior-learning/${claimId}`])
		expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
});
