import type { Page } from '@playwright/test';
import { expect, loadFailure, test } from './fixtures';
import { loadScenarioFromDisk } from '../src/lib/server/content/disk';
import { analyse } from '../src/lib/server/scenarios/engine';
import { expectAccessible, signIn } from './helpers';

// A replayed choice is refused (400) and another learner's run is not found (404), on purpose.
test.use({ allowedConsoleErrors: [loadFailure(400, 404)] });

const SLUG = 'prone-restraint-cant-breathe';
const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 4173}`;

// The best path comes from the engine's own analysis, so the test follows the content if it changes.
const def = await loadScenarioFromDisk(SLUG);
const { bestPath, bestPathStates } = analyse(def);
const finalTitle = def.stateById.get(bestPathStates.at(-1)!)!.final!.title;

/** Starts (or resumes) a run from the briefing and returns its address. */
async function startRun(page: Page): Promise<string> {
	await page.goto(`/scenarios/${SLUG}`);
	await page.getByRole('button', { name: /^(Start the scenario|Resume the scenario|Play again)$/ }).click();
	await expect(page).toHaveURL(new RegExp(`/scenarios/${SLUG}/runs/\\d+$`));
	return new URL(page.url()).pathname;
}

async function choose(page: Page, event: string) {
	await page.locator(`input[name="event"][value="${event}"]`).check();
	await page.getByRole('button', { name: 'Make this choice' }).click();
}

/** Posts the play form as a browser without JavaScript would, with the page's cookies. */
function postChoice(page: Page, runPath: string, form: Record<string, string>) {
	return page.request.post(`${runPath}?/choose`, {
		form,
		headers: { origin: ORIGIN, accept: 'text/html' },
		maxRedirects: 0
	});
}

test.describe('with JavaScript turned off', () => {
	test.use({ javaScriptEnabled: false });

	test('a constable plays the prone restraint scenario along the best path and passes', async ({ page }) => {
		// A whole run along the best path, each choice a full page post: long by nature.
		test.slow();
		await signIn(page, 'officer@demo.test');
		await expect(page.getByRole('list', { name: 'Scenarios for your role' }).getByRole('link', { name: def.meta.title })).toBeVisible();

		await page.goto('/scenarios');
		await expect(page.getByRole('heading', { name: 'Scenarios', level: 1 })).toBeVisible();

		await page.goto(`/scenarios/${SLUG}`);
		await expect(page.getByRole('heading', { name: 'Briefing' })).toBeVisible();
		await expect(page.getByText('you score at least', { exact: false })).toBeVisible();

		await startRun(page);
		await expect(page.getByRole('heading', { name: 'Decision 1: the situation now' })).toBeVisible();
		await expect(page.getByText('Decide within 45 seconds:')).toBeVisible();

		for (const [i, event] of bestPath.entries()) {
			await expect(page.locator('input[name="step"]')).toHaveValue(String(i));
			await choose(page, event);
			if (i < bestPath.length - 1) {
				await expect(page.getByRole('heading', { name: 'What happened after your last choice' })).toBeVisible();
				await expect(page.getByRole('heading', { name: `Decision ${i + 2}: the situation now` })).toBeVisible();
			}
		}

		await expect(page).toHaveURL(new RegExp(`/scenarios/${SLUG}/runs/\\d+/debrief$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(finalTitle);
		await expect(page.getByRole('heading', { name: 'Passed', exact: true })).toBeVisible();
		await expect(page.getByText('None of your choices raised a risk flag.')).toBeVisible();
		await expect(page.locator('.scenario-decisions > li')).toHaveCount(bestPath.length);
		const figure = page.getByRole('figure');
		await expect(figure.locator('svg')).toBeVisible();
		await expect(figure.locator('figcaption')).toContainText('You followed the best path all the way.');
		await expect(figure.locator('figcaption')).toContainText('Your path');
		await expect(page.getByRole('link', { name: 'When someone says they cannot breathe' })).toHaveAttribute(
			'href',
			'/modules/restraint-safety#when-someone-says-they-cannot-breathe'
		);

		// the run now counts on the training page, and the briefing lists it
		await page.goto('/training');
		await expect(page.getByRole('list', { name: 'Scenarios for your role' }).getByRole('listitem').filter({ hasText: def.meta.title })).toContainText(
			'Completed'
		);
		await page.goto(`/scenarios/${SLUG}`);
		await expect(page.getByRole('table').getByText('Passed').first()).toBeVisible();
		await expect(page.getByRole('button', { name: 'Play again' })).toBeVisible();
	});

	test('a replayed or disallowed choice is refused with a clear message and changes nothing', async ({ page }) => {
		await signIn(page, 'recruit@demo.test');
		const runPath = await startRun(page);
		const step = await page.locator('input[name="step"]').inputValue();
		const first = page.locator('input[name="event"]').first();
		const event = (await first.getAttribute('value'))!;
		await choose(page, event);
		await expect(page.locator('input[name="step"]')).toHaveValue(String(Number(step) + 1));
		const before = await page.locator('main').innerText();

		// the same form again, as if sent twice or from an old tab
		const replay = await postChoice(page, runPath, { event, step });
		expect(replay.status()).toBe(400);
		const replayHtml = await replay.text();
		expect(replayHtml).toContain('role="alert"');
		expect(replayHtml).toContain('That answer was for an earlier point in the scenario');
		expect(replayHtml).toContain(`Decision ${Number(step) + 2}: the situation now`);

		// an event that is not one of the choices on the page
		const sneaky = await postChoice(page, runPath, { event: 'HESITATE', step: String(Number(step) + 1) });
		expect(sneaky.status()).toBe(400);
		expect(await sneaky.text()).toContain('That choice is not available at this point');

		// no choice at all
		const empty = await postChoice(page, runPath, { step: String(Number(step) + 1) });
		expect(empty.status()).toBe(400);

		await page.goto(runPath);
		await expect(page.locator('input[name="step"]')).toHaveValue(String(Number(step) + 1));
		expect(await page.locator('main').innerText()).toBe(before);

		// and in the browser: the message is shown as an alert with the current decision
		await page.getByRole('button', { name: 'Make this choice' }).click();
		await expect(page.getByRole('alert')).toContainText('Choose what you will do');
		await expect(page.locator('input[name="step"]')).toHaveValue(String(Number(step) + 1));
	});
});

