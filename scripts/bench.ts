// `npm run bench`: builds the app, seeds (or reuses) a synthetic London, serves the build, and drives six pages with
// autocannon, beside a bare node:http server returning the module page's bytes; prints a table and writes
// bench/results.json. `npm run bench:smoke` does the same on tiny data for a second or so per page (no build).
// See docs/benchmarks.md.
import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, getPriority, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { loadContentFromDisk } from '../src/lib/server/content/disk';
import { openDb } from '../src/lib/server/db';
import { BENCH_PASSWORD, benchAccount, type BenchAccountKey } from './synthetic/accounts';
import { prepareChoicePool, releaseChoicePool, type Choice } from './synthetic/bench-runs';
import { startRosterApply } from './synthetic/bench-roster';
import { prepareContent } from './synthetic/content';
import { measureLevels } from './bench-compression';
import { signInCookie, waitFor } from './local-server';
import { seedSurveyAnswers } from './synthetic/surveys';

const { values } = parseArgs({
	options: {
		staff: { type: 'string' },
		years: { type: 'string' },
		duration: { type: 'string' },
		warmup: { type: 'string' },
		connections: { type: 'string' },
		db: { type: 'string' },
		out: { type: 'string' },
		port: { type: 'string', default: '4310' },
		'bare-port': { type: 'string', default: '4311' },
		module: { type: 'string', default: 'restraint-safety' },
		scenario: { type: 'string', default: 'prone-restraint-cant-breathe' },
		'no-build': { type: 'boolean', default: false },
		smoke: { type: 'boolean', default: false },
		only: { type: 'string' },
		workers: { type: 'string' },
		'cpu-prof': { type: 'string' },
		'server-build': { type: 'string' }
	}
});

const smoke = values.smoke;
const staff = Number(values.staff ?? (smoke ? 300 : 80_000));
const years = Number(values.years ?? (smoke ? 1 : 5));
const duration = Number(values.duration ?? 10);
/** Server processes (WEB_CONCURRENCY of scripts/start.js); by default what `npm start` uses. */
const workers = values.workers ?? process.env.WEB_CONCURRENCY ?? '1';
const warmup = Number(values.warmup ?? (smoke ? 0 : 2));
const connections = Number(values.connections ?? (smoke ? 4 : 50));
// The smoke run makes a fixed number of requests per page instead of running for a time, so that it never
// depends on how fast the machine is.
const SMOKE_REQUESTS = 40;
const port = Number(values.port);
const barePort = Number(values['bare-port']);
const origin = `http://localhost:${port}`;
const scratch = smoke ? mkdtempSync(join(tmpdir(), 'academy-bench-')) : null;
const dbPath = resolve(values.db ?? (scratch ? join(scratch, 'bench.db') : `data/bench-synthetic-${staff}x${years}.db`));
const outPath = resolve(values.out ?? (scratch ? join(scratch, 'results.json') : 'bench/results.json'));
const tsxCli = join(createRequire(import.meta.url).resolve('tsx/package.json'), '..', 'dist', 'cli.mjs');
const log = (message: string) => process.stderr.write(`${message}\n`);

