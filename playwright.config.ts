import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Playwright's own browser download is blocked on our machines: use Debian's chromium when present.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!systemChromium && !process.env.PLAYWRIGHT_BROWSERS_PATH) {
	console.warn('No system chromium found: install it with `apt-get install -y chromium`, or run `npx playwright install chromium` where downloads work.');
}

// E2E_PORT lets several test runs share one machine; each gets its own fresh database.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DB = `data/e2e-${PORT}.db`;

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: process.env.CI ? 'list' : 'list',
	timeout: 30_000,
	use: {
		baseURL: `http://localhost:${PORT}`,
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
		timeout: 60_000,
		env: { PORT: String(PORT), DATABASE_PATH: DB, ORIGIN: `http://localhost:${PORT}` }
	}
});
