import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { appendAudit } from '../src/lib/server/audit/log';
import { startAuditLog } from '../src/lib/server/audit/startup';
import { openDb } from '../src/lib/server/db';

// Run the real script the way `npm run audit:verify` does: node, tsx's command line, the script.
const tsxCli = join(createRequire(import.meta.url).resolve('tsx/package.json'), '..', 'dist', 'cli.mjs');
const folder = mkdtempSync(join(tmpdir(), 'audit-verify-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function runScript(databasePath: string, ...args: string[]) {
	const env: Record<string, string | undefined> = { ...process.env, DATABASE_PATH: databasePath };
	delete env.AUDIT_KEY;
	delete env.AUDIT_KEY_FILE;
	delete env.AUDIT_CHECKPOINT_FILE;
	const run = spawnSync(process.execPath, [tsxCli, 'scripts/audit-verify.ts', ...args], { env, encoding: 'utf8' });
	return { status: run.status, out: run.stdout.trim(), err: run.stderr.trim() };
}

function databaseWithEntries(name: string, n: number) {
	const path = join(folder, name);
	const db = openDb(path);
	for (let i = 1; i <= n; i++) {
		appendAudit(db, {
			actorId: null,
			action: i === 3 ? 'person-update' : 'test',
			entity: 'thing',
			entityId: i,
			detail: { i },
			at: new Date(Date.UTC(2026, 2, i, 9))
		});
	}
	return { path, db };
}

// Each run starts node and tsx afresh: seconds each on a busy machine.
describe('npm run audit:verify', { timeout: 120_000 }, () => {
	it('exits 0 and says what it checked when the chain is intact, then 1 naming the entry whose detail was changed', () => {
		const { path, db } = databaseWithEntries('good.db', 5);
		const good = runScript(path);
		expect(good.status).toBe(0);
		expect(good.out).toMatch(
			/^Audit chain verified: 5 entries, every entry keyed \(keys [0-9a-f]{16}\); 0 evidence rows match the entries that recorded them\n/
		);
		expect(good.out).toContain('No checkpoints given');

		db.$client.prepare(`update audit_log set detail = '{"i":99}' where id = 3`).run();
		db.$client.close();
		const broken = runScript(path);
		expect(broken.status).toBe(1);
		expect(broken.err).toBe('Audit chain BROKEN at entry #3 (2026-03-03T09:00:00.000Z, person-update): contents do not match the stored HMAC');
	});

	it('uses the key file given, and exits 2 when it holds no key for the entries', () => {
		const { path, db } = databaseWithEntries('keys.db', 2);
		db.$client.close();
		const moved = join(folder, 'elsewhere.key');
		writeFileSync(moved, readFileSync(`${path}.audit-key`));
		rmSync(`${path}.audit-key`);
		expect(runScript(path)).toMatchObject({
			status: 2,
			err: expect.stringMatching(/^Audit chain CANNOT BE CHECKED at entry #1 .*there is no key to check it with: No audit key/)
		});
		expect(runScript(path, '--key-file', moved).status).toBe(0);
		const other = join(folder, 'other.key');
		writeFileSync(other, `${'ab'.repeat(32)}\n`);
		expect(runScript(path, '--key-file', other)).toMatchObject({ status: 2, err: expect.stringContaining('which is not among the keys given') });
	});

	it('compares with the checkpoints beside the database, or those given, and finds the newest entries deleted', () => {
		const path = join(folder, 'checkpointed.db');
		const db = openDb(path);
		const log = vi.spyOn(console, 'log').mockImplementation(() => {});
		const audit = startAuditLog(db, {});
		for (let i = 0; i < 60; i++) appendAudit(db, { actorId: null, action: 'test', entity: 'thing', entityId: i });
		audit.checkpoint(new Date(Date.UTC(2026, 2, 1, 10)));
		log.mockRestore();
		expect(runScript(path).out).toMatch(
			/Checkpoints: 1 matched in .*checkpointed\.db\.audit-checkpoints; the newest, of 2026-03-01T10:00:00.000Z, at entry #60\./
		);

		// The tester's attack: the newest 50 entries deleted, and the id counter put back to hide it.
		db.$client.prepare('delete from audit_log where id > 10').run();
		db.$client.prepare("update sqlite_sequence set seq = 10 where name = 'audit_log'").run();
		db.$client.close();
		const run = runScript(path);
		expect(run.status).toBe(1);
		expect(run.err).toMatch(
			/^Audit chain BROKEN: the log ends at entry #10, but the checkpoint of 2026-03-01T10:00:00.000Z \(.*line 1\) recorded 60 entries up to #60: entries were deleted from the end$/
		);
		// The same lines in a copy of the server's log, shipped elsewhere, do as well.
		const shipped = join(folder, 'server.log');
		appendFileSync(shipped, `Listening on 3000\nAudit checkpoint: ${readFileSync(`${path}.audit-checkpoints`, 'utf8')}`);
		expect(runScript(path, '--checkpoints', shipped).status).toBe(1);
		expect(runScript(path, '--no-checkpoints').status).toBe(0);
		expect(runScript(path, '--checkpoints', join(folder, 'missing.log'))).toMatchObject({
			status: 2,
			err: expect.stringMatching(/^Cannot read the checkpoints in/)
		});
	});

	it('exits 2 for a missing file and does not create it', () => {
		const path = join(folder, 'missing.db');
		const run = runScript(path);
		expect(run.status).toBe(2);
		expect(run.err).toMatch(/Cannot open .*missing\.db read-only/);
		expect(existsSync(path)).toBe(false);
		expect(existsSync(`${path}.audit-key`)).toBe(false);
	});
});