type Target = { rps?: number; p99?: number };
type Scenario = {
	id: string;
	name: string;
	method: 'GET' | 'POST';
	path: string;
	account?: BenchAccountKey;
	expect: number;
	/** Text the page must contain, checked once before measuring. */
	marker?: string;
	/** Accept-Encoding the client sends; without it, the page goes out uncompressed. */
	encoding?: 'br' | 'gzip';
	target: Target;
};
const SCENARIOS: Scenario[] = [
	{
		id: 'a',
		name: "learner's module page",
		method: 'GET',
		path: `/modules/${values.module}`,
		account: 'learner',
		expect: 200,
		marker: 'Check your understanding',
		target: { rps: 2000, p99: 50 }
	},
	{ id: 'b', name: 'scenario choice (form post, writes)', method: 'POST', path: '/scenarios/…/runs/…?/choose', expect: 303, target: { rps: 800, p99: 100 } },
	{
		id: 'c',
		name: '/training, five years of history',
		method: 'GET',
		path: '/training',
		account: 'learner',
		expect: 200,
		marker: 'My training',
		target: { p99: 100 }
	},
	{
		id: 'r',
		name: "/training while the Met's roster (as many rows as fit in 5 MB) applies",
		method: 'GET',
		path: '/training',
		account: 'learner',
		expect: 200,
		marker: 'My training',
		target: { p99: 250 }
	},
	{
		id: 'd',
		name: '/manage, unit manager (~1,000)',
		method: 'GET',
		path: '/manage',
		account: 'unitManager',
		expect: 200,
		marker: 'Training compliance',
		target: { p99: 100 }
	},
	{
		id: 'e',
		name: '/manage, organisation manager (~45,000)',
		method: 'GET',
		path: '/manage',
		account: 'orgManager',
		expect: 200,
		marker: 'Training compliance',
		target: { p99: 100 }
	},
	{
		id: 'a-br',
		name: "learner's module page, brotli",
		method: 'GET',
		path: `/modules/${values.module}`,
		account: 'learner',
		expect: 200,
		marker: 'Check your understanding',
		encoding: 'br',
		target: { p99: 50 }
	},
	{
		id: 'e-br',
		name: '/manage, organisation manager, brotli',
		method: 'GET',
		path: '/manage',
		account: 'orgManager',
		expect: 200,
		marker: 'Training compliance',
		encoding: 'br',
		target: { p99: 100 }
	},
	{
		id: 's',
		name: '/sessions, learner (sessions open to them)',
		method: 'GET',
		path: '/sessions',
		account: 'learner',
		expect: 200,
		// Shown for each session open to the learner: the page lists some, not "no upcoming sessions".
		marker: 'Assesses:',
		target: { p99: 100 }
	},
	{ id: 'f', name: '/partnership', method: 'GET', path: '/partnership', account: 'partnership', expect: 200, marker: 'Partnership view', target: { p99: 100 } },
	{
		id: 'i',
		name: '/insights/scenarios/<id>, organisation manager (~45,000)',
		method: 'GET',
		path: `/insights/scenarios/${values.scenario}`,
		account: 'orgManager',
		expect: 200,
		marker: 'Decision points',
		target: { p99: 100 }
	},
	{
		id: 'i-q',
		name: '/insights/questions/<id>, organisation manager (~45,000)',
		method: 'GET',
		path: `/insights/questions/${values.module}`,
		account: 'orgManager',
		expect: 200,
		marker: 'Each question at first attempts',
		target: { p99: 100 }
	},
	{
		id: 'i-s',
		name: '/insights/surveys, organisation manager (~45,000)',
		method: 'GET',
		path: '/insights/surveys',
		account: 'orgManager',
		expect: 200,
		marker: 'What learners thought',
		target: { p99: 100 }
	}
];
const MEMORY_TARGET_MB = 300;
/** The V8 flags of `npm start`: a smaller young generation keeps the peak under load well below 300 MB. */
const SERVER_NODE_FLAGS = ['--max-semi-space-size=4'];
const JS_TARGET_KB = 60;

const osPriority = () => getPriority();
const children: ChildProcess[] = [];
function cleanUp() {
	for (const child of children) if (child.exitCode === null && child.pid) child.kill('SIGTERM');
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
	process.on(signal, () => {
		cleanUp();
		process.exit(130);
	});

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
	const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

/** The seed run recorded in the database's audit log, if it is a synthetic database. */
function seededWith(path: string): { staff: number; years: number; counts: Record<string, number>; today: string } | null {
	if (!existsSync(path)) return null;
	const db = openDb(path);
	try {
		const row = db.$client.prepare("select detail from audit_log where action = 'synthetic-seed' order by id desc limit 1").get() as
			{ detail: string } | undefined;
		return row ? JSON.parse(row.detail) : null;
	} finally {
		db.$client.close();
	}
}

/** Refuses to start when something already answers on a port, so that a leftover server is never measured. */
async function ensureFree(url: string) {
	const answered = await fetch(url).then(
		async (response) => (await response.arrayBuffer(), true),
		() => false
	);
	if (answered) throw new Error(`Something is already serving at ${url}: stop it, or choose another --port / --bare-port.`);
}

/** A process and its children (the server's worker processes, when it runs more than one). */
function processTree(pid: number): number[] {
	const tree = [pid];
	for (let i = 0; i < tree.length; i++) {
		try {
			for (const task of readdirSync(`/proc/${tree[i]}/task`)) {
				const children = readFileSync(`/proc/${tree[i]}/task/${task}/children`, 'utf8').trim();
				if (children) tree.push(...children.split(' ').map(Number));
			}
		} catch {
			// the process has gone
		}
	}
	return tree;
}

/** A figure from /proc summed over the server's processes; null once the server itself has gone. */
function sumOverServer(pid: number, read: (p: number) => number): number | null {
	let total = 0;
	for (const p of processTree(pid)) {
		try {
			total += read(p);
		} catch {
			if (p === pid) return null; // a worker that has just gone counts for nothing
		}
	}
	return total;
}

/** CPU time the server's processes have used so far, in milliseconds (user + system, from /proc). */
function cpuMs(pid: number): number | null {
	return sumOverServer(pid, (p) => {
		const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
	});
}

/**
 * Peak resident memory of the server so far, from the kernel's high-water mark: with several processes, the sum
 * of their peaks (an upper bound: they need not peak at the same moment).
 */
function peakRssMb(pid: number): number | null {
	const kb = sumOverServer(pid, (p) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0));
	return kb === null ? null : Math.round(kb / 102.4) / 10;
}

