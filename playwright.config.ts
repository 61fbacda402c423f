import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { budget, pinSlowdownFactor } from './tests/budget';

// Playwright's own browser download is blocked on our machines: use Debian's chromium when present.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!systemChromium && !process.env.PLAYWRIGHT_BROWSERS_PATH) {
	console.warn('No system chromium found: install it with `apt-get install -y chromium`, or run `npx playwright install chromium` where downloads work.');
}

// E2E_PORT lets several test runs share one machine; each gets its own fresh database.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DB = `data/e2e-${PORT}.db`;

// Every timeout below is what the step needs on an idle machine, times one factor for the run: E2E_SLOWMO_FACTOR, or
// read from the load average at the start (tests/budget.ts). Pinned here so that every worker uses the same figure.
const pinned = process.env.E2E_SLOWMO_FACTOR;
const factor = pinSlowdownFactor();
if (!pinned) console.log(`End-to-end time budgets: ${factor}× an idle machine's (set E2E_SLOWMO_FACTOR to choose).`);

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	// One test a line as it runs, readable both in a terminal and in a CI log.
	reporter: 'list',
	// A `test.only` left in a file would silently skip the rest of the suite on CI.
	forbidOnly: !!process.env.CI,
	// Per test; each sign-in and axe scan adds its own budget on top (tests/helpers.ts).
	timeout: budget(30_000),
	expect: { timeout: budget(5_000) },
	use: {
		baseURL: `http://localhost:${PORT}`,
		// The service worker (offline reading) is tested on its own in tests/offline.e2e.ts; elsewhere it would only
		// make each test depend on what an earlier page left in its caches.
		serviceWorkers: 'block',
		actionTimeout: budget(10_000),
		navigationTimeout: budget(20_000),
		launchOptions: {
			executablePath: systemChromium,
			args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
		}
	},
	webServer: {
		// A fresh demo database each run, served from the production build the way `npm run demo` serves it.
		command: `rm -f ${DB} ${DB}-wal ${DB}-shm ${DB}.audit-checkpoints && npm run demo:serve`,
		url: `http://localhost:${PORT}/login`,
		reuseExistingServer: false,
		// Starting includes migrating and seeding demo London into a fresh database.
		timeout: budget(60_000),
		// The demo's OpenID provider (single sign-on) listens on DEMO_OIDC_PORT: 1000 above, clear of other runs' ports.
		env: { PORT: String(PORT), DATABASE_PATH: DB, ORIGIN: `http://localhost:${PORT}`, DEMO_OIDC_PORT: String(PORT + 1000) }
	}
});
