import Database from 'better-sqlite3';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, waitFor } from './local-server';

// The built server behind Debian's nginx, as a deployment runs it: adapter-node reads the client's address from the
// X-Forwarded-For nginx sets (ADDRESS_HEADER, XFF_DEPTH=1: the address nginx itself saw, never one a client claims).
const NGINX = '/usr/sbin/nginx';
const built = existsSync('build/index.js');
const folder = mkdtempSync(join(tmpdir(), 'proxy-'));
const tsxCli = join(createRequire(import.meta.url).resolve('tsx/package.json'), '..', 'dist', 'cli.mjs');
const OWNER = { email: 'proxy.owner@example.test', name: 'Proxy Test Owner', password: 'proxy-owner-password-1' };

/** A sign-in post through nginx from a client at `from` (a loopback address of its own: 127.0.0.2, 127.0.0.3, …). */
function signIn(port: number, origin: string, from: string, password: string, headers: Record<string, string> = {}): Promise<number> {
	const body = new URLSearchParams({ email: OWNER.email, password }).toString();
	return new Promise((resolve, reject) => {
		const req = httpRequest(
			{
				host: '127.0.0.1',
				port,
				localAddress: from,
				method: 'POST',
				path: '/login',
				agent: false,
				headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin, ...headers }
			},
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode!));
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}

describe.skipIf(!built || !existsSync(NGINX))('behind nginx with ADDRESS_HEADER and XFF_DEPTH', () => {
	let app: ChildProcess | undefined;
	let nginx: ChildProcess | undefined;
	let proxyPort = 0;
	let origin = '';
	const databasePath = join(folder, 'proxy.db');

	beforeAll(async () => {
		const made = spawnSync(process.execPath, [tsxCli, 'scripts/create-admin.ts', '--email', OWNER.email, '--name', OWNER.name], {
			env: { ...process.env, DATABASE_PATH: databasePath, ADMIN_PASSWORD: OWNER.password },
			encoding: 'utf8',
			timeout: 60_000
		});
		expect(made.status, made.stderr).toBe(0);

		const appPort = await freePort('127.0.0.1');
		proxyPort = await freePort('127.0.0.1');
		origin = `http://localhost:${proxyPort}`;
		app = spawn(process.execPath, ['build/index.js'], {
			env: {
				...process.env,
				PORT: String(appPort),
				HOST: '127.0.0.1',
				ORIGIN: origin,
				DATABASE_PATH: databasePath,
				ADDRESS_HEADER: 'X-Forwarded-For',
				XFF_DEPTH: '1'
			},
			stdio: 'ignore'
		});
		// No root needed: nginx's prefix, pid, logs and temporary folders all in the test's own folder.
		for (const d of ['logs', 'tmp']) mkdirSync(join(folder, d), { recursive: true });
		const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${join(folder, 'tmp', t)};`).join(' ');
		writeFileSync(
			join(folder, 'nginx.conf'),
			`daemon off;
worker_processes 1;
pid ${join(folder, 'nginx.pid')};
error_log ${join(folder, 'logs', 'error.log')} warn;
events { worker_connections 64; }
http {
	access_log off;
	${temp}
	server {
		listen 127.0.0.1:${proxyPort};
		location / {
			proxy_pass http://127.0.0.1:${appPort};
			proxy_set_header Host $host:$server_port;
			proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
			proxy_set_header X-Forwarded-Proto $scheme;
		}
	}
}
`
		);
		nginx = spawn(NGINX, ['-p', folder, '-c', join(folder, 'nginx.conf')], { stdio: 'ignore' });
		await waitFor(`http://127.0.0.1:${appPort}/healthz`);
		await waitFor(`http://127.0.0.1:${proxyPort}/healthz`);
	}, 120_000);

	afterAll(() => {
		nginx?.kill('SIGTERM');
		app?.kill('SIGTERM');
		rmSync(folder, { recursive: true, force: true });
	});

	it("throttles two clients separately, and records each client's address, not the proxy's", async () => {
		// Five wrong passwords from one client (which also claims another address: nginx appends the one it saw).
		for (let i = 0; i < 5; i++) expect(await signIn(proxyPort, origin, '127.0.0.2', 'wrong password', { 'x-forwarded-for': '198.51.100.7' })).toBe(400);
		// That client is now paused for this account, even with the right password...
		expect(await signIn(proxyPort, origin, '127.0.0.2', OWNER.password)).toBe(429);
		// ...while the owner, at another address behind the same proxy, signs in.
		expect(await signIn(proxyPort, origin, '127.0.0.3', OWNER.password)).toBe(303);

		const db = new Database(databasePath, { readonly: true });
		try {
			const attempts = db.prepare('select address, succeeded from login_attempts order by id').all() as { address: string; succeeded: number }[];
			expect(attempts).toEqual([...Array(5).fill({ address: '127.0.0.2', succeeded: 0 }), { address: '127.0.0.3', succeeded: 1 }]);
		} finally {
			db.close();
		}
	});
});
