import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type Database from 'better-sqlite3';
import { one, personId } from './e2e-db';
import { expectAccessible, signIn } from './helpers';

// Mail in the demo: the server plans reminders and digests when it starts, its sender delivers them over SMTP to the
// demo's own relay, and the relay's mailbox, the outbox, people's notifications, one-click unsubscribe and the
// email preferences are checked as people use them.

/** The List-Unsubscribe address of the digest the demo relay received for this person. */
async function unsubscribeLink(db: Database.Database, email: string): Promise<string> {
	let link: string | undefined;
	await expect
		.poll(
			() => {
				const rows = db
					.prepare("select headers from demo_mailbox where envelope_to = ? and subject like 'Training compliance for %'")
					.pluck()
					.all(JSON.stringify([email])) as string[];
				link = rows.map((h) => (JSON.parse(h) as [string, string][]).find(([name]) => name.toLowerCase() === 'list-unsubscribe')?.[1]).find(Boolean);
				return link;
			},
			{ timeout: 30_000 }
		)
		.toMatch(/^<http:\/\/localhost:\d+\/unsubscribe\/u1\.digest\.\d+\.[A-Za-z0-9_-]+>$/);
	return link!.slice(1, -1);
}

const digestSetting = (db: Database.Database, email: string) =>
	db.prepare('select digest from mail_preferences where person_id = ?').pluck().get(personId(db, email)) as string | undefined;

