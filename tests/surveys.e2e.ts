import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { personId } from './e2e-db';
import { expect, loadFailure, test } from './fixtures';
import { expectAccessible, signIn } from './helpers';

// A refused survey answer without JavaScript answers 400 (invalid) or 409 (already answered): both on purpose.
test.use({ allowedConsoleErrors: [loadFailure(400, 409)] });

// The demo nurse has not done this module (scripts/demo/history.ts), and no other test completes it.
const SLUG = 'use-of-force-act';
const quiz = parse(readFileSync('content/modules/12-use-of-force-act.quiz.yaml', 'utf8')) as {
	questions: { id: string; kind: string; options: { id: string; correct: boolean }[] }[];
};
const ITEMS = (parse(readFileSync('content/surveys.yaml', 'utf8')) as { module: { ratings: { id: string; question: string }[] } }).module.ratings;
// The demo's first answer to the restraint-safety survey has this comment (scripts/demo/surveys.ts).
const DEMO_COMMENT = 'The section on positional asphyxia was the clearest';
const NURSE_COMMENT = 'The body camera section changed how I think about ward footage.';

/** Marks every section read with plain form posts, then passes the knowledge check. */
async function completeModule(page: Page) {
	await page.goto(`/modules/${SLUG}`);
	const sections = await page.locator('form.mark-read input[name="section"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
	for (const [i, id] of sections.entries()) {
		await page.locator(`section#${id} form.mark-read button`).click();
		await expect(page.locator('label[for="module-progress"]')).toHaveText(`${i + 1} of ${sections.length} sections read`);
	}
	for (const q of quiz.questions) for (const o of q.options.filter((o) => o.correct)) await page.locator(`#q-${q.id}-${o.id}`).check();
	await page.getByRole('button', { name: 'Submit answers' }).click();
	await expect(page.locator('#quiz-result')).toContainText('You have completed this module');
}

test.describe('learner evaluation', () => {
	test.describe.configure({ mode: 'serial' });

	test('the survey form and its refusal are accessible (with JavaScript; nothing is sent)', async ({ page }) => {
		// The demo officer has completed this module and not answered its survey; an empty answer is refused and stores nothing.
		await signIn(page, 'officer@demo.test');
		await page.goto('/modules/restraint-safety');
		await page.getByRole('link', { name: 'Tell us what you thought (optional, 1 minute)' }).click();
		await expect(page.getByRole('button', { name: 'Send your answers' })).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Send your answers' }).click();
		await expect(page.locator('.error-summary')).toContainText(`Choose a rating from 1 to 5 for “${ITEMS[0].question}”`);
		await expect(page.locator('.error-summary')).toBeFocused();
		await expectAccessible(page);
	});

	test.describe('without JavaScript (no axe scans here: axe runs in the page)', () => {
		test.use({ javaScriptEnabled: false });

		test('a learner completes a module, is offered the survey, answers it once, and a second answer is refused', async ({ page, browser, db }) => {
			test.slow();
			await signIn(page, 'nurse@demo.test');
			// Before completing there is nothing to rate
			await page.goto(`/feedback/module/${SLUG}`);
			await expect(page.getByText('once you have completed it')).toBeVisible();
			await expect(page.getByRole('button', { name: 'Send your answers' })).toHaveCount(0);

			await completeModule(page);
			await page.getByRole('link', { name: 'Tell us what you thought (optional, 1 minute)' }).click();
			await expect(page.getByRole('heading', { name: 'Tell us what you thought', level: 1 })).toBeVisible();
			await expect(page.getByText('anonymous to your managers')).toBeVisible();

			// The same form in a second tab, opened before the first is sent
			const context = await browser.newContext({ javaScriptEnabled: false });
			const other = await context.newPage();
			await signIn(other, 'nurse@demo.test');
			await other.goto(`/feedback/module/${SLUG}`);

			// A rating left out is refused with a message naming the question, and what was chosen is kept
			for (const item of ITEMS.slice(1)) await page.locator(`#rating-${item.id}-4`).check();
			await page.getByLabel(/Anything else/).fill(NURSE_COMMENT);
			await page.getByRole('button', { name: 'Send your answers' }).click();
			await expect(page.locator('.error-summary')).toContainText(`Choose a rating from 1 to 5 for “${ITEMS[0].question}”`);
			await expect(page.locator(`#rating-${ITEMS[1].id}-4`)).toBeChecked();
			await expect(page.getByLabel(/Anything else/)).toHaveValue(NURSE_COMMENT);

			await page.locator(`#rating-${ITEMS[0].id}-5`).check();
			await page.getByRole('button', { name: 'Send your answers' }).click();
			await expect(page.getByRole('status')).toContainText('Thank you: your answers have been recorded.');
			await expect(page.getByRole('button', { name: 'Send your answers' })).toHaveCount(0);
			// The module page no longer offers it
			await page.goto(`/modules/${SLUG}`);
			await expect(page.getByRole('link', { name: /Tell us what you thought/ })).toHaveCount(0);

			// The second tab's answer is refused politely, and nothing more is stored
			for (const item of ITEMS) await other.locator(`#rating-${item.id}-1`).check();
			await other.getByRole('button', { name: 'Send your answers' }).click();
			await expect(other.getByRole('alert')).toContainText('You have already told us what you thought of version');
			await context.close();

			const nurse = personId(db, 'nurse@demo.test');
			expect(db.prepare('select count(*) from survey_answered where person_id = ? and subject_slug = ?').pluck().get(nurse, SLUG)).toBe(1);
			const stored = db.prepare('select * from survey_responses where subject_slug = ?').all(SLUG) as Record<string, unknown>[];
			expect(stored).toHaveLength(1);
			expect(stored[0].comment).toBe(NURSE_COMMENT);
			expect(Object.keys(stored[0]).filter((c) => /person/.test(c))).toEqual([]);
			const ratings = db.prepare('select item_id, rating from survey_ratings where response_id = ? order by item_id').all(stored[0].id) as {
				rating: number;
			}[];
			expect(ratings.map((r) => r.rating).sort()).toEqual([4, 4, 4, 5]);
		});
	});

	test('an administrator sees the aggregates and the comments, and a group of one is withheld', async ({ page }) => {
		await signIn(page, 'admin@demo.test');
		await page.getByRole('link', { name: 'Insights' }).click();
		await page.getByRole('link', { name: 'What learners thought' }).click();
		await expect(page.getByRole('heading', { name: 'What learners thought', level: 1 })).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('link', { name: /^Restraint safety/ }).click();
		await expect(page.getByText(/About \d+ people answered/)).toBeVisible();
		await expect(page.getByRole('heading', { name: `1. ${ITEMS[0].question}` })).toBeVisible();
		await expect(page.getByText(/Mean \d\.\d/).first()).toBeVisible();
		await expect(page.getByRole('table').first()).toContainText('5: ');
		await expect(page.getByRole('heading', { name: 'Comments' })).toBeVisible();
		await expect(page.locator('.survey-comments')).toContainText(DEMO_COMMENT);
		await expectAccessible(page);

		// The nurse's one answer: withheld, comment included
		await page.goto(`/insights/surveys/module/${SLUG}`);
		await expect(page.getByText('Withheld: fewer than 8 people have answered')).toBeVisible();
		await expect(page.locator('body')).not.toContainText(NURSE_COMMENT);
	});

	test('a training manager sees the aggregates but never the comments', async ({ page }) => {
		await signIn(page, 'mps-manager@demo.test');
		await page.goto('/insights/surveys/module/restraint-safety');
		await expect(page.getByText(/About \d+ people answered/)).toBeVisible();
		await expect(page.getByText(/Mean \d\.\d/).first()).toBeVisible();
		await expect(page.getByText('Comments are read only by the administrators')).toBeVisible();
		await expect(page.locator('.survey-comments')).toHaveCount(0);
		await expect(page.locator('body')).not.toContainText(DEMO_COMMENT);
		await expectAccessible(page);
	});
});
