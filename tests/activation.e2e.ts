import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type Database from 'better-sqlite3';
import { one, personId } from './e2e-db';
import { expectAccessible, signIn } from './helpers';
import { lastMailId, mailTo, waitForLink } from './mailbox';

// Activation and password reset end to end: the server queues each message in the transaction of the change, its
// sender delivers it over SMTP to the demo's own relay (a real SMTP server), and the links are read from what the
// relay received. One person's story, a step a test.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const EMAIL = 'new.officer@demo.test';
const FIRST_PASSWORD = 'first-chosen-password';
const SECOND_PASSWORD = 'second-chosen-password';
let activationLink = '';

async function addPerson(page: Page, values: { name: string; email: string; organisation: string; unit: string; jobRole: string; workforceId: string }) {
	await page.goto('/admin/people/new');
	await page.getByLabel('Full name').fill(values.name);
	await page.getByLabel('Email address').fill(values.email);
	await page.getByLabel('Organisation').selectOption({ label: values.organisation });
	await page.getByLabel('Unit').selectOption({ label: values.unit });
	await page.getByLabel('Job role').selectOption(values.jobRole);
	await page.getByLabel('Workforce identifier').fill(values.workforceId);
	await page.getByLabel('Start date').fill('2026-09-01');
	await page.getByRole('button', { name: 'Add person' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(values.name);
}

const unitOf = (db: Database.Database, organisation: string) =>
	one<string>(db, 'select u.name from units u join organisations o on o.id = u.organisation_id where o.name = ? order by u.id limit 1', organisation);

async function setPassword(page: Page, link: string, password: string, button: string) {
	await page.goto(link);
	await page.getByLabel('New password', { exact: true }).fill(password);
	await page.getByLabel('New password again').fill(password);
	await page.getByRole('button', { name: button }).click();
}

async function newPage(browser: Browser) {
	return (await browser.newContext()).newPage();
}

test('a person an administrator adds is emailed an activation link; it sets their password once', async ({ page, browser, db }) => {
	await signIn(page, 'admin@demo.test');
	await addPerson(page, {
		name: 'New Officer',
		email: EMAIL,
		organisation: 'Metropolitan Police Service',
		unit: unitOf(db, 'Metropolitan Police Service'),
		jobRole: 'police-constable',
		workforceId: 'MPS-NEW-1'
	});
	await expect(page.getByRole('status')).toContainText('has been added and sent an email to set up their account');
	await expect(page.getByRole('button', { name: 'Send an activation link' })).toBeVisible();
	await expectAccessible(page);

	activationLink = await waitForLink(db, EMAIL, 'activate');
	const [message] = mailTo(db, EMAIL);
	expect(message.subject).toBe('Set up your Crisis Care Academy account');
	expect(message.text).toContain('The link works once, for 7 days.');
	// Only the hash of the token is stored.
	expect(one<number>(db, 'select count(*) from account_tokens where id = ?', activationLink.split('/').pop())).toBe(0);
	// The demo's mailbox shows it to administrators.
	await page.goto('/admin/mail');
	await expect(page.locator('article', { hasText: `To ${EMAIL}` }).first()).toContainText('Set up your Crisis Care Academy account');

	const officer = await newPage(browser);
	await officer.goto(activationLink);
	await expect(officer.getByRole('heading', { level: 1 })).toHaveText('Set up your account');
	await expectAccessible(officer);
	await officer.getByLabel('New password', { exact: true }).fill(FIRST_PASSWORD);
	await officer.getByLabel('New password again').fill('something else entirely');
	await officer.getByRole('button', { name: 'Set my password' }).click();
	await expect(officer.getByRole('alert')).toContainText('The two new passwords do not match');
	await expectAccessible(officer);
	await setPassword(officer, activationLink, FIRST_PASSWORD, 'Set my password');
	await expect(officer).toHaveURL(/\/login\?password=activated$/);
	await expect(officer.getByRole('status')).toContainText('Your password is set and your account is ready');
	await expectAccessible(officer);
	await signIn(officer, EMAIL, FIRST_PASSWORD);

	// Used once, the link is refused.
	await officer.goto(activationLink);
	await expect(officer.getByText('This link cannot be used')).toBeVisible();
	await expect(officer.getByLabel('New password', { exact: true })).toHaveCount(0);
	await expectAccessible(officer);
	await officer.context().close();

	// Now that they have a password, the administrator's button sends a reset link instead.
	await page.goto(`/admin/people/${personId(db, EMAIL)}`);
	const before = lastMailId(db);
	await page.getByRole('button', { name: 'Send a password reset link' }).click();
	await expect(page.getByRole('status')).toContainText(`A password reset link has been sent to ${EMAIL}`);
	await waitForLink(db, EMAIL, 'reset-password', before);
});

test('forgotten password: the same answer for an unknown address; the link sets a new password once and ends every session', async ({ page, browser, db }) => {
	// Two sessions of the officer's, elsewhere.
	const phone = await newPage(browser);
	const laptop = await newPage(browser);
	await signIn(phone, EMAIL, FIRST_PASSWORD);
	await signIn(laptop, EMAIL, FIRST_PASSWORD);

	await page.goto('/login');
	await page.getByRole('link', { name: 'Forgotten your password?' }).click();
	await expect(page).toHaveURL(/\/forgot-password$/);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Send me a link' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter an email address');

	const answerFor = async (email: string) => {
		await page.goto('/forgot-password');
		await page.getByLabel('Email address').fill(email);
		await page.getByRole('button', { name: 'Send me a link' }).click();
		const status = page.getByRole('status');
		await expect(status).toContainText('If ');
		return (await status.innerText()).replace(email, '<address>');
	};
	const unknown = 'nobody.here@demo.test';
	const before = lastMailId(db);
	const forUnknown = await answerFor(unknown);
	await expectAccessible(page);
	const forKnown = await answerFor(EMAIL);
	expect(forKnown).toBe(forUnknown);
	const resetLink = await waitForLink(db, EMAIL, 'reset-password', before);
	// Nothing was queued for the unknown address (and so nothing can arrive).
	expect(one<number>(db, 'select count(*) from mail_outbox where to_address = ?', unknown)).toBe(0);
	expect(mailTo(db, unknown)).toEqual([]);

	const officer = await newPage(browser);
	await setPassword(officer, resetLink, SECOND_PASSWORD, 'Set my new password');
	await expect(officer).toHaveURL(/\/login\?password=reset$/);
	await expect(officer.getByRole('status')).toContainText('you have been signed out everywhere');

	// Every session the officer had has ended.
	for (const p of [phone, laptop]) {
		await p.goto('/training');
		await expect(p).toHaveURL(/\/login\?redirectTo=%2Ftraining$/);
	}
	await signIn(officer, EMAIL, SECOND_PASSWORD);
	// The link is used up, and audited.
	await officer.goto(resetLink);
	await expect(officer.getByText('This link cannot be used')).toBeVisible();
	expect(one<number>(db, "select count(*) from audit_log where action = 'password-reset' and entity_id = ?", String(personId(db, EMAIL)))).toBe(1);
	for (const p of [phone, laptop, officer]) await p.context().close();
});

test('someone added to an organisation that signs in with its own accounts is told so, and sent no password link', async ({ page, db }) => {
	await signIn(page, 'admin@demo.test');
	const email = 'new.paramedic@las.demo.test';
	await addPerson(page, {
		name: 'New Paramedic',
		email,
		organisation: 'London Ambulance Service',
		unit: unitOf(db, 'London Ambulance Service'),
		jobRole: 'paramedic',
		workforceId: 'LAS-NEW-1'
	});
	await expect(page.getByRole('button', { name: 'Send sign-in instructions' })).toBeVisible();
	await expect.poll(() => mailTo(db, email).length, { timeout: 30_000 }).toBe(1);
	const [message] = mailTo(db, email);
	expect(message.subject).toBe('Your Crisis Care Academy account: sign in with your London Ambulance Service account');
	expect(message.text).toMatch(/Sign in to Crisis Care Academy \(http:\/\/localhost:\d+\/login\)/);
	expect(message.text).not.toMatch(/\/activate\//);
	expect(one<number>(db, 'select count(*) from account_tokens where person_id = ?', personId(db, email))).toBe(0);
});
