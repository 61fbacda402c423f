import { expect, test } from './fixtures';
import { expectAccessible, signIn } from './helpers';

// A work phone between jobs: 320 × 640 CSS pixels, the smallest width WCAG 2.2 reflow (1.4.10) asks for.
test.use({ viewport: { width: 320, height: 640 } });

test('on a phone the header is compact, says where the learner is, and the menu opens by keyboard', async ({ page }) => {
	await signIn(page, 'officer@demo.test');
	const header = page.locator('header.site-header');
	const menu = page.getByRole('button', { name: /^Menu/ });
	await expect(menu).toHaveText(/Menu: My training/);
	// About 210 px before this change: the brand and every link wrapped over several lines.
	expect((await header.boundingBox())!.height).toBeLessThan(110);
	await expect(page.getByRole('link', { name: 'Modules', exact: true })).toBeHidden();
	await expectAccessible(page);

	await menu.focus();
	await page.keyboard.press('Enter');
	await expect(menu).toHaveAttribute('aria-expanded', 'true');
	await expect(page.getByRole('link', { name: 'My training' })).toHaveAttribute('aria-current', 'page');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Modules', exact: true }).click();
	await expect(page).toHaveURL(/\/modules$/);
	// The menu closes after moving on, and names the new section.
	await expect(menu).toHaveAttribute('aria-expanded', 'false');
	await expect(menu).toHaveText(/Menu: Modules/);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test('without JavaScript every link shows, so nothing depends on the menu button', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
	const page = await context.newPage();
	await signIn(page, 'officer@demo.test');
	await expect(page.getByRole('button', { name: /^Menu/ })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Modules', exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
	await context.close();
});
