import { expect, test } from './fixtures';
import { DEMO_PASSWORD, expectAccessible, submitSignIn } from './helpers';

// The sign-in page sends people back where they were going, and nowhere else (an open redirect found in a test of
// the demo: a tab after the slash passed the old check, and the browser dropped it and went to the other host).
const hostile = ['/%09/evil.test', '/%0d%0a/x', '//evil.test', '/%5Cevil.test', 'https://evil.test/', 'javascript:alert(1)'];

for (const target of hostile) {
	test(`sign-in with redirectTo=${target} stays on this site`, async ({ page }) => {
		await page.goto(`/login?redirectTo=${target}`);
		await submitSignIn(page, 'officer@demo.test', DEMO_PASSWORD);
		await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/training$/);
	});
}

test('sign-in goes back to the page asked for', async ({ page }) => {
	await page.goto('/manage');
	await expect(page).toHaveURL(/\/login\?redirectTo=/);
	await expectAccessible(page);
	await submitSignIn(page, 'manager@demo.test', DEMO_PASSWORD);
	await expect(page).toHaveURL(/\/manage$/);
});