/** Bytes of a response as the server sends it for an Accept-Encoding: static files are precompressed, pages compressed as sent. */
function transferSize(url: string, encoding: string, cookie?: string): Promise<{ bytes: number; body: Buffer }> {
	return new Promise((resolve, reject) => {
		get(url, { headers: { 'accept-encoding': encoding, ...(cookie ? { cookie } : {}) } }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (c: Buffer) => chunks.push(c));
			response.on('end', () => {
				const body = Buffer.concat(chunks);
				const coding = response.headers['content-encoding'];
				resolve({ bytes: body.length, body: coding === 'br' ? brotliDecompressSync(body) : coding === 'gzip' ? gunzipSync(body) : body });
			});
		}).on('error', reject);
	});
}

/**
 * Every script a module page loads: modulepreloads (Link header and HTML), scripts and their imports, each measured as
 * the server sends it compressed. The module's own content chunk is not among them: the page's Markdown is HTML
 * rendered on the server (src/lib/markdown/module-body-html.ts); only navigating in the browser loads that chunk.
 */
async function pageJavaScript(url: string, cookie: string) {
	const response = await fetch(url, { headers: { cookie } });
	const html = await response.text();
	const found = new Set<string>();
	const add = (href: string, base: string) => found.add(new URL(href, base).href);
	for (const part of (response.headers.get('link') ?? '').split(',')) if (/rel="?modulepreload/.test(part)) add(/<([^>]+)>/.exec(part)![1], url);
	for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]*href="([^"]+)"|<link[^>]+href="([^"]+)"[^>]*rel="modulepreload"/g)) add(m[1] ?? m[2], url);
	for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) add(m[1], url);
	for (const m of html.matchAll(/import\("([^"]+\.js)"\)/g)) add(m[1], url);
	const files: { url: string; bytes: number; gzip: number; brotli: number }[] = [];
	const queue = [...found];
	const seen = new Set(queue);
	while (queue.length) {
		const file = queue.shift()!;
		const [gzip, brotli, plain] = await Promise.all([transferSize(file, 'gzip'), transferSize(file, 'br'), transferSize(file, 'identity')]);
		files.push({ url: new URL(file).pathname, bytes: plain.bytes, gzip: gzip.bytes, brotli: brotli.bytes });
		const text = plain.body.toString('utf8');
		const next = [...text.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g)].map((m) => m[1]);
		for (const href of next) {
			const abs = new URL(href, file).href;
			if (!seen.has(abs)) {
				seen.add(abs);
				queue.push(abs);
			}
		}
	}
	const sum = (k: 'bytes' | 'gzip' | 'brotli') => files.reduce((s, f) => s + f[k], 0);
	return { files: files.sort((a, b) => b.gzip - a.gzip), bytes: sum('bytes'), gzip: sum('gzip'), brotli: sum('brotli') };
}

type Measured = {
	requests: number;
	seconds: number;
	rps: number;
	p50: number;
	p99: number;
	errors: number;
	statusCodes: Record<string, number>;
	/** Server CPU per request: what a request costs whatever else the machine is doing. */
	cpuMsPerRequest?: number | null;
	/** How long the warm-up took: at least the warm-up time, and until every connection had an answer. */
	warmupSeconds?: number;
};

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] : 0);

