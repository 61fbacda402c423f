import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// scripts/start.js as `npm start` runs it, against the existing build (npm test runs this after building).
const folder = mkdtempSync(join(tmpdir(), 'start-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const built = existsSync('build/index.js');

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/** The pids of a process's children, from /proc. */
function childrenOf(pid: number): number[] {
	try {
		const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
		return text ? text.split(' ').map(Number) : [];
	} catch {
		return []; // it has exited
	}
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

describe('npm start', () => {
	it.skipIf(!built)(
		'with WEB_CONCURRENCY=2 serves from two processes sharing the port, and all of them stop on SIGTERM',
		async () => {
			const port = await freePort();
			const server = spawn(process.execPath, ['scripts/start.js'], {
				env: { ...process.env, PORT: String(port), ORIGIN: `http://localhost:${port}`, DATABASE_PATH: join(folder, 'two.db'), WEB_CONCURRENCY: '2' },
				stdio: ['ignore', 'pipe', 'pipe']
			});
			let output = '';
			server.stdout!.on('data', (chunk) => (output += chunk));
			server.stderr!.on('data', (chunk) => (output += chunk));
			const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
			try {
				expect(await waitForLogin(`http://localhost:${port}`), output).toBe(200);
				// the second process starts once the first is listening
				for (let i = 0; i < 100 && childrenOf(server.pid!).length < 2; i++) await new Promise((r) => setTimeout(r, 100));
				const workers = childrenOf(server.pid!);
				expect(workers, output).toHaveLength(2);
				const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`http://localhost:${port}/login`).then((r) => r.status)));
				expect(new Set(answers)).toEqual(new Set([200]));

				server.kill('SIGTERM');
				expect(await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 15_000))]), output).toBe(0);
				for (const pid of workers) expect(existsSync(`/proc/${pid}`), `worker ${pid} is still running`).toBe(false);
			} finally {
				for (const pid of childrenOf(server.pid!)) process.kill(pid, 'SIGKILL');
				server.kill('SIGKILL');
			}
		},
		60_000
	);

	it.skipIf(!built)('refuses a WEB_CONCURRENCY that is not a whole number of processes', () => {
		const run = spawnSync(process.execPath, ['scripts/start.js'], { env: { ...process.env, WEB_CONCURRENCY: 'lots', DATABASE_PATH: join(folder, 'bad.db') }, encoding: 'utf8', timeout: 20_000 });
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('WEB_CONCURRENCY must be a whole number of processes');
	});

	it.skipIf(!built)('refuses to start when a retention setting makes no sense, and says which', () => {
		const run = spawnSync(process.execPath, ['scripts/start.js'], {
			env: { ...process.env, SIGN_IN_ATTEMPT_RETENTION_DAYS: 'forever', DATABASE_PATH: join(folder, 'retention.db'), PORT: '0' },
			encoding: 'utf8',
			timeout: 20_000
		});
		expect(run.status).not.toBe(0);
		expect(run.stderr).toContain('SIGN_IN_ATTEMPT_RETENTION_DAYS must be a whole number of days');
	});
});
