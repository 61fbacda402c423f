import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectAccessible, signIn } from './helpers';

/** Nothing on the page is wider than the window: no sideways scrolling (WCAG 1.4.10 Reflow). */
async function expectNoSidewaysScroll(page: Page) {
	const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
	expect(scroll, `${page.url()} is ${scroll}px wide in a ${client}px window`).toBeLessThanOrEqual(client);
}

test.describe('the accessibility statement and the privacy notice', () => {
	test('are readable without signing in, and linked from every page’s footer', async ({ page }) => {
		await page.goto('/login');
		const footer = page.getByRole('navigation', { name: 'Site information' });
		await footer.getByRole('link', { name: 'Accessibility statement' }).click();
		await expect(page).toHaveURL(/\/accessibility$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accessibility statement for Crisis Care Academy');
		for (const heading of [
			'Compliance status',
			'Non-accessible content',
			'Feedback and contact information',
			'Enforcement procedure',
			'Preparation of this accessibility statement'
		])
			await expect(page.getByRole('heading', { name: heading })).toBeVisible();
		await expect(page.getByText('Equality and Human Rights Commission')).toBeVisible();
		await expectAccessible(page);

		await page.getByRole('navigation', { name: 'Site information' }).getByRole('link', { name: 'Privacy notice' }).click();
		await expect(page).toHaveURL(/\/privacy$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy notice');
		await expect(page.getByText('Your reflections are private to you.')).toBeVisible();
		await expectAccessible(page);
		// visitors see no search link: the content is for people signed in
		await expect(page.getByRole('link', { name: 'Search modules and scenarios' })).toHaveCount(0);
	});

	test('fit a 320 pixel screen', async ({ page }) => {
		await page.setViewportSize({ width: 320, height: 640 });
		for (const path of ['/accessibility', '/privacy']) {
			await page.goto(path);
			await expectNoSidewaysScroll(page);
			await expectAccessible(page);
		}
	});
});

test.describe('search', () => {
	test('finds a module section by its words and links straight to it', async ({ page }) => {
		await signIn(page, 'officer@demo.test');
		await page.getByRole('navigation', { name: 'Site information' }).getByRole('link', { name: 'Search modules and scenarios' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search modules and scenarios');
		await expectAccessible(page);
		await page.getByLabel('Words to look for').fill('breathe');
		await page.getByRole('button', { name: 'Search' }).click();
		await expect(page).toHaveURL(/\/search\?q=breathe$/);
		await expect(page.getByRole('heading', { level: 2 })).toContainText('for “breathe”');
		const section = page.locator('.search-results a[href^="/modules/restraint-safety#"]').first();
		await expect(section).toBeVisible();
		await expect(page.locator('.search-results mark').first()).toBeVisible();
		await expectAccessible(page);
		const href = (await section.getAttribute('href'))!;
		await section.click();
		await expect(page).toHaveURL(new RegExp(`${href.replace('#', '#')}$`));
		await expect(page.locator(`section#${href.split('#')[1]}`)).toBeVisible();
	});

	test('says when nothing matches, and explains a search it cannot run', async ({ page }) => {
		await signIn(page, 'officer@demo.test');
		await page.goto('/search?q=zzzqqqxx');
		await expect(page.getByRole('heading', { name: 'No results for “zzzqqqxx”' })).toBeVisible();
		await page.goto(`/search?q=${encodeURIComponent('"*" ()')}`);
		await expect(page.getByText('Type at least one word to search for.')).toBeVisible();
		await expectAccessible(page);
		const long = await page.goto(`/search?q=${'a'.repeat(300)}`);
		expect(long!.status()).toBe(200);
		await expect(page.getByText('Keep your search to 200 characters or fewer.')).toBeVisible();
	});
});

test.describe('at 320 pixels wide', () => {
	test.use({ viewport: { width: 320, height: 640 } });

	test('a scenario’s briefing and runs table do not scroll sideways', async ({ page }) => {
		await signIn(page, 'officer@demo.test');
		// the demo history gives the officer a finished run of this scenario, so the table is there
		await page.goto('/scenarios/prone-restraint-cant-breathe');
		await expect(page.getByRole('heading', { name: 'Your runs' })).toBeVisible();
		await expect(page.getByRole('table')).toBeVisible();
		await expectNoSidewaysScroll(page);
		await expectAccessible(page);
	});

	test('a person with a long email address fits on the manager’s page', async ({ page }) => {
		await signIn(page, 'admin@demo.test');
		await page.goto('/admin/people/new');
		const email = `firstname.middlename.very-long-surname-${Date.now()}@thameside-mental-health.nhs.uk`;
		await page.getByLabel('Full name').fill('Long Email Person');
		await page.getByLabel('Email address').fill(email);
		await page.getByLabel('Organisation').selectOption({ label: 'Thameside Mental Health NHS Trust (demo)' });
		await page.getByLabel('Unit').selectOption({ label: 'Willow Ward' });
		await page.getByLabel('Job role').selectOption('mental-health-nurse');
		await page.getByLabel('Workforce identifier').fill(`LE-${Date.now()}`);
		await page.getByLabel('Start date').fill('2025-09-01');
		await page.getByRole('button', { name: 'Add person' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Long Email Person');
		const id = new URL(page.url()).pathname.split('/').pop();
		await page.goto(`/manage/people/${id}`);
		await expect(page.getByText(email)).toBeVisible();
		await expectNoSidewaysScroll(page);
		await expectAccessible(page);
	});

	test('the certificate offers a print button with JavaScript', async ({ page }) => {
		await signIn(page, 'officer@demo.test');
		// the demo history completes this module for the officer
		await page.goto('/modules/restraint-safety/certificate');
		await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible();
		await expectNoSidewaysScroll(page);
		await expectAccessible(page);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the certificate says how to print it', async ({ page }) => {
		await signIn(page, 'officer@demo.test');
		await page.goto('/modules/restraint-safety/certificate');
		await expect(page.getByText('Use your browser’s print command')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toHaveCount(0);
	});
});
