import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMetrics } from '../tests/support/prometheus';
import { freePort } from './local-server';

// scripts/start.js as `npm start` runs it, against the existing build (npm test runs this after building).
const folder = mkdtempSync(join(tmpdir(), 'start-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const built = existsSync('build/index.js');
const tsxCli = join(createRequire(import.meta.url).resolve('tsx/package.json'), '..', 'dist', 'cli.mjs');

const METRICS_TOKEN = 'start-test-metrics-token-0123456789';

/** The pids of a process's children, from /proc. */
function childrenOf(pid: number): number[] {
	try {
		const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
		return text ? text.split(' ').map(Number) : [];
	} catch {
		return []; // it has exited
	}
}

/** Runs the production start script with these settings over the environment, to be refused before it serves anything. */
function startWithSettings(settings: Record<string, string>) {
	return spawnSync(process.execPath, ['scripts/start.js'], { env: { ...process.env, ...settings }, encoding: 'utf8', timeout: 20_000 });
}

async function waitForLogin(origin: string, timeoutMs = 30_000) {
	const until = Date.now() + timeoutMs;
	for (;;) {
		try {
			const response = await fetch(`${origin}/login`);
			await response.arrayBuffer();
			return response.status;
		} catch {
			if (Date.now() > until) throw new Error(`${origin} did not answer`);
			await new Promise((r) => setTimeout(r, 100));
		}
	}
}

type Running = {
	port: number;
	origin: string;
	pid: number;
	output: () => string;
	/** stdout's JSON lines (the logs), parsed; other lines (adapter-node's "Listening on") left out. */
	logLines: () => Record<string, unknown>[];
	exited: Promise<number | null>;
};

/** Starts `npm start` on a free port with a database of its own and waits until it answers. */
async function serve(name: string, env: Record<string, string> = {}): Promise<Running> {
	const port = await freePort();
	const server = spawn(process.execPath, ['scripts/start.js'], {
		env: { ...process.env, PORT: String(port), ORIGIN: `http://localhost:${port}`, DATABASE_PATH: join(folder, `${name}.db`), LOG_LEVEL: 'info', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stdout = '';
	let output = '';
	server.stdout!.on('data', (chunk) => ((stdout += chunk), (output += chunk)));
	server.stderr!.on('data', (chunk) => (output += chunk));
	const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
	const running = {
		port,
		origin: `http://localhost:${port}`,
		pid: server.pid!,
		output: () => output,
		logLines: () =>
			stdout
				.split('\n')
				.filter((l) => l.startsWith('{'))
				.map((l) => JSON.parse(l) as Record<string, unknown>),
		exited
	};
	expect(await waitForLogin(running.origin), output).toBe(200);
	return running;
}

function forceStop(server: Running | undefined) {
	if (!server) return;
	for (const pid of childrenOf(server.pid)) process.kill(pid, 'SIGKILL');
	try {
		process.kill(server.pid, 'SIGKILL');
	} catch {
		// already gone
	}
}

/** Waits (bounded) until the server has logged a line that matches. */
async function logLine(server: Running, matches: (line: Record<string, unknown>) => boolean) {
	for (let i = 0; i < 200; i++) {
		const line = server.logLines().find(matches);
		if (line) return line;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`no such log line in:\n${server.output()}`);
}

type Answer = { status: number; headers: IncomingHttpHeaders; body: string };

/** One request on its own connection, with any method, headers and body (fetch refuses some of the junk). */
function ask(
	port: number,
	method: string,
	path: string,
	{ headers = {}, body, declaredLength }: { headers?: Record<string, string>; body?: string | Buffer; declaredLength?: number } = {}
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		// Its own connection, closed by us once answered: a body the server refuses is still read to its end
		// rather than cut off (as "Connection: close" would have it), as for a browser.
		const req = httpRequest({ host: 'localhost', port, method, path, agent: false, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => {
				resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
				res.socket.destroy();
			});
		});
		req.on('error', reject);
		// A body declared larger than it is sent: the server answers from the declared length alone.
		if (declaredLength !== undefined) {
			req.setHeader('content-length', String(declaredLength));
			req.write(body ?? '');
		} else req.end(body);
	});
}

/**
 * A request whose body is held back until `finish` is called. It asks `Expect: 100-continue`, and node's server
 * answers "100 Continue" as it hands the request to the app, so when this resolves the server has the request in
 * hand: it is in flight.
 */
function heldRequest(port: number, path: string, body: string, headers: Record<string, string>): Promise<{ finish: () => void; answer: Promise<Answer> }> {
	return new Promise((resolveHeld, reject) => {
		let resolveAnswer!: (a: Answer) => void;
		const answer = new Promise<Answer>((r) => (resolveAnswer = r));
		const req = httpRequest(
			{
				host: 'localhost',
				port,
				method: 'POST',
				path,
				agent: false,
				headers: { ...headers, expect: '100-continue', 'content-length': String(Buffer.byteLength(body)) }
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => resolveAnswer({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
			}
		);
		req.on('error', reject);
		req.on('continue', () => resolveHeld({ finish: () => req.end(body), answer }));
		req.flushHeaders();
	});
}

/** Resolves once nothing accepts connections on the port any more (the server has stopped listening). */
async function refusesConnections(port: number) {
	for (let i = 0; i < 300; i++) {
		const refused = await new Promise<boolean>((resolve) => {
			const socket = connect(port, 'localhost');
			socket.once('connect', () => (socket.destroy(), resolve(false)));
			socket.once('error', () => resolve(true));
		});
		if (refused) return;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`port ${port} still accepts connections`);
}

const formHeaders = (server: Running) => ({ origin: server.origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' });

/** SIGTERM with a sign-in post in flight whose body has not arrived: the post is answered, then everything exits. */
async function stopWithRequestInFlight(server: Running, signalled: () => void) {
	const held = await heldRequest(server.port, '/login', 'email=&password=', { ...formHeaders(server), 'x-request-id': 'in-flight-at-sigterm' });
	signalled();
	await refusesConnections(server.port); // it has stopped taking new requests...
	held.finish(); // ...and still reads and answers this one
	const answer = await held.answer;
	expect(answer.status, server.output()).toBe(400);
	expect(answer.headers['x-request-id']).toBe('in-flight-at-sigterm');
	expect(answer.body).toContain('Sign in');
	expect(await Promise.race([server.exited, new Promise((r) => setTimeout(() => r('still running'), 15_000))]), server.output()).toBe(0);
}

describe('npm start', () => {
	it.skipIf(!built)(
		'with WEB_CONCURRENCY=2 serves from two processes sharing the port, reports metrics for both, and stops on SIGTERM after the request in flight',
		async () => {
			let server: Running | undefined;
			try {
				server = await serve('two', { WEB_CONCURRENCY: '2', METRICS_TOKEN });
				// the second process starts once the first is listening; the primary says when both are
				await logLine(server, (l) => typeof l.msg === 'string' && l.msg.endsWith('from 2 processes'));
				const workers = childrenOf(server.pid);
				expect(workers, server.output()).toHaveLength(2);
				const answers = await Promise.all(Array.from({ length: 20 }, () => ask(server!.port, 'GET', '/login').then((r) => r.status)));
				expect(new Set(answers)).toEqual(new Set([200]));

				// Each process logs the requests it served; /metrics, whichever process is scraped, counts them all.
				const isLoginPage = (l: Record<string, unknown>) => l.msg === 'request' && l.route === '/login' && l.method === 'GET' && l.status === 200;
				for (let i = 0; i < 200 && server.logLines().filter(isLoginPage).length < 21; i++) await new Promise((r) => setTimeout(r, 50));
				const logged = server.logLines().filter(isLoginPage);
				expect(logged, 'the 20 asked here and the one that found the server up').toHaveLength(21);
				expect(new Set(logged.map((l) => l.pid)), 'both processes served some').toEqual(new Set(workers));
				for (const scrape of [1, 2, 3]) {
					const scraped = await ask(server.port, 'GET', '/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
					expect(scraped.status, scraped.body).toBe(200);
					const count = parseMetrics(scraped.body).series('academy_http_request_duration_seconds_count', { route: '/login', method: 'GET', status: '200' });
					expect(count, `scrape ${scrape}`).toBe(21);
				}

				await stopWithRequestInFlight(server, () => process.kill(server!.pid, 'SIGTERM'));
				for (const pid of workers) expect(existsSync(`/proc/${pid}`), `worker ${pid} is still running`).toBe(false);
			} finally {
				forceStop(server);
			}
		},
		60_000
	);

	it.skipIf(!built)('refuses a WEB_CONCURRENCY that is not a whole number of processes', () => {
		const run = startWithSettings({ WEB_CONCURRENCY: 'lots', DATABASE_PATH: join(folder, 'bad.db') });
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('WEB_CONCURRENCY must be a whole number of processes');
	});

	it.skipIf(!built)('refuses a LOG_LEVEL it does not know, and a METRICS_TOKEN too short to be a secret', () => {
		const level = startWithSettings({ LOG_LEVEL: 'verbose', DATABASE_PATH: join(folder, 'bad.db') });
		expect(level.status).toBe(1);
		expect(level.stderr).toContain('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (it is "verbose")');
		const token = startWithSettings({ METRICS_TOKEN: 'secret', DATABASE_PATH: join(folder, 'token.db'), PORT: '0' });
		expect(token.status).not.toBe(0);
		expect(token.stderr).toContain('METRICS_TOKEN must be at least 16 characters');
	});

	it.skipIf(!built)('refuses to start when a retention setting makes no sense, and says which', () => {
		const run = startWithSettings({ SIGN_IN_ATTEMPT_RETENTION_DAYS: 'forever', DATABASE_PATH: join(folder, 'retention.db'), PORT: '0' });
		expect(run.status).not.toBe(0);
		expect(run.stderr).toContain('SIGN_IN_ATTEMPT_RETENTION_DAYS must be a whole number of days');
	});
});

describe.skipIf(!built)('the built server in production', () => {
	const ADMIN = { email: 'ops.admin@example.test', name: 'Ops Test Administrator', password: 'ops-admin-password-1' };
	let server: Running | undefined;
	let adminId: number;

	beforeAll(async () => {
		// An administrator to sign in as, made the way a deployment makes its first one.
		const made = spawnSync(process.execPath, [tsxCli, 'scripts/create-admin.ts', '--email', ADMIN.email, '--name', ADMIN.name], {
			env: { ...process.env, DATABASE_PATH: join(folder, 'one.db'), ADMIN_PASSWORD: ADMIN.password },
			encoding: 'utf8',
			timeout: 60_000
		});
		expect(made.status, made.stderr).toBe(0);
		const db = new Database(join(folder, 'one.db'), { readonly: true });
		adminId = db.prepare('select id from people where email = ?').pluck().get(ADMIN.email) as number;
		db.close();
		server = await serve('one', { METRICS_TOKEN });
	}, 90_000);
	afterAll(() => forceStop(server));

	it('answers /healthz and /readyz to anyone, with every check named', async () => {
		const health = await ask(server!.port, 'GET', '/healthz');
		expect(health.status).toBe(200);
		expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
		const ready = await ask(server!.port, 'GET', '/readyz', { headers: { cookie: 'session=not-a-real-session' } });
		expect(ready.status, ready.body).toBe(200);
		const report = JSON.parse(ready.body);
		expect(report.status).toBe('ready');
		expect(Object.keys(report.checks).sort()).toEqual(['database', 'maintenance', 'migrations']);
		for (const check of Object.values(report.checks)) expect(check).toMatchObject({ ok: true });
	});

	it('answers junk requests with client errors, logged at info without a stack trace', async () => {
		const junk: { id: string; method: string; path: string; expect: number; headers?: Record<string, string>; body?: string; declaredLength?: number }[] = [
			{ id: 'junk-post-no-actions', method: 'POST', path: '/', expect: 405, headers: formHeaders(server!), body: 'a=1' },
			{ id: 'junk-post-no-actions-2', method: 'POST', path: '/modules', expect: 405, headers: formHeaders(server!), body: 'a=1' },
			{ id: 'junk-unknown-action', method: 'POST', path: '/login?/nosuch', expect: 404, headers: formHeaders(server!), body: 'a=1' },
			{ id: 'junk-unknown-route', method: 'GET', path: '/wp-admin/setup-config.php', expect: 404 },
			{ id: 'junk-dotfile', method: 'GET', path: '/.env', expect: 404 },
			{ id: 'junk-put', method: 'PUT', path: '/login', expect: 405, headers: formHeaders(server!), body: 'a=1' },
			{ id: 'junk-delete', method: 'DELETE', path: '/training', expect: 405 },
			{ id: 'junk-patch-endpoint', method: 'PATCH', path: '/healthz', expect: 405 },
			{
				id: 'junk-json-to-form',
				method: 'POST',
				path: '/login',
				expect: 415,
				headers: { ...formHeaders(server!), 'content-type': 'application/json' },
				body: '{"email":"x"}'
			},
			{
				id: 'junk-oversized',
				method: 'POST',
				path: '/login',
				expect: 413,
				headers: formHeaders(server!),
				body: 'email=' + 'a'.repeat(60_000),
				declaredLength: 7 * 1024 * 1024
			}
		];
		for (const j of junk) {
			const answer = await ask(server!.port, j.method, j.path, {
				headers: { ...j.headers, 'x-request-id': j.id },
				body: j.body,
				declaredLength: j.declaredLength
			});
			expect(answer.status, `${j.method} ${j.path}`).toBe(j.expect);
			expect(answer.headers['x-request-id']).toBe(j.id);
		}
		for (const j of junk) {
			const line = await logLine(server!, (l) => l.requestId === j.id);
			expect(line, j.id).toMatchObject({ level: 'info', msg: 'request', method: j.method, status: j.expect });
		}
		const output = server!.output();
		expect(output, 'a stack trace in the log').not.toMatch(/^\s+at\s/m);
		expect(output).not.toMatch(/method not allowed|Error:/i);
		expect(server!.logLines().filter((l) => l.level !== 'info')).toEqual([]);
	});

	it('carries the request id into the log line and the audit entry of the same request, and names people only by id', async () => {
		const failed = await ask(server!.port, 'POST', '/login', {
			headers: { ...formHeaders(server!), 'x-request-id': 'audit-trace-0001' },
			body: `email=${encodeURIComponent(ADMIN.email)}&password=wrong-password-1`
		});
		expect(failed.status).toBe(400);
		expect(failed.headers['x-request-id']).toBe('audit-trace-0001');
		expect(await logLine(server!, (l) => l.requestId === 'audit-trace-0001')).toMatchObject({ method: 'POST', route: '/login', status: 400 });
		const db = new Database(join(folder, 'one.db'), { readonly: true });
		try {
			const entry = db.prepare("select detail from audit_log where action = 'sign-in-failed' order by id desc limit 1").pluck().get() as string;
			expect(JSON.parse(entry)).toMatchObject({ requestId: 'audit-trace-0001' });
		} finally {
			db.close();
		}

		// A signed-in request is logged with the person's id, and an id that could carry anything is replaced.
		const signedIn = await ask(server!.port, 'POST', '/login', {
			headers: formHeaders(server!),
			body: `email=${encodeURIComponent(ADMIN.email)}&password=${ADMIN.password}`
		});
		expect(signedIn.status).toBe(303);
		const cookie = String(signedIn.headers['set-cookie']).split(';')[0];
		const page = await ask(server!.port, 'GET', `/admin/people/${adminId}`, { headers: { cookie, 'x-request-id': 'bad id"} {"level":"fatal' } });
		expect(page.status).toBe(200);
		const id = page.headers['x-request-id'] as string;
		expect(id).toMatch(/^[0-9a-f-]{36}$/);
		expect(await logLine(server!, (l) => l.requestId === id)).toMatchObject({ route: '/admin/people/[id]', status: 200, user: adminId });
		expect(server!.output()).not.toContain(ADMIN.email);
		expect(server!.output()).not.toContain(ADMIN.name);
		expect(server!.output()).not.toContain(`/admin/people/${adminId}`);
	});

	it('serves /metrics only with the token, as Prometheus text', async () => {
		expect((await ask(server!.port, 'GET', '/metrics')).status).toBe(401);
		expect((await ask(server!.port, 'GET', '/metrics', { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
		expect((await ask(server!.port, 'GET', '/metrics', { headers: { authorization: METRICS_TOKEN } })).status).toBe(401);
		const scraped = await ask(server!.port, 'GET', '/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
		expect(scraped.status).toBe(200);
		expect(scraped.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
		const metrics = parseMetrics(scraped.body);
		expect(metrics.families.get('academy_http_request_duration_seconds')?.type).toBe('HISTOGRAM');
		expect(metrics.series('academy_sign_in_attempts_total', { outcome: 'failed' })).toBeGreaterThanOrEqual(1);
		expect(metrics.series('academy_http_request_duration_seconds_count', { route: 'unmatched', method: 'GET', status: '404' })).toBe(2);
		expect(metrics.series('academy_http_request_duration_seconds_count', { route: '/', method: 'POST', status: '405' })).toBe(1);
		expect(metrics.series('academy_database_size_bytes')).toBeGreaterThan(0);
		expect(metrics.series('academy_task_last_success_timestamp_seconds', { task: 'maintenance' })).toBeGreaterThan(Date.now() / 1000 - 600);
	});

	it('on SIGTERM stops taking requests, answers the one in flight, stops its background work and exits', async () => {
		await stopWithRequestInFlight(server!, () => process.kill(server!.pid, 'SIGTERM'));
		const lines = server!.logLines();
		expect(lines.find((l) => l.requestId === 'in-flight-at-sigterm')).toMatchObject({ status: 400 });
		expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['stopped taking requests; finishing background work', 'stopped']));
		// The database was closed cleanly: its write-ahead log checkpointed and removed.
		expect(existsSync(join(folder, 'one.db-wal'))).toBe(false);
	}, 30_000);
});