/**
 * One autocannon run on one set of connections: a warm-up, then the measured window. The window opens once
 * the warm-up time has passed and every connection has had an answer (a saturated Node server accepts new
 * connections slowly: the first request on each of 50 fresh connections can wait seconds), and only requests
 * sent inside the window count. So the measure is the steady state of 50 open connections. CPU is the
 * server's, over the window.
 */
async function cannon(options: autocannon.Options, expect: number, pid?: number): Promise<Measured> {
	const latencies: number[] = [];
	const statusCodes: Record<string, number> = {};
	const answered = new Set<unknown>();
	let errors = 0;
	let windowStart = smoke || warmup === 0 ? performance.now() : Infinity;
	let cpuBefore = windowStart !== Infinity && pid ? cpuMs(pid) : null;
	let windowEnd = Infinity;
	const started = performance.now();
	let finished!: () => void;
	const done = new Promise<void>((resolve) => (finished = resolve));
	// Stopped by hand when the window closes; the long duration only bounds a warm-up that never settles.
	const instance = autocannon(
		{ ...options, connections, ...(smoke ? { amount: SMOKE_REQUESTS } : { duration: warmup + duration + 60 }), timeout: smoke ? 60 : 10 },
		() => finished()
	);
	const open = () => {
		windowStart = performance.now();
		windowEnd = windowStart + duration * 1000;
		cpuBefore = pid ? cpuMs(pid) : null;
		setTimeout(() => instance.stop(), duration * 1000);
	};
	instance.on('response', (client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
		const now = performance.now();
		if (windowStart === Infinity) {
			answered.add(client);
			if (answered.size >= connections && now - started >= warmup * 1000) open();
			return;
		}
		if (now - responseTime < windowStart || now > windowEnd) return;
		latencies.push(responseTime);
		statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
	});
	instance.on('reqError', () => {
		if (performance.now() >= windowStart && performance.now() <= windowEnd) errors++;
	});
	await done;
	const seconds = Math.min(performance.now(), windowEnd) - windowStart;
	const cpuAfter = pid ? cpuMs(pid) : null;
	latencies.sort((a, b) => a - b);
	const requests = latencies.length;
	const round = (x: number) => Math.round(x * 10) / 10;
	if (!Number.isFinite(seconds)) throw new Error(`${options.url}: the warm-up never ended (not every connection was answered)`);
	return {
		requests,
		seconds: round(seconds / 1000),
		rps: Math.round(requests / (seconds / 1000)),
		p50: round(percentile(latencies, 0.5)),
		p99: round(percentile(latencies, 0.99)),
		errors: errors + requests - (statusCodes[String(expect)] ?? 0),
		statusCodes,
		cpuMsPerRequest: cpuBefore !== null && cpuAfter !== null && requests ? Math.round(((cpuAfter - cpuBefore) / requests) * 100) / 100 : null,
		warmupSeconds: round((windowStart - started) / 1000)
	};
}

function startProcess(args: string[], env: NodeJS.ProcessEnv, name: string) {
	const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	child.stderr!.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
	child.on('exit', (code) => {
		if (code && code !== 143 && !stopping) log(`${name} exited with ${code}:\n${stderr}`);
	});
	children.push(child);
	return child;
}
let stopping = false;

// A bare node:http server answering every request with the same bytes and content type as the module page.
const BARE_SERVER = `
const { createServer } = require('node:http');
const body = require('node:fs').readFileSync(process.argv[1]);
const type = process.argv[2];
createServer((req, res) => { req.resume(); res.writeHead(200, { 'content-type': type, 'content-length': body.length }); res.end(body); }).listen(Number(process.argv[3]));
`;