test('with JavaScript, the scenario list and a briefing are accessible', async ({ page }) => {
	await signIn(page, 'officer@demo.test');
	await page.goto('/scenarios');
	await expectAccessible(page);
	await page.goto(`/scenarios/${SLUG}`);
	await expectAccessible(page);
});

test('with JavaScript, every page of a run is accessible and focus follows each choice', async ({ page }) => {
	// A whole run along the best path, with a scan at each kind of page: long by nature.
	test.slow();
	await signIn(page, 'officer@demo.test');
	await startRun(page);
	await expect(page.getByText('Decide within 45 seconds:')).toBeVisible();
	await expectAccessible(page);
	// nothing chosen: refused, with the alert focused
	await page.getByRole('button', { name: 'Make this choice' }).click();
	await expect(page.getByRole('alert')).toContainText('Choose what you will do');
	await expect(page.locator('#play-error')).toBeFocused();
	await expectAccessible(page);

	for (const [i, event] of bestPath.entries()) {
		await expect(page.locator('input[name="step"]')).toHaveValue(String(i));
		await choose(page, event);
		if (i < bestPath.length - 1) {
			await expect(page.locator('input[name="step"]')).toHaveValue(String(i + 1));
			await expect(page.locator('#feedback-title')).toBeFocused();
			if (i === 0) await expectAccessible(page);
		}
	}
	await expect(page).toHaveURL(new RegExp(`/scenarios/${SLUG}/runs/\\d+/debrief$`));
	await expect(page.getByRole('heading', { name: 'Passed', exact: true })).toBeVisible();
	await expectAccessible(page);
});

test("another learner's run is not found", async ({ page, browser }) => {
	await signIn(page, 'officer@demo.test');
	const runPath = await startRun(page);

	const other = await (await browser.newContext()).newPage();
	await signIn(other, 'recruit@demo.test');
	expect((await other.goto(runPath))!.status()).toBe(404);
	expect((await other.goto(`${runPath}/debrief`))!.status()).toBe(404);
	const post = await postChoice(other, runPath, { event: bestPath[0]!, step: '0' });
	expect(post.status()).toBe(404);
	expect((await other.goto(`/scenarios/${SLUG}/runs/not-a-number`))!.status()).toBe(404);
	expect((await other.goto('/scenarios/no-such-scenario'))!.status()).toBe(404);
	await other.close();

	// the owner's run is untouched
	await page.goto(runPath);
	await expect(page.locator('input[name="step"]')).toHaveValue('0');
});

// The scenarios added in content round 2 (issue 17), each played by a demo learner in its audience: the engine's own
// best path passes, and the briefing, a decision and the debrief pass an accessibility scan.
const ADDED_SCENARIOS = [
	{ slug: 'emergency-department-136-clock', email: 'nurse@demo.test' },
	{ slug: 'families-carers-relapse', email: 'paramedic@demo.test' },
	{ slug: 'young-person-on-a-bridge', email: 'officer@demo.test' },
	{ slug: 'sharing-information-ward', email: 'nurse@demo.test' }
];

