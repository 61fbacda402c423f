import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../src/lib/server/audit/log';
import { openDb } from '../src/lib/server/db';

// Run the real script the way `npm run audit:verify` does: node, tsx's command line, the script.
const tsxCli = join(createRequire(import.meta.url).resolve('tsx/package.json'), '..', 'dist', 'cli.mjs');
const folder = mkdtempSync(join(tmpdir(), 'audit-verify-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function runScript(databasePath: string) {
	const run = spawnSync(process.execPath, [tsxCli, 'scripts/audit-verify.ts'], {
		env: { ...process.env, DATABASE_PATH: databasePath },
		encoding: 'utf8'
	});
	return { status: run.status, out: run.stdout.trim(), err: run.stderr.trim() };
}

function databaseWithEntries(name: string, n: number) {
	const path = join(folder, name);
	const db = openDb(path);
	for (let i = 1; i <= n; i++) {
		appendAudit(db, { actorId: null, action: i === 3 ? 'person-update' : 'test', entity: 'thing', entityId: i, detail: { i }, at: new Date(Date.UTC(2026, 2, i, 9)) });
	}
	return { path, db };
}

describe('npm run audit:verify', () => {
	it('exits 0 and counts the entries when the chain is intact, then 1 naming the entry whose detail was changed', () => {
		const { path, db } = databaseWithEntries('good.db', 5);
		expect(runScript(path)).toEqual({ status: 0, out: 'Audit chain verified: 5 entries', err: '' });

		db.$client.prepare(`update audit_log set detail = '{"i":99}' where id = 3`).run();
		db.$client.close();
		const broken = runScript(path);
		expect(broken.status).toBe(1);
		expect(broken.err).toBe('Audit chain BROKEN at entry #3 (2026-03-03T09:00:00.000Z, person-update): contents do not match the stored hash');
	});

	it('exits 2 for a missing file and does not create it', () => {
		const path = join(folder, 'missing.db');
		const run = runScript(path);
		expect(run.status).toBe(2);
		expect(run.err).toMatch(/Cannot open .*missing\.db read-only/);
		expect(existsSync(path)).toBe(false);
	});
});