async function main() {
	const started = Date.now();
	const loadAtStart = loadavg().map((x) => Math.round(x * 100) / 100);
	const workDir = resolve('bench/tmp');
	mkdirSync(workDir, { recursive: true });
	if (!values['no-build'] && !smoke && !values['server-build']) {
		log('Building the app (npm run build)…');
		run('npm', ['run', 'build']);
	}
	// --server-build DIR: serve another tree's build (DIR/build and DIR/scripts/start.js), e.g. an older commit's,
	// measured by this bench on the same pages (scripts/bench-compare.ts).
	const served = resolve(values['server-build'] ?? '.');
	if (!existsSync(join(served, 'build/index.js'))) throw new Error(`No build found in ${served}: run \`npm run build\` first (or drop --no-build).`);
	// Serve a private copy, so that a rebuild in the working tree during the run cannot change what is measured.
	const serverDir = mkdtempSync(join(workDir, 'server-'));
	cpSync(join(served, 'build'), join(serverDir, 'build'), { recursive: true });
	cpSync(join(served, 'scripts/start.js'), join(serverDir, 'scripts', 'start.js'));

	let seeded = seededWith(dbPath);
	// A database seeded before the seed made practical sessions has none for scenario (s): seeded again.
	if (!seeded || seeded.staff !== staff || seeded.years !== years || seeded.counts.practicalSessions === undefined) {
		log(`Seeding ${staff.toLocaleString('en-GB')} staff and ${years} years into ${dbPath}…`);
		mkdirSync(dirname(dbPath), { recursive: true });
		run(process.execPath, [tsxCli, 'scripts/seed-synthetic.ts', '--staff', String(staff), '--years', String(years), '--force', ...(smoke ? ['--quiet'] : [])], {
			DATABASE_PATH: dbPath
		});
		seeded = seededWith(dbPath)!;
	} else log(`Reusing ${dbPath} (seeded ${seeded.today}).`);
	// A database seeded before the seed answered surveys has none for scenario (i-s): they are added, not seeded again.
	if (seeded.counts.surveyResponses === undefined) {
		const db = openDb(dbPath);
		try {
			const surveys = (await loadContentFromDisk()).surveys;
			const added = surveys ? seedSurveyAnswers(db.$client, surveys, { seed: 2013, now: new Date(`${seeded.today}T12:00:00Z`) }) : 0;
			if (added) log(`Added ${added.toLocaleString('en-GB')} survey answers to ${dbPath}.`);
		} finally {
			db.$client.close();
		}
	}
	// The server plans today's refresher reminders just after it starts: on a database that has none yet that is
	// seconds of work over the whole of London, which would fall in the first measurements. Plan them first, so the
	// server's own run finds nothing new (npm run bench:reminders measures the planner itself).
	const planned = spawnSync(process.execPath, [tsxCli, 'scripts/reminders.ts'], {
		env: { ...process.env, DATABASE_PATH: dbPath, ORIGIN: origin },
		encoding: 'utf8'
	});
	if (planned.status !== 0) throw new Error(`Planning reminders failed:\n${planned.stderr}`);
	log(planned.stdout.trim());

	await ensureFree(`${origin}/login`);
	await ensureFree(`http://localhost:${barePort}/`);
	// As `npm start` runs it (package.json): the same V8 flags and scripts/start.js.
	// --cpu-prof <dir>: each server process writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
	const profiling = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${resolve(values['cpu-prof'])}`] : [];
	const server = startProcess(
		[...SERVER_NODE_FLAGS, ...profiling, join(serverDir, 'scripts', 'start.js')],
		{ PORT: String(port), ORIGIN: origin, DATABASE_PATH: dbPath, WEB_CONCURRENCY: workers },
		'The server'
	);
	await waitFor(`${origin}/login`);
	const cookies = new Map<BenchAccountKey, string>();
	for (const key of ['learner', 'unitManager', 'orgManager', 'partnership'] as const)
		cookies.set(key, await signInCookie(origin, benchAccount(key).email, BENCH_PASSWORD));

	// Check each page measured once: signed in, the right page, before measuring anything.
	const selected = values.only ? SCENARIOS.filter((s) => values.only!.split(',').includes(s.id)) : SCENARIOS;
	for (const s of selected.filter((x) => x.account)) {
		const response = await fetch(origin + s.path, { headers: { cookie: cookies.get(s.account!)! } });
		const text = await response.text();
		if (response.status !== s.expect || (s.marker && !text.includes(s.marker)))
			throw new Error(`(${s.id}) ${s.path} answered ${response.status} without "${s.marker}"`);
	}

	const modulePath = SCENARIOS[0].path;
	const moduleResponse = await fetch(origin + modulePath, { headers: { cookie: cookies.get('learner')! } });
	const moduleBytes = Buffer.from(await moduleResponse.arrayBuffer());
	const bareFile = join(serverDir, 'module-page.html');
	writeFileSync(bareFile, moduleBytes);
	const bareServer = startProcess(
		['-e', BARE_SERVER, bareFile, moduleResponse.headers.get('content-type') ?? 'text/html', String(barePort)],
		{},
		'The bare server'
	);
	await waitFor(`http://localhost:${barePort}/`);
	const javascript = await pageJavaScript(origin + modulePath, cookies.get('learner')!);
	// What each compression level would cost and save on the module page (src/lib/server/http/compression.ts).
	const compressionLevels = measureLevels(moduleBytes, smoke ? 5 : 200);

	const content = prepareContent(await loadContentFromDisk());
	const results: Record<
		string,
		Measured & {
			name: string;
			method: string;
			path: string;
			ratioToBare?: number;
			target: Target;
			met?: boolean;
			peakRssMb?: number | null;
			extra?: Record<string, unknown>;
		}
	> = {};
	const measure = (options: autocannon.Options, expect: number, pid?: number) => cannon(options, expect, pid);

	log(`Bare node:http server, ${moduleBytes.length.toLocaleString('en-GB')} bytes…`);
	const bare = await measure({ url: `http://localhost:${barePort}${modulePath}` }, 200, bareServer.pid);
	for (const s of selected) {
		log(`(${s.id}) ${s.name}…`);
		let measured: Measured;
		let extra: Record<string, unknown> | undefined;
		if (s.id === 'b') {
			// Enough fresh choices for the warm-up and the run at up to 2,500 a second (three times the target); if the
			// server were faster the run would stop early and say so (poolExhausted), never post a stale choice.
			const db = openDb(dbPath);
			const pool = prepareChoicePool(db, content.scenarios, smoke ? SMOKE_REQUESTS + connections : Math.ceil((warmup + duration + 10) * 2500) + connections);
			let next = 0;
			const take = (): Choice | undefined => pool.choices[next++];
			const options: autocannon.Options = {
				url: origin,
				maxOverallRequests: pool.choices.length,
				requests: [
					{
						method: 'POST',
						setupRequest: (request) => {
							const c = take() ?? pool.choices[pool.choices.length - 1];
							return {
								...request,
								method: 'POST',
								path: `/scenarios/${c.slug}/runs/${c.runId}?/choose`,
								headers: { cookie: `session=${c.token}`, origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
								body: `step=${c.step}&event=${encodeURIComponent(c.event)}`
							};
						}
					}
				]
			};
			measured = await measure(options, 303, server.pid);
			extra = {
				choicesPrepared: pool.choices.length,
				choicesUsed: Math.min(next, pool.choices.length),
				poolPeople: pool.people,
				poolExhausted: next > pool.choices.length
			};
			releaseChoicePool(db, pool);
			db.$client.close();
		} else if (s.id === 'r') {
			// Other users' pages while an organisation manager's roster import applies (issue 16): measured from the
			// moment the apply is under way; the import's progress at the end says how much of it the run covered.
			// Up to 50,000 rows, as many as fit in the 5 MB a roster file may be (bench-roster.ts).
			const apply = await startRosterApply(origin, cookies.get('orgManager')!, dbPath, smoke ? 500 : 50_000);
			const before = apply.progress();
			measured = await measure({ url: origin + s.path, headers: { cookie: cookies.get(s.account!)! } }, s.expect, server.pid);
			extra = { rosterRows: apply.rows, rosterBytes: apply.bytes, appliedAtStart: before.done, appliedAtEnd: apply.progress().done, total: before.total };
			apply.close();
		} else {
			const cookie = cookies.get(s.account!)!;
			measured = await measure({ url: origin + s.path, headers: { cookie, ...(s.encoding ? { 'accept-encoding': s.encoding } : {}) } }, s.expect, server.pid);
			extra = { bytesOnTheWire: (await transferSize(origin + s.path, s.encoding ?? 'identity', cookie)).bytes };
		}
		const met =
			(s.target.rps === undefined || measured.rps >= s.target.rps) && (s.target.p99 === undefined || measured.p99 < s.target.p99) && measured.errors === 0;
		results[s.id] = {
			name: s.name,
			method: s.method,
			path: s.path,
			...measured,
			ratioToBare: Math.round((measured.rps / bare.rps) * 10000) / 10000,
			target: s.target,
			met,
			peakRssMb: peakRssMb(server.pid!),
			extra
		};
	}
	const peak = peakRssMb(server.pid!);
	stopping = true;
	cleanUp();
	rmSync(serverDir, { recursive: true, force: true });

	const output = {
		date: new Date().toISOString(),
		command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
		machine: {
			cpus: cpus().length,
			cpu: cpus()[0]?.model,
			memoryGb: Math.round(totalmem() / 2 ** 30),
			node: process.version,
			platform: `${process.platform} ${process.arch}`,
			niceness: osPriority(),
			loadAverageAtStart: loadAtStart,
			loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100)
		},
		server: { nodeFlags: SERVER_NODE_FLAGS, processes: Number(workers) },
		database: { path: dbPath, staff, years, seededOn: seeded.today, counts: seeded.counts },
		settings: { connections, ...(smoke ? { requestsPerPage: SMOKE_REQUESTS } : { durationSeconds: duration, warmupSeconds: warmup }), module: values.module },
		bare: { path: modulePath, bytes: moduleBytes.length, ...bare },
		scenarios: results,
		compressionLevels: { page: modulePath, bytes: moduleBytes.length, levels: compressionLevels },
		memory: { peakRssMb: peak, targetMb: MEMORY_TARGET_MB, met: peak !== null && peak < MEMORY_TARGET_MB },
		javascript: {
			page: modulePath,
			files: javascript.files.length,
			bytes: javascript.bytes,
			gzipBytes: javascript.gzip,
			brotliBytes: javascript.brotli,
			targetKb: JS_TARGET_KB,
			metWithGzip: javascript.gzip < JS_TARGET_KB * 1024,
			metWithBrotli: javascript.brotli < JS_TARGET_KB * 1024,
			list: javascript.files
		},
		elapsedSeconds: Math.round((Date.now() - started) / 1000)
	};
	mkdirSync(dirname(outPath), { recursive: true });
	writeFileSync(outPath, `${JSON.stringify(output, null, 2)}\n`);

	const rows = [['', 'scenario', 'req/s', 'p50 ms', 'p99 ms', 'errors', '× bare', 'CPU ms/req', 'bytes', 'target', 'met']];
	const cpuText = (m: Measured) => (m.cpuMsPerRequest == null ? '' : m.cpuMsPerRequest.toFixed(2));
	rows.push([
		'-',
		'bare node:http (module page bytes)',
		String(bare.rps),
		String(bare.p50),
		String(bare.p99),
		String(bare.errors),
		'1',
		cpuText(bare),
		String(moduleBytes.length),
		'',
		''
	]);
	for (const [id, r] of Object.entries(results)) {
		const target = [r.target.rps ? `≥${r.target.rps}/s` : '', r.target.p99 ? `p99<${r.target.p99}` : ''].filter(Boolean).join(' ');
		rows.push([
			id,
			r.name,
			String(r.rps),
			String(r.p50),
			String(r.p99),
			String(r.errors),
			`${(r.ratioToBare! * 100).toFixed(1)}%`,
			cpuText(r),
			String(r.extra?.bytesOnTheWire ?? ''),
			target,
			r.met ? 'yes' : 'NO'
		]);
	}
	const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
	console.log(rows.map((r) => r.map((c, i) => (i >= 2 && i <= 8 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ')).join('\n'));
	const levelText = (encoding: string) =>
		compressionLevels
			.filter((r) => r.encoding === encoding)
			.map((r) => `${r.level}: ${(r.bytes / 1024).toFixed(1)} KB ${r.cpuMs.toFixed(2)} ms`)
			.join(' · ');
	console.log(`\nCompression levels on ${modulePath} (${(moduleBytes.length / 1024).toFixed(1)} KB): brotli ${levelText('br')}\n  gzip ${levelText('gzip')}`);
	console.log(`\nPeak server memory (VmHWM): ${peak} MB (target < ${MEMORY_TARGET_MB} MB)`);
	console.log(
		`JavaScript on ${modulePath}: ${javascript.files.length} files, ${(javascript.brotli / 1024).toFixed(1)} KB as brotli, ${(javascript.gzip / 1024).toFixed(1)} KB as gzip, as the server sends them (${(javascript.bytes / 1024).toFixed(1)} KB uncompressed; target < ${JS_TARGET_KB} KB compressed)`
	);
	console.log(
		`Load average ${output.machine.loadAverageAtStart.join(', ')} at the start, ${output.machine.loadAverageAtEnd.join(', ')} at the end, on ${output.machine.cpus} cores. Results: ${outPath}`
	);
	if (scratch && !values.out) rmSync(scratch, { recursive: true, force: true });
}

main().catch((error) => {
	stopping = true;
	cleanUp();
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