test('the demo mailbox shows what the demo relay received; the outbox lists it with the relay’s reply', async ({ page, baseURL }) => {
	test.setTimeout(120_000);
	await signIn(page, 'admin@demo.test');
	// The custody officer's restraint refresher is due within 60 days in the demo story: their reminder arrives.
	await expect
		.poll(async () => (await page.goto('/admin/mail?to=custody%40demo.test'), page.locator('article', { hasText: 'To custody@demo.test' }).count()), {
			timeout: 30_000
		})
		.toBeGreaterThan(0);
	await expect(page.getByRole('heading', { level: 1, name: 'Demo mailbox' })).toBeVisible();
	const message = page.locator('article', { hasText: 'To custody@demo.test' }).first();
	await message.locator('summary').click();
	await expect(message).toContainText(`Open My training (${baseURL}/training)`);
	await expect(message).toContainText('Message-ID:');
	await expect(message).toContainText('Refresher reminders are mandatory');
	await expectAccessible(page);

	await page.goto('/admin/outbox');
	await page.getByLabel('Status').selectOption('sent');
	await page.getByLabel('Address contains').fill('custody@demo.test');
	await page.getByRole('button', { name: 'Filter' }).click();
	await expect(page).toHaveURL(/status=sent/);
	const row = page.locator('tbody tr', { hasText: 'custody@demo.test' }).first();
	await expect(row).toContainText('Sent');
	await expect(row).toContainText('250');
	await expect(page.getByText('Mail is being sent')).toBeVisible();
	await expectAccessible(page);
	await page.goto('/admin/outbox?kind=digest');
	await expect(page.locator('tbody tr').first()).toContainText('Manager digest');
	await page.goto('/admin');
	await expect(page.getByRole('link', { name: 'Outbox' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Demo mailbox' })).toBeVisible();
});

test('notifications: the header counts what is unread, the page lists it newest first and marks it read', async ({ page, db }) => {
	test.setTimeout(90_000);
	const custody = personId(db, 'custody@demo.test');
	await expect.poll(() => one(db, 'select count(*) from mail_outbox where person_id = ?', custody), { timeout: 30_000 }).toBeGreaterThan(0);
	await signIn(page, 'custody@demo.test');
	const link = page.getByRole('link', { name: /^Notifications/ });
	await expect(link).toHaveAccessibleName(/^Notifications\s+\d+ unread$/);
	await link.click();
	await expect(page).toHaveURL(/\/notifications$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
	const first = page.getByRole('article').first();
	await expect(first.getByRole('heading', { level: 2 })).toContainText('New');
	await expect(first).toContainText('Refresher reminder.');
	await first.getByText('Read the message').click();
	await expect(first).toContainText('Open My training');
	await expectAccessible(page);
	await expect(link).toHaveAccessibleName('Notifications');
	// Read now: elsewhere the header has no count, and the page no longer marks it new.
	await page.goto('/training');
	await expect(page.getByRole('link', { name: /^Notifications/ })).toHaveAccessibleName('Notifications');
	await page.goto('/notifications');
	await expect(page.getByRole('article').first().getByRole('heading', { level: 2 })).not.toContainText('New');
});

test('one-click unsubscribe: the link in the digest, with no sign-in; a confirm page, then a post', async ({ browser, request, db }) => {
	test.setTimeout(90_000);
	const link = await unsubscribeLink(db, 'nhs-manager@demo.test');
	const context = await browser.newContext();
	const visitor = await context.newPage();
	const reply = await visitor.goto(link);
	expect(reply!.status()).toBe(200);
	await expect(visitor.getByRole('heading', { level: 1, name: 'Stop the training digest' })).toBeVisible();
	await expect(visitor.getByText('n•••@demo.test')).toBeVisible();
	await expectAccessible(visitor);
	expect(digestSetting(db, 'nhs-manager@demo.test') ?? 'weekly').toBe('weekly');
	await visitor.getByRole('button', { name: 'Stop the digest' }).click();
	await expect(visitor.getByRole('status')).toContainText('will not get the training compliance digest any more');
	await expectAccessible(visitor);
	expect(digestSetting(db, 'nhs-manager@demo.test')).toBe('off');
	await context.close();

	// A mail provider's one-click post (RFC 8058): from its own servers, no Origin of ours, no cookie.
	const mps = await unsubscribeLink(db, 'mps-manager@demo.test');
	const oneClick = await request.post(mps, {
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		data: 'List-Unsubscribe=One-Click',
		maxRedirects: 0
	});
	expect(oneClick.status()).toBe(200);
	expect(digestSetting(db, 'mps-manager@demo.test')).toBe('off');
	expect(one(db, "select count(*) from audit_log where action = 'mail-preferences-update' and actor_id = ?", personId(db, 'mps-manager@demo.test'))).toBe(1);

	// A token altered to name someone else is refused, and other cross-site form posts still are.
	const forged = mps.replace(/\.(\d+)\./, (_, id) => `.${Number(id) + 1}.`);
	expect((await request.post(forged, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, data: 'List-Unsubscribe=One-Click' })).status()).toBe(
		404
	);
	expect((await request.get(forged)).status()).toBe(404);
	expect(
		(
			await request.post('/account?/email', {
				headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
				data: 'digest=off'
			})
		).status()
	).toBe(403);
});

async function chooseDigest(page: Page, label: string) {
	await page.getByLabel(label).check();
	await page.getByRole('button', { name: 'Save email preferences' }).click();
	await expect(page.getByRole('status')).toContainText('Your digest preference has been saved');
}

test('email preferences on the account page: managers choose the digest; reminders are shown as mandatory', async ({ page, db }) => {
	test.setTimeout(90_000);
	await signIn(page, 'custody-manager@demo.test');
	await page.goto('/account');
	await expect(page.getByRole('heading', { level: 2, name: 'Email' })).toBeVisible();
	await expect(page.getByText('These reminders are mandatory and cannot be switched off')).toBeVisible();
	await expect(page.getByLabel('Weekly')).toBeChecked();
	await chooseDigest(page, 'Monthly');
	await expectAccessible(page);
	await page.reload();
	await expect(page.getByLabel('Monthly')).toBeChecked();
	expect(digestSetting(db, 'custody-manager@demo.test')).toBe('monthly');
	await chooseDigest(page, 'Weekly');

	// Someone who manages no one is told about reminders, and has no digest to choose.
	await page.getByRole('button', { name: 'Sign out', exact: true }).click();
	await signIn(page, 'nurse@demo.test');
	await page.goto('/account');
	await expect(page.getByText('These reminders are mandatory and cannot be switched off')).toBeVisible();
	await expect(page.getByRole('group', { name: /How often/ })).toHaveCount(0);
	await expectAccessible(page);
});
