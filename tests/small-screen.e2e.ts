import { expect, test } from './fixtures';
import { expectAccessible, signIn } from './helpers';

// A work phone between jobs: 320 × 640 CSS pixels, the smallest width WCAG 2.2 reflow (1.4.10) asks for.
test.use({ viewport: { width: 320, height: 640 } });

test('on a phone the header is compact, says where the learner is, and the menu opens by keyboard', async ({ page }) => {
	await signIn(page, 'officer@demo.test');
	await page.goto('/modules');
	const header = page.locator('header.site-header');
	const menu = page.locator('nav.site-nav summary');
	const details = page.locator('nav.site-nav details');
	const mainNav = page.getByRole('navigation', { name: 'Main' });
	await expect(menu).toHaveText(/Menu: Modules/);
	// About 210 px before this change: the brand and every link wrapped over several lines.
	expect((await header.boundingBox())!.height).toBeLessThan(110);
	await expect(mainNav.getByRole('link', { name: 'My training', exact: true })).toBeHidden();
	await expectAccessible(page);

	await menu.focus();
	await page.keyboard.press('Enter');
	await expect(details).toHaveAttribute('open', '');
	await expect(mainNav.getByRole('link', { name: 'Modules', exact: true })).toHaveAttribute('aria-current', 'page');
	await expectAccessible(page);
	await mainNav.getByRole('link', { name: 'Scenarios', exact: true }).click();
	await expect(page).toHaveURL(/\/scenarios$/);
	// The menu closes after moving on, and names the new section.
	await expect(details).not.toHaveAttribute('open');
	await expect(menu).toHaveText(/Menu: Scenarios/);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test('the header does not move when the page comes to life (no layout shift)', async ({ page }) => {
	await page.addInitScript(() => {
		const shifts: number[] = [];
		(window as unknown as { shifts: number[] }).shifts = shifts;
		new PerformanceObserver((list) => list.getEntries().forEach((entry) => shifts.push((entry as PerformanceEntry & { value: number }).value))).observe({
			type: 'layout-shift',
			buffered: true
		});
	});
	await signIn(page, 'officer@demo.test');
	await page.goto('/modules/restraint-safety', { waitUntil: 'networkidle' });
	await expect(page.locator('nav.site-nav summary')).toHaveText(/Menu: Modules/);
	expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([]);
});

test('without JavaScript the menu still opens, so nothing depends on scripts', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
	const page = await context.newPage();
	await signIn(page, 'officer@demo.test');
	await expect(page.getByRole('link', { name: 'Modules', exact: true })).toBeHidden();
	await page.locator('nav.site-nav summary').click();
	await expect(page.getByRole('link', { name: 'Modules', exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
	await context.close();
});
