import { budget } from './budget';
import { one, personId } from './e2e-db';
import { expect, loadFailure, test } from './fixtures';
import { expectAccessible, signIn, signOut } from './helpers';
import { loadScenarioFromDisk } from '../src/lib/server/content/disk';
import { analyse } from '../src/lib/server/scenarios/engine';
import { retrainingDueOn } from '../src/lib/server/assignments/rules';
import { londonToday } from '../src/lib/server/competency/dates';

// Retraining when content changes, with the shipped content: the Brixton Road scenario's version 2 is a declared major
// change (its arrest route had taught the law wrongly). The demo's partnership lead, Helen Osei (a mental health
// liaison officer, so in its audience), passed version 1.0.0 (scripts/demo/history.ts DEMO_OLDER_VERSIONS; no other
// test reads her own training). At start-up the academy assigned her the new version; she passes it, which meets it,
// and the MPS training manager sees it done.
const SLUG = 'street-section-136';
const def = await loadScenarioFromDisk(SLUG);
const change = def.meta.majorChange!;
const { bestPath } = analyse(def);
const LEARNER = 'partnership@demo.test';
const TITLE = `Scenario: ${def.meta.title}`;
// Her own due date: the retrain-by date, or 28 days from the day the start-up pass reached her if that is later.
const due = retrainingDueOn(change.retrainBy, londonToday());
const long = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

// A unit manager none of whose people it reached gets 404 on purpose.
test.use({ allowedConsoleErrors: [loadFailure(404)] });

test('a learner whose pass is on the version before a major change is assigned the new one, sees what changed, passes it, and her manager sees it done', async ({
	page,
	db
}) => {
	test.setTimeout(budget(150_000));
	expect(change, 'the shipped scenario declares its major change').toBeDefined();
	const helen = personId(db, LEARNER);
	// The academy's assignment is made by the start-up pass (in the background): one for the MPS, reaching Helen only.
	await expect
		.poll(() =>
			one(
				db,
				"select count(*) from assignment_people ap join assignments a on a.id = ap.assignment_id where a.ref = ? and a.target_kind = 'content-change' and ap.person_id = ?",
				SLUG,
				helen
			)
		)
		.toBe(1);
	const id = one<number>(db, "select id from assignments where ref = ? and target_kind = 'content-change'", SLUG);
	expect(one(db, 'select count(*) from assignment_people where assignment_id = ?', id)).toBe(1);
	expect(one(db, "select count(*) from mail_outbox where person_id = ? and template = 'assignment-update'", helen)).toBe(1);

	// The MPS training manager sees it among the assignments, made by the academy, not yet done.
	await signIn(page, 'mps-manager@demo.test');
	await page.goto('/manage/assignments');
	const row = page.getByRole('row').filter({ hasText: TITLE });
	await expect(row).toContainText('Everyone in Metropolitan Police Service whose latest pass is on an earlier version');
	await expect(row).toContainText('0 of 1 done');
	await expect(row).toContainText(long(due));
	await expectAccessible(page);
	await signOut(page);

	// Helen's unit manager (Central South BCU) sees it through her, counted over the unit's people, read-only;
	// a unit manager none of whose people it reached does not see it at all.
	await signIn(page, 'manager@demo.test');
	await page.goto('/manage/assignments');
	await expect(page.getByRole('row').filter({ hasText: TITLE })).toContainText('0 of 1 done in your units');
	await page.goto(`/manage/assignments/${id}`);
	await expect(page.getByRole('row').filter({ hasText: 'Helen Osei' })).toContainText(long(due));
	await expect(page.getByText('only the people in your units are listed and counted here')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Extend' })).toHaveCount(0);
	await expectAccessible(page);
	await signOut(page);
	await signIn(page, 'custody-manager@demo.test');
	expect((await page.goto(`/manage/assignments/${id}`))!.status()).toBe(404);
	await signOut(page);

	// Helen sees it at the top of My training, with what changed, and on the scenario's page.
	await signIn(page, LEARNER);
	const assigned = page.getByRole('region', { name: 'Assigned to you' });
	await expect(assigned.getByRole('link', { name: `Pass the scenario “${def.meta.title}”` })).toBeVisible();
	await expect(assigned).toContainText(new RegExp(`due by ${long(due)}`, 'i'));
	expect(one(db, 'select due_on from assignment_people where assignment_id = ? and person_id = ?', id, helen)).toBe(due);
	await expect(assigned).toContainText(`Reason: Content changed: ${change.whatChanged}`);
	await expectAccessible(page);
	await assigned.getByRole('link', { name: `Pass the scenario “${def.meta.title}”` }).click();
	const notice = page.getByRole('region', { name: `What changed in version ${change.version}` });
	await expect(notice).toContainText(change.whatChanged);
	await expect(notice).toContainText(
		`Everyone who passed an earlier version is asked to pass this version by ${long(change.retrainBy)}, or within 28 days of being asked if that is later.`
	);
	await expectAccessible(page);

	// She plays the new version along the best path, untimed, and passes: that meets the assignment.
	await page.getByLabel('No time limits').check();
	await page.getByRole('button', { name: /^(Start the scenario|Resume the scenario|Play again)$/ }).click();
	await expect(page).toHaveURL(new RegExp(`/scenarios/${SLUG}/runs/\\d+$`));
	for (const [i, event] of bestPath.entries()) {
		await expect(page.locator('input[name="step"]')).toHaveValue(String(i));
		await page.locator(`input[name="event"][value="${event}"]`).check();
		await page.getByRole('button', { name: 'Make this choice' }).click();
	}
	await expect(page).toHaveURL(new RegExp(`/scenarios/${SLUG}/runs/\\d+/debrief$`));
	await expect(page.getByRole('heading', { name: 'Passed', exact: true })).toBeVisible();
	await expect
		.poll(() => one(db, 'select count(*) from assignment_people where assignment_id = ? and person_id = ? and met_at is not null', id, helen))
		.toBe(1);
	expect(
		one(db, 'select scenario_version from scenario_runs where person_id = ? and scenario_slug = ? and passed = 1 order by id desc limit 1', helen, SLUG)
	).toBe(def.meta.version);
	await page.goto('/training');
	await expect(page.getByRole('region', { name: 'Assigned to you' })).toHaveCount(0);
	await signOut(page);

	// The manager sees it done, on the list and on the assignment's own page.
	await signIn(page, 'mps-manager@demo.test');
	await page.goto('/manage/assignments');
	await expect(page.getByRole('row').filter({ hasText: TITLE })).toContainText('1 of 1 done');
	await page.goto(`/manage/assignments/${id}`);
	await expect(page.getByText('the academy (content changed)')).toBeVisible();
	await expect(
		page
			.getByRole('row')
			.filter({ hasText: 'Helen Osei' })
			.getByRole('cell', { name: /^Done on / })
	).toBeVisible();
	await expectAccessible(page);
});
