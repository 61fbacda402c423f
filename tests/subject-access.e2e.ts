import { createHash } from 'node:crypto';
import { expect, test } from './fixtures';
import { expectAccessible, personIdByEmail, signIn, signOut } from './helpers';

const REFLECTION = `Subject access test ${Date.now()}: next time I will ask one question and wait for the answer.`;

test('an administrator exports everything held about a learner: their reflection, and no password hash or session id', async ({ page, browser }) => {
	await signIn(page, 'paramedic@demo.test');
	await page.goto('/modules/de-escalation');
	const reflection = page.locator('#reflection-first-impression');
	await reflection.getByRole('textbox').fill(REFLECTION);
	await reflection.getByRole('button', { name: 'Save reflection' }).click();
	await expect(reflection.getByText('Reflection saved.')).toBeVisible();
	await signOut(page);

	// The learner's session is still held (a second browser), so its id would be in the export if anything leaked it.
	const learner = await browser.newPage();
	await signIn(learner, 'paramedic@demo.test');
	const liveToken = (await learner.context().cookies()).find((c) => c.name === 'session')!.value;
	const liveSessionId = createHash('sha256').update(liveToken).digest('hex');

	await signIn(page, 'admin@demo.test');
	const id = await personIdByEmail(page, 'paramedic@demo.test');
	await page.goto(`/admin/people/${id}`);
	const link = page.getByRole('link', { name: 'Download everything held about Tomasz Nowak' });
	await expect(link).toBeVisible();
	await expectAccessible(page);

	const response = await page.request.get((await link.getAttribute('href'))!);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="subject-access-\d+-\d{4}-\d{2}-\d{2}\.json"$/);
	const text = await response.text();
	const data = JSON.parse(text);
	expect(data.person).toMatchObject({ id, name: 'Tomasz Nowak', email: 'paramedic@demo.test', passwordSet: true });
	expect(data.reflections).toContainEqual(expect.objectContaining({ moduleSlug: 'de-escalation', reflectionId: 'first-impression', body: REFLECTION }));
	expect(data.sessions.count).toBeGreaterThanOrEqual(1);
	expect(data.signInAttempts.length).toBeGreaterThanOrEqual(2);
	expect(Array.isArray(data.assignments)).toBe(true);
	expect(data.sections.assignments).toMatch(/^Training assigned to you/);
	expect(text).not.toMatch(/passwordHash|password_hash|\$argon2/);
	expect(text).not.toContain(liveSessionId);
	expect(text).not.toContain(liveToken);
	await learner.close();

	// Learners, even the person themselves, cannot reach it.
	await signOut(page);
	await signIn(page, 'paramedic@demo.test');
	expect((await page.request.get(`/admin/people/${id}/export.json`)).status()).toBe(404);
});
