import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type Database from 'better-sqlite3';
import { openE2eDb } from './e2e-db';

export { expect };

type Options = {
	/**
	 * Console errors a test provokes on purpose, e.g. the 404 a browser logs when a test opens an out-of-scope record.
	 * Each is matched against "<page address>: <message>", so an allowance can name the page as well.
	 */
	allowedConsoleErrors: RegExp[];
};

type WorkerFixtures = {
	/** The demo server's database, read-only, for checking what a test's steps wrote (one connection a worker). */
	db: Database.Database;
};

/**
 * Every end-to-end test imports `test` from here: it fails a test on any console error, uncaught exception or CSP
 * violation (Chromium reports those as console errors) in any page the test opened, so a blocked style or a broken
 * script can't pass unseen. Pages from contexts a test opens itself (browser.newContext/newPage) are watched too.
 */
export const test = base.extend<Options & { consoleGuard: void }, WorkerFixtures>({
	db: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads the first argument's pattern to decide which fixtures to set up
		async ({}, use, workerInfo) => {
			const db = openE2eDb(workerInfo.project.use.baseURL!);
			await use(db);
			db.close();
		},
		{ scope: 'worker' }
	],
	allowedConsoleErrors: [[], { option: true }],
	consoleGuard: [
		async ({ context, browser, allowedConsoleErrors }, use) => {
			const problems: string[] = [];
			// A form posted before the page has hydrated is answered as a document (the no-JavaScript path): a 4xx
			// there is the form's own validation answer, which Chromium logs as a failed load. Those are forgiven.
			const formAnswers: string[] = [];
			const watch = (page: Page) => {
				page.on('response', (response) => {
					const request = response.request();
					if (request.method() === 'POST' && request.isNavigationRequest() && response.status() >= 400 && response.status() < 500)
						formAnswers.push(`${withoutQuery(response.url())}: ${loadFailureText(response.status())}`);
				});
				page.on('console', (message) => {
					if (message.type() !== 'error') return;
					const problem = `${page.url()}: ${message.text()}`;
					if (!allowedConsoleErrors.some((allowed) => allowed.test(problem))) problems.push(problem);
				});
				page.on('pageerror', (error) => problems.push(`${page.url()}: uncaught ${error.message}`));
			};
			const watchContext = (watched: BrowserContext) => {
				watched.pages().forEach(watch);
				watched.on('page', watch);
			};
			watchContext(context);
			const restore = watchNewContexts(browser, watchContext);
			await use();
			restore();
			const unexpected = problems.filter((problem) => !formAnswers.some((answer) => withoutQuery(problem).startsWith(`${answer} `)));
			expect(unexpected, 'console errors, uncaught exceptions or CSP violations').toEqual([]);
		},
		{ auto: true }
	]
});

// Playwright has no event for a context a test makes itself, so the two browser methods are wrapped for the test.
function watchNewContexts(browser: Browser, watchContext: (context: BrowserContext) => void): () => void {
	const newContext = browser.newContext.bind(browser);
	const newPage = browser.newPage.bind(browser);
	browser.newContext = async (...args) => {
		const made = await newContext(...args);
		watchContext(made);
		return made;
	};
	browser.newPage = async (...args) => {
		const page = await newPage(...args);
		watchContext(page.context());
		return page;
	};
	return () => {
		browser.newContext = newContext;
		browser.newPage = newPage;
	};
}

const loadFailureText = (status: number) => `Failed to load resource: the server responded with a status of ${status}`;
const withoutQuery = (text: string) => text.replace(/^([^\s?]*)\?[^:\s]*/, '$1');

/** The console line Chromium writes for a page or resource answered with one of these statuses (on any page). */
export function loadFailure(...statuses: number[]): RegExp {
	return new RegExp(`: Failed to load resource: the server responded with a status of (${statuses.join('|')})\\b`);
}
