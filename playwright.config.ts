import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Playwright's own browser download is blocked on our machines: use Debian's chromium when present.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!systemChromium && !process.env.PLAYWRIGHT_BROWSERS_PATH) {
	console.warn('No system chromium found: install it with `apt-get install -y chromium`, or run `npx playwright install chromium` where downloads work.');
}

const PORT = 4173;

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
		// A fresh demo database each run, served from the production build.
		command: 'rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && tsx scripts/demo.ts',
		url: `http://localhost:${PORT}/login`,
		reuseExistingServer: false,
		timeout: 60_000,
		env: { PORT: String(PORT), DATABASE_PATH: 'data/e2e.db', ORIGIN: `http://localhost:${PORT}` }
	}
});
