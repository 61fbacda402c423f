import { expect, loadFailure, test } from './fixtures';
import { expectAccessible, signIn } from './helpers';

// A learner asking for /insights is answered 404, which the browser logs.
test.use({ allowedConsoleErrors: [loadFailure(404)] });

test('a trainer sees scenario choices on the map and in tables, filters them, and downloads them', async ({ page }) => {
	await signIn(page, 'trainer@demo.test');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Scenario choices' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Scenario choices' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('main').getByRole('listitem').first().getByRole('link').click();
	await expect(page.getByRole('heading', { name: 'Decision points' })).toBeVisible();
	// The map is an image of its own, with a text alternative, drawn from the same figures and kept by the browser until they change.
	const map = page
		.getByRole('region', { name: /Map of the scenario weighted by use/ })
		.getByRole('img', { name: /^Map of the scenario: .+, weighted by use\. \d+ decision points/ });
	await expect(map).toBeVisible();
	await expect.poll(() => map.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 200)).toBe(true);
	const mapAnswer = await page.request.get((await map.getAttribute('src'))!);
	expect(mapAnswer.status()).toBe(200);
	expect(mapAnswer.headers()['content-type']).toBe('image/svg+xml; charset=utf-8');
	expect(mapAnswer.headers()['cache-control']).toBe('private, no-cache');
	expect(await mapAnswer.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^]*(withheld|%)<\/text>/);
	const etag = mapAnswer.headers()['etag'];
	expect((await page.request.get((await map.getAttribute('src'))!, { headers: { 'if-none-match': etag } })).status()).toBe(304);
	await expect(page.getByRole('heading', { name: 'Pass rate by attempt' })).toBeVisible();
	// Every figure is either a percentage of rounded counts or the word "withheld": never a bare small number.
	await expect(page.getByRole('region', { name: 'Choices at decision point 1' })).toContainText(/withheld|%/);
	await expectAccessible(page);

	// The filters are a plain GET form: the choices travel in the address.
	await page.getByLabel('Runs').selectOption('refresher');
	await page.getByLabel('Job role').selectOption({ index: 1 });
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(page).toHaveURL(/runs=refresher/);
	await expect(page.getByLabel('Runs')).toHaveValue('refresher');
	await expect(map).toHaveAttribute('src', /\/map\.svg\?.*runs=refresher/);
	await expectAccessible(page);

	const href = await page.getByRole('link', { name: 'Download these figures (CSV)' }).getAttribute('href');
	expect(href).toMatch(/^\/insights\/scenarios\/[a-z0-9-]+\.csv\?.*runs=refresher/);
	const csv = await page.request.get(href!);
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toContain('text/csv');
	expect(await csv.text()).toContain('Decision point,State id,Option,Event,Chosen (all runs),% of all runs');
});

test('a trainer sees the question analysis of a module', async ({ page }) => {
	await signIn(page, 'trainer@demo.test');
	await page.goto('/insights/questions');
	await expect(page.getByRole('heading', { level: 1, name: 'Question analysis' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('main').getByRole('listitem').first().getByRole('link').click();
	const table = page.getByRole('table', { name: 'Each question at first attempts' });
	await expect(table).toBeVisible();
	await expect(table.getByRole('columnheader', { name: 'Discrimination' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Disclosure control' })).toBeVisible();
	await expectAccessible(page);

	// The version is a plain GET choice, the current one by default; a version with no answers reads as the current one.
	const version = page.getByLabel('Module version');
	const current = await version.inputValue();
	expect(current).toMatch(/^\d+\.\d+\.\d+$/);
	await expect(version.locator('option:checked')).toHaveText(`${current} (current)`);
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(page).toHaveURL(new RegExp(`version=${current.replaceAll('.', '\\.')}`));
	await expect(page.getByText(`Knowledge-check questions of version ${current} (the current version)`)).toBeVisible();
	await page.goto(`${new URL(page.url()).pathname}?version=0.0.1`);
	await expect(page.getByLabel('Module version')).toHaveValue(current);
	await expect(table).toBeVisible();
});

test('a learner has no insights: no link, and the pages are not found', async ({ page }) => {
	await signIn(page, 'officer@demo.test');
	await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' })).toHaveCount(0);
	for (const path of ['/insights', '/insights/scenarios', '/insights/questions']) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(404);
	}
});
