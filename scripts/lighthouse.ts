// `npm run lighthouse`: Lighthouse 12.2 (the last line that runs on Node 20), mobile with simulated slow 4G, over the
// four pages a learner and a manager use most, as the matching demo users, with Debian's chromium. Serves the existing
// build with a fresh demo database on a free port, prints the four category scores a page and writes
// bench/lighthouse.json. Measured, never asserted: see docs/benchmarks.md ("Lighthouse").
//
// `--only <name>` runs only the pages whose name contains it (e.g. `--only module`), `--runs N` runs each N times and
// `--out <file>` writes elsewhere (`--raw <file>` keeps the last full report, `--artifacts <dir>` the last run's trace and
// network log): for comparing two builds in alternation on a shared machine (see docs/benchmarks.md).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, signInCookie } from './local-server';

const LIGHTHOUSE = 'lighthouse@12.2.3';
const option = (name: string) => {
	const at = process.argv.indexOf(`--${name}`);
	return at > 0 ? process.argv[at + 1] : undefined;
};
const only = option('only');
const runs = Number(option('runs') ?? '1');
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number, 1 or more.');
const PASSWORD = 'demo-pass-2026';
const chrome = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? process.env.CHROME_PATH;
if (!chrome) throw new Error('No chromium found: apt-get install -y chromium, or set CHROME_PATH.');
if (!existsSync('build/index.js')) throw new Error('No build: run `npm run build` first (npm run lighthouse does).');

const port = await freePort();
const origin = `http://localhost:${port}`;
const scratch = mkdtempSync(join(tmpdir(), 'academy-lighthouse-'));
const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], {
	env: {
		...process.env,
		PORT: String(port),
		ORIGIN: origin,
		DATABASE_PATH: join(scratch, 'demo.db'),
		DEMO_OIDC_PORT: String(await freePort()),
		LOG_LEVEL: 'warn'
	},
	stdio: ['ignore', 'ignore', 'inherit']
});
const stop = () => {
	server.kill('SIGTERM');
	rmSync(scratch, { recursive: true, force: true });
};
process.on('exit', stop);

async function waitForServer() {
	for (let i = 0; i < 240; i++) {
		if (
			await fetch(`${origin}/login`).then(
				(r) => r.ok,
				() => false
			)
		)
			return;
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error('The demo server did not start within two minutes.');
}

/** Starts a scenario run and returns the address of its first step. */
async function scenarioStep(cookie: string, slug: string): Promise<string> {
	const response = await fetch(`${origin}/scenarios/${slug}?/start`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: ''
	});
	const location = response.headers.get('location');
	if (!location) throw new Error(`Starting the scenario ${slug} answered ${response.status}.`);
	return new URL(location, origin).pathname;
}

await waitForServer();
const officer = await signInCookie(origin, 'officer@demo.test', PASSWORD);
const manager = await signInCookie(origin, 'manager@demo.test', PASSWORD);
const pages = [
	{ name: 'module page', path: '/modules/restraint-safety', cookie: officer },
	{ name: 'My training', path: '/training', cookie: officer },
	{ name: 'scenario step', path: only && !'scenario step'.includes(only) ? '' : await scenarioStep(officer, 'prone-restraint-cant-breathe'), cookie: officer },
	{ name: '/manage', path: '/manage', cookie: manager }
].filter((p) => !only || p.name.includes(only));

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const results = [];
for (const page of pages.flatMap((p) => Array.from({ length: runs }, () => p))) {
	const report = join(scratch, 'report.json');
	console.error(`Lighthouse: ${page.name} (${page.path})…`);
	const run = spawnSync(
		'npx',
		[
			'--yes',
			LIGHTHOUSE,
			origin + page.path,
			'--quiet',
			// Lighthouse's own trace and network log, to audit again with `npx lighthouse@12.2.3 -A=<dir>` (docs/benchmarks.md).
			...(option('artifacts') ? [`-GA=${resolve(option('artifacts')!)}`] : []),
			'--output=json',
			`--output-path=${report}`,
			`--only-categories=${CATEGORIES.join(',')}`,
			`--extra-headers=${JSON.stringify({ Cookie: page.cookie })}`,
			'--chrome-flags=--headless=new --no-sandbox --disable-gpu'
		],
		{ env: { ...process.env, CHROME_PATH: chrome }, stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 }
	);
	if (run.status !== 0) throw new Error(`Lighthouse failed on ${page.path} (${run.status ?? run.signal}).`);
	const lhr = JSON.parse(readFileSync(report, 'utf8'));
	if (option('raw')) writeFileSync(option('raw')!, JSON.stringify(lhr));
	const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
	const failing = Object.values(lhr.audits as Record<string, { id: string; score: number | null; scoreDisplayMode: string }>)
		.filter((a) => a.score !== null && a.score < 1 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode))
		.map((a) => a.id);
	const metric = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? 0);
	// Figures that do not depend on the machine's load: what the page sends and how many elements it has.
	const requests = (lhr.audits['network-requests']?.details?.items ?? []) as { resourceType: string; transferSize: number; url: string }[];
	const scripts = requests.filter((r) => r.resourceType === 'Script');
	const documentRequest = requests.find((r) => r.resourceType === 'Document');
	results.push({
		...page,
		cookie: undefined,
		scores,
		metrics: {
			fcpMs: metric('first-contentful-paint'),
			lcpMs: metric('largest-contentful-paint'),
			tbtMs: metric('total-blocking-time'),
			cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? 0
		},
		transferBytes: metric('total-byte-weight'),
		htmlBytes: documentRequest?.transferSize ?? 0,
		scriptFiles: scripts.length,
		scriptBytes: scripts.reduce((sum, r) => sum + r.transferSize, 0),
		domElements: metric('dom-size'),
		loadAverage: loadavg()[0],
		notFullMarks: failing
	});
}
stop();

const out = resolve(option('out') ?? 'bench/lighthouse.json');
mkdirSync('bench', { recursive: true });
// Lighthouse simulates a slow phone from the tasks it observes here: on a busy machine those run long and total blocking
// time comes out several times too high, so the load is kept with the figures.
const load = loadavg()[0];
if (load > availableParallelism()) console.error(`Warning: load average ${load.toFixed(1)} on ${availableParallelism()} cores: blocking time is overstated.`);
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), lighthouse: LIGHTHOUSE, chrome, loadAverage: load, pages: results }, null, 2)}\n`);
console.log(
	[
		'page',
		'performance',
		'accessibility',
		'best practices',
		'SEO',
		'LCP ms',
		'TBT ms',
		'CLS',
		'bytes',
		'HTML',
		'scripts',
		'script bytes',
		'elements',
		'load'
	].join('\t')
);
for (const r of results)
	console.log(
		[
			r.name,
			r.scores.performance,
			r.scores.accessibility,
			r.scores['best-practices'],
			r.scores.seo,
			r.metrics.lcpMs,
			r.metrics.tbtMs,
			r.metrics.cls.toFixed(3),
			r.transferBytes,
			r.htmlBytes,
			r.scriptFiles,
			r.scriptBytes,
			r.domElements,
			r.loadAverage.toFixed(2)
		].join('\t')
	);
console.log(`\nAudits short of full marks and the rest: ${out}`);
