import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { budget } from './budget';
import { one, personId } from './e2e-db';
import { expect, loadFailure, test } from './fixtures';
import { expectAccessible, signIn, signOut } from './helpers';

// The NHS trust's manager assigns the equality and families module to the demo nurse, who has not done it
// (scripts/demo/history.ts; no other test completes it as the nurse: modules.e2e.ts does staff wellbeing); the nurse
// does it, and the manager sees it done. Then extending and cancelling.
const SLUG = 'equality-families';
const TITLE = 'Module: Equality, discrimination, and engaging families and carers';
type Quiz = { questions: { id: string; kind: string; options: { id: string; correct: boolean }[] }[] };
const quiz: Quiz = parse(readFileSync('content/modules/10-equality-families.quiz.yaml', 'utf8'));
const london = (offset: number) => new Date(Date.now() + offset * 86400000).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
const long = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

// Out-of-scope pages answer 404 on purpose.
test.use({ allowedConsoleErrors: [loadFailure(404)] });

async function assign(page: Page, personId: number, what: string, dueOn: string, reason: string) {
	await page.goto(`/manage/people/${personId}`);
	await page.getByRole('link', { name: 'Assign training' }).click();
	await expect(page.getByRole('heading', { level: 1, name: /^Assign training to / })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('What to assign').selectOption(what);
	await page.getByLabel('Due by').fill(dueOn);
	await page.getByLabel('Reason').fill(reason);
	await page.getByRole('button', { name: 'Assign the training' }).click();
	await expect(page.getByText('The training is assigned')).toBeVisible();
	return Number(/\/manage\/assignments\/(\d+)/.exec(page.url())![1]);
}

test.describe('assigned training', () => {
	test.describe.configure({ mode: 'serial' });

	test('a manager assigns a module to a person; the learner sees it, completes it, and the manager sees it done', async ({ page, db }) => {
		test.setTimeout(budget(150_000));
		const nurse = personId(db, 'nurse@demo.test');
		await signIn(page, 'nhs-manager@demo.test');
		// A refusal first: a due date in the past changes nothing and says why.
		await page.goto(`/manage/assignments/new?person=${nurse}`);
		await page.getByLabel('What to assign').selectOption(`module:${SLUG}`);
		await page.getByLabel('Due by').fill(london(-1));
		await page.getByLabel('Reason').fill('After the incident on 3 May');
		await page.getByRole('button', { name: 'Assign the training' }).click();
		await expect(page.getByRole('alert')).toContainText('The due date must be today or later');
		expect(one(db, 'select count(*) from assignment_people where person_id = ?', nurse)).toBe(0);

		const due = london(14);
		const id = await assign(page, nurse, `module:${SLUG}`, due, 'After the incident on 3 May');
		await expect(page.getByRole('cell', { name: 'To do' })).toBeVisible();
		await expect(page.getByText('0 of 1 done')).toBeVisible();
		await expectAccessible(page);
		await page.goto('/manage/assignments');
		await expect(page.getByRole('row').filter({ hasText: TITLE }).first()).toContainText('0 of 1 done');
		await expectAccessible(page);
		await signOut(page);

		// The nurse is told, and sees it at the top of My training and as the thing to do next.
		expect(one(db, "select count(*) from mail_outbox where person_id = ? and template = 'assignment-update'", nurse)).toBe(1);
		await signIn(page, 'nurse@demo.test');
		const assigned = page.getByRole('region', { name: 'Assigned to you' });
		await expect(assigned).toContainText(`Due by ${long(due)}`);
		await expect(assigned).toContainText('Reason: After the incident on 3 May');
		await expectAccessible(page);
		await page.goto('/notifications');
		await expect(page.getByText('You have been assigned training: Equality, discrimination, and engaging families and carers').first()).toBeVisible();

		// Completing the module meets it.
		await page.goto(`/modules/${SLUG}`);
		const buttons = page.locator('form.mark-read button');
		const total = await buttons.count();
		for (let i = 0; i < total; i++) {
			await buttons.nth(i).click();
			await expect(page.locator('label[for="module-progress"]')).toHaveText(`${i + 1} of ${total} sections read`);
		}
		for (const q of quiz.questions) for (const o of q.options.filter((o) => o.correct)) await page.locator(`#q-${q.id}-${o.id}`).check();
		await page.getByRole('button', { name: 'Submit answers' }).click();
		await expect(page.locator('#quiz-result')).toContainText('Passed');
		await expect.poll(() => one(db, 'select count(*) from assignment_people where assignment_id = ? and met_at is not null', id)).toBe(1);
		await page.goto('/training');
		await expect(page.getByRole('region', { name: 'Assigned to you' })).toHaveCount(0);
		await signOut(page);

		await signIn(page, 'nhs-manager@demo.test');
		await page.goto(`/manage/assignments/${id}`);
		await expect(page.getByText('1 of 1 done')).toBeVisible();
		await expect(page.getByRole('cell', { name: /^Done on / })).toBeVisible();

		// Evidence from earlier the same London day meets an assignment made after it: the completion counts towards
		// families and carers, so assigning that competency now is done at once, and the nurse is told so.
		const already = await assign(page, nurse, 'competency:families-carers', london(7), 'Families and carers refresher');
		await expect(page.getByText('1 of 1 done')).toBeVisible();
		await expect(page.getByRole('cell', { name: /^Done on / })).toBeVisible();
		expect(one(db, 'select count(*) from assignment_people where assignment_id = ? and met_at is not null', already)).toBe(1);
		expect(one(db, "select count(*) from mail_outbox where person_id = ? and template = 'assignment-update' and data like '%Already done%'", nurse)).toBe(1);
	});

	test('a manager extends an assignment and then cancels it, with reasons; the learner’s list follows', async ({ page, db }) => {
		test.setTimeout(budget(120_000));
		const nurse = personId(db, 'nurse@demo.test');
		await signIn(page, 'nhs-manager@demo.test');
		// Mental capacity: nothing the nurse does in these tests counts towards it, so the assignment stays open.
		const id = await assign(page, nurse, 'competency:mca-emergencies', london(7), 'Wellbeing check-in after a difficult month');
		const later = london(40);
		await page.getByLabel('New due date').fill(later);
		await page.getByLabel('Reason for the extension').fill('On leave');
		await page.getByRole('button', { name: 'Extend' }).click();
		await expect(page.getByText('The due date is extended')).toBeVisible();
		await expect(page.getByRole('row').filter({ hasText: 'Grace Mensah' })).toContainText(long(later));
		await signOut(page);

		await signIn(page, 'nurse@demo.test');
		await expect(page.getByRole('region', { name: 'Assigned to you' })).toContainText(`Due by ${long(later)}`);
		await signOut(page);

		await signIn(page, 'nhs-manager@demo.test');
		await page.goto(`/manage/assignments/${id}`);
		await page.getByRole('button', { name: 'Cancel the assignment' }).click();
		await expect(page.getByRole('alert')).toContainText('Enter the reason for cancelling');
		await page.getByLabel('Why it is cancelled').fill('Assigned in error');
		await page.getByRole('button', { name: 'Cancel the assignment' }).click();
		await expect(page.getByText('The assignment is cancelled')).toBeVisible();
		await expect(page.getByText('Cancelled: Assigned in error')).toBeVisible();
		await expectAccessible(page);
		const actions = db.prepare("select action from audit_log where entity = 'assignment' and entity_id = ? order by id").pluck().all(String(id));
		expect(actions).toEqual(['assignment-create', 'assignment-extend', 'assignment-cancel']);
		await signOut(page);

		await signIn(page, 'nurse@demo.test');
		await expect(page.getByRole('region', { name: 'Assigned to you' })).toHaveCount(0);
	});

	test('a manager cannot reach an assignment or a person outside their scope', async ({ page, db }) => {
		await signIn(page, 'custody-manager@demo.test');
		const central = one(db, "select id from assignments where reason like 'Demo: after a section 136%'");
		expect((await page.goto(`/manage/assignments/${central}`))!.status()).toBe(404);
		expect((await page.goto(`/manage/assignments/new?person=${personId(db, 'nurse@demo.test')}`))!.status()).toBe(404);
		await page.goto('/manage/assignments');
		await expect(page.getByRole('row').filter({ hasText: 'Everyone in Brixton Custody Suite' })).toContainText('0 of');
		await expect(page.getByText('Demo: after a section 136')).toHaveCount(0);
		await expectAccessible(page);
	});

	test('a leaver no longer owes it: shown as left on the assignment, left out of its progress, counted again on return', async ({ page, db }) => {
		test.setTimeout(budget(120_000));
		const id = one(db, "select id from assignments where reason like 'Demo: custody vulnerability review%'") as number;
		// Someone on it without a demo sign-in (the seeded staff's addresses end in a number), who has not done it.
		const leaver = db
			.prepare(
				`select p.id, p.name from assignment_people ap join people p on p.id = ap.person_id
				 where ap.assignment_id = ? and ap.met_at is null and p.status = 'active' and p.email glob '*[0-9]@demo.test' order by p.id desc limit 1`
			)
			.get(id) as { id: number; name: string };
		const before = one(db, 'select count(*) from assignment_people where assignment_id = ? and met_at is null', id) as number;
		const done = one(db, 'select count(*) from assignment_people where assignment_id = ? and met_at is not null', id) as number;
		const today = london(0);
		await signIn(page, 'admin@demo.test');
		await page.goto(`/admin/people/${leaver.id}`);
		await page.getByLabel('Leaving date').fill(today);
		await page.getByRole('button', { name: 'Mark as left' }).click();
		await expect(page.getByRole('status')).toContainText('is marked as left');
		await signOut(page);

		await signIn(page, 'custody-manager@demo.test');
		await page.goto(`/manage/assignments/${id}`);
		await expect(page.getByRole('row').filter({ hasText: leaver.name })).toContainText(`Left on ${long(today)}`);
		await expect(page.getByText(`${done} of ${before + done - 1} done (1 more left before doing it)`)).toBeVisible();
		// Not someone to extend the due date for.
		await expect(page.getByLabel('For whom').locator('option', { hasText: leaver.name })).toHaveCount(0);
		await expectAccessible(page);
		await page.goto('/manage/assignments');
		await expect(page.getByRole('row').filter({ hasText: 'Everyone in Brixton Custody Suite' })).toContainText('(1 more left before doing it)');
		await signOut(page);

		// Back again (the other walk-throughs expect them active): they owe it again.
		await signIn(page, 'admin@demo.test');
		await page.goto(`/admin/people/${leaver.id}`);
		await page.getByRole('button', { name: `Reinstate ${leaver.name}` }).click();
		await expect(page.getByRole('button', { name: 'Mark as left' })).toBeVisible();
		await signOut(page);
		await signIn(page, 'custody-manager@demo.test');
		await page.goto(`/manage/assignments/${id}`);
		await expect(page.getByText(`${done} of ${before + done} done`)).toBeVisible();
		await expect(page.getByRole('row').filter({ hasText: leaver.name })).toContainText('To do');
	});
});
