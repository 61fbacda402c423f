import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../src/lib/server/audit/log';
import { openDb } from '../src/lib/server/db';

// Run the real script the way `npm run db:backup -- <file>` does: node, tsx's command line, the script.
const tsxCli = join(createRequire(import.meta.url).resolve('tsx/package.json'), '..', 'dist', 'cli.mjs');
const folder = mkdtempSync(join(tmpdir(), 'db-backup-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function runScript(databasePath: string, ...args: string[]) {
	const run = spawnSync(process.execPath, [tsxCli, 'scripts/db-backup.ts', ...args], {
		env: { ...process.env, DATABASE_PATH: databasePath },
		encoding: 'utf8'
	});
	return { status: run.status, out: run.stdout.trim(), err: run.stderr.trim() };
}

describe('npm run db:backup', () => {
	it('prints the size, the entries and both checks; refuses to overwrite; replaces with --force', () => {
		const source = join(folder, 'academy.db');
		const db = openDb(source);
		for (let i = 0; i < 3; i++) appendAudit(db, { actorId: null, action: 'test', entity: 'thing', entityId: i });
		db.$client.close();
		const target = join(folder, 'backup.db');

		const first = runScript(source, target);
		expect(first.status).toBe(0);
		expect(first.out).toContain(`Backed up ${source} to ${target}`);
		expect(first.out).toMatch(/size: [\d.]+ MB \([\d,]+ bytes\)/);
		expect(first.out).toContain('entries: 3 audit entries, 0 people');
		expect(first.out).toContain('integrity_check: ok');
		expect(first.out).toContain('audit chain: verified, 3 entries');

		expect(runScript(source, target)).toMatchObject({ status: 2, err: `${target} already exists: choose another name, or add --force to replace it.` });
		expect(runScript(source, target, '--force').status).toBe(0);
	});

	it('exits 2 with a usage line when no file is named', () => {
		const run = runScript(join(folder, 'academy.db'));
		expect(run.status).toBe(2);
		expect(run.err).toContain('Usage: npm run db:backup -- <backup file> [--force]');
	});
});
