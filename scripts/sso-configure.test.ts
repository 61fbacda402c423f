import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../src/lib/server/db';
import { auditLog, organisations } from '../src/lib/server/db/schema';
import { ssoSettingsOf } from '../src/lib/server/sso/providers';
import { startLocalProvider, type LocalProvider } from '../tests/support/sso';

// The real script, run as `npm run sso:configure` runs it, against a real provider for its discovery check.
const tsxCli = join(createRequire(import.meta.url).resolve('tsx/package.json'), '..', 'dist', 'cli.mjs');
const folder = mkdtempSync(join(tmpdir(), 'sso-configure-'));
const path = join(folder, 'academy.db');
const KEY = 'b'.repeat(64);
let db: Db;
let provider: LocalProvider;

beforeAll(async () => {
	db = openDb(path);
	db.insert(organisations).values({ name: 'London Ambulance Service', kind: 'ambulance' }).run();
	provider = await startLocalProvider({
		accounts: [],
		clients: [
			{
				clientId: 'academy',
				clientSecret: 'x',
				redirectUris: ['http://localhost:3000/login/sso/callback'],
				postLogoutRedirectUris: []
			}
		]
	});
	writeFileSync(join(folder, 'secret'), 'from-a-file\n');
});
afterAll(async () => {
	db?.$client.close();
	await provider?.close();
	rmSync(folder, { recursive: true, force: true });
});

/** Asynchronously: the provider answering the script's discovery check runs in this process. */
function run(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; out: string; err: string }> {
	return new Promise((resolve) => {
		const child = execFile(
			process.execPath,
			[tsxCli, 'scripts/sso-configure.ts', ...args],
			{ env: { ...process.env, DATABASE_PATH: path, SSO_SECRET_KEY: KEY, AUDIT_KEY: 'a1'.repeat(32), ...env }, encoding: 'utf8' },
			(_error, stdout, stderr) => resolve({ status: child.exitCode, out: stdout.trim(), err: stderr.trim() })
		);
	});
}

describe('npm run sso:configure', () => {
	it('sets a provider from a secret file, checks its discovery, audits without the secret; then turns it off', async () => {
		const args = [
			'--organisation',
			'London Ambulance Service',
			'--issuer',
			provider.issuer,
			'--client-id',
			'academy',
			'--domains',
			'las.test, las2.test',
			'--sso-only'
		];
		const saved = await run([...args, '--client-secret-file', join(folder, 'secret')]);
		expect(saved).toMatchObject({ status: 0, err: '' });
		expect(saved.out).toContain('Single sign-on saved for London Ambulance Service: las.test, las2.test');
		expect(saved.out).toContain('offers RP-initiated logout');
		expect(ssoSettingsOf(db, 1)).toMatchObject({
			issuer: provider.issuer,
			domains: ['las.test', 'las2.test'],
			ssoOnly: true
		});

		// The secret from a named variable; by id this time; nothing in the log holds either secret.
		expect(
			await run(['--organisation', '1', ...args.slice(2), '--client-secret-env', 'LAS_SECRET'], {
				LAS_SECRET: 'from-a-variable'
			})
		).toMatchObject({ status: 0 });
		const log = db.select().from(auditLog).all();
		expect(log.map((e) => [e.action, JSON.parse(e.detail).via])).toEqual([
			['sso-configure', 'cli'],
			['sso-configure', 'cli']
		]);
		expect(JSON.stringify(log)).not.toMatch(/from-a-file|from-a-variable/);

		expect(await run(['--organisation', '1', '--remove'])).toMatchObject({ status: 0 });
		expect(ssoSettingsOf(db, 1)).toBeNull();
	}, 180_000);

	it('refuses bad input, a missing key or an unknown organisation, and changes nothing', async () => {
		const before = db.select().from(auditLog).all().length;
		const args = ['--organisation', '1', '--issuer', 'http://idp.example.org', '--client-id', 'academy', '--domains', 'las.test', '--client-secret-env', 'S'];
		expect(await run(args, { S: 'x' })).toMatchObject({
			status: 2,
			err: '--issuer: The issuer must start with https://'
		});
		const good = ['--organisation', '1', '--issuer', provider.issuer, '--client-id', 'academy', '--domains', 'las.test'];
		expect(await run(good)).toMatchObject({ status: 1, err: '--client-secret: Enter the client secret' });
		expect(await run([...good, '--client-secret-env', 'S'], { S: 'x', SSO_SECRET_KEY: '' })).toMatchObject({
			status: 1,
			err: expect.stringContaining('SSO_SECRET_KEY is not set')
		});
		expect(await run([...good, '--client-secret-env', 'UNSET_VARIABLE'])).toMatchObject({
			status: 2,
			err: 'The variable UNSET_VARIABLE is not set or empty.'
		});
		expect(await run(['--organisation', '1', '--unlink', 'someone@las.test'])).toMatchObject({
			status: 1,
			err: 'This organisation does not use single sign-on'
		});
		expect(await run(['--organisation', 'Nobody', '--remove'])).toMatchObject({
			status: 1,
			err: 'No organisation named "Nobody".'
		});
		expect(await run(['--client-secret', 'on-the-command-line'])).toMatchObject({ status: 2 });
		expect(db.select().from(auditLog).all()).toHaveLength(before);
	}, 180_000);
});