for (const { slug, email } of ADDED_SCENARIOS) {
	test(`${slug}: a learner it is written for passes along the best path, and its pages are accessible`, async ({ page }) => {
		// A whole run with three scans: long by nature.
		test.slow();
		const added = await loadScenarioFromDisk(slug);
		const analysis = analyse(added);
		expect(analysis.errors).toEqual([]);
		expect((added.meta.audience as readonly string[]).includes(added.meta.playedAs)).toBe(true);

		await signIn(page, email);
		await page.goto(`/scenarios/${slug}`);
		await expect(page.getByRole('heading', { name: 'Briefing' })).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('button', { name: /^(Start the scenario|Resume the scenario|Play again)$/ }).click();
		await expect(page).toHaveURL(new RegExp(`/scenarios/${slug}/runs/\\d+$`));
		await expectAccessible(page);

		for (const [i, event] of analysis.bestPath.entries()) {
			await expect(page.locator('input[name="step"]')).toHaveValue(String(i));
			await choose(page, event);
			if (i < analysis.bestPath.length - 1) await expect(page.locator('input[name="step"]')).toHaveValue(String(i + 1));
		}
		await expect(page).toHaveURL(new RegExp(`/scenarios/${slug}/runs/\\d+/debrief$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(added.stateById.get(analysis.bestPathStates.at(-1)!)!.final!.title);
		await expect(page.getByRole('heading', { name: 'Passed', exact: true })).toBeVisible();
		await expect(page.getByText('None of your choices raised a risk flag.')).toBeVisible();
		await expectAccessible(page);
	});
}

test.describe('adjustable time limits', () => {
	test('with JavaScript, the countdown shows the time left and the deadline as a clock time', async ({ page }) => {
		await signIn(page, 'trainer@demo.test');
		await page.goto(`/scenarios/${SLUG}`);
		await expect(page.getByRole('group', { name: 'Time limits' })).toBeVisible();
		await page.getByLabel('Twice as long').check();
		await page.getByRole('button', { name: /^(Start the scenario|Resume the scenario|Play again)$/ }).click();
		await expect(page.getByText('Decide within 90 seconds')).toBeVisible();
		await expect(page.getByText(/answer by \d\d:\d\d:\d\d London time/)).toBeVisible();
		// the countdown runs in the browser; its polite live region stays quiet until a point worth saying
		await expect(page.locator('.countdown-clock')).toHaveText(/^1:[0-3]\d$/);
		await expect(page.locator('#deadline [aria-live="polite"]')).toHaveText('');
		await expectAccessible(page);
		// the choice is kept with the run and shown in the list of runs
		await page.goto(`/scenarios/${SLUG}`);
		await expect(page.getByLabel('Twice as long')).toBeChecked();
		await expect(page.getByRole('table').getByRole('cell', { name: '×2' })).toBeVisible();
		await expectAccessible(page);
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('a learner turns the time limits off: the decision says so, and an answer long after counts on time', async ({ page }) => {
			await signIn(page, 'nurse@demo.test');
			await page.goto(`/scenarios/${SLUG}`);
			await page.getByLabel('No time limits').check();
			await page.getByRole('button', { name: /^(Start the scenario|Resume the scenario|Play again)$/ }).click();
			await expect(page.getByText('This decision normally has a 45-second time limit. You chose no time limits')).toBeVisible();
			await expect(page.getByText('Decide within')).toHaveCount(0);
			await choose(page, bestPath[0]!);
			await expect(page.getByRole('heading', { name: 'What happened after your last choice' })).toBeVisible();
			await expect(page.getByText('Too late')).toHaveCount(0);
			await page.goto(`/scenarios/${SLUG}`);
			await expect(page.getByRole('table').getByRole('cell', { name: 'Off' })).toBeVisible();

			// a made-up choice is refused with a message, and starts nothing
			const refused = await page.request.post(`/scenarios/${SLUG}?/start`, {
				form: { timeLimit: 'forever' },
				headers: { origin: ORIGIN, accept: 'text/html' },
				maxRedirects: 0
			});
			expect(refused.status()).toBe(400);
			expect(await refused.text()).toContain('Choose how long you want for timed decisions.');
		});
	});
});

test('with JavaScript, answering from a stale tab shows the message and the current decision', async ({ page, context }) => {
	await signIn(page, 'custody@demo.test');
	const runPath = await startRun(page);
	const stale = await context.newPage();
	await stale.goto(runPath);
	const step = Number(await page.locator('input[name="step"]').inputValue());
	await choose(page, bestPath[step]!);
	await expect(page.locator('input[name="step"]')).toHaveValue(String(step + 1));
	const current = await page.getByRole('heading', { name: /the situation now$/ }).innerText();

	// the old tab answers the decision the other tab already made
	await choose(stale, bestPath[step]!);
	await expect(stale.getByRole('alert')).toContainText('That answer was for an earlier point in the scenario');
	await expect(stale.locator('input[name="step"]')).toHaveValue(String(step + 1));
	await expect(stale.getByRole('heading', { name: /the situation now$/ })).toHaveText(current);
	await expect(stale.locator('input[name="event"]:checked')).toHaveCount(0);
	await stale.close();
});
