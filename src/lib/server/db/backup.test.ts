import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../audit/log';
import { verifyAuditChain } from '../audit/verify';
import { addOrganisation, addPerson, addUnit } from '$testing/fixtures';
import { backupDatabase, BackupRefused } from './backup';
import { openDb, type Db } from './index';

const folder = mkdtempSync(join(tmpdir(), 'db-backup-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A database of a few megabytes, so that copying it takes long enough for the writer to write during it. */
function busyDatabase(name: string, entries = 8000): { path: string; db: Db; personId: number } {
	const path = join(folder, name);
	const db = openDb(path);
	const unit = addUnit(db, addOrganisation(db).id);
	const personId = addPerson(db, unit).id;
	const padding = 'x'.repeat(400);
	db.transaction((tx) => {
		for (let i = 0; i < entries; i++) appendAudit(tx, { actorId: null, action: 'fill', entity: 'test', entityId: i, detail: { padding } });
	});
	return { path, db, personId };
}

/** Starts the writer in its own process and resolves once it has committed its first write. */
function startWriter(path: string, personId: number) {
	const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/busy-writer.ts', path, String(personId)], { stdio: ['pipe', 'pipe', 'inherit'] });
	let out = '';
	const started = new Promise<void>((resolve, reject) => {
		child.stdout.on('data', (chunk) => {
			out += chunk;
			if (out.includes('writing')) resolve();
		});
		child.once('exit', (code) => reject(new Error(`writer exited early (${code}): ${out}`)));
	});
	const stop = () =>
		new Promise<number>((resolve) => {
			child.once('exit', () => resolve(Number(/wrote (\d+)/.exec(out)?.[1] ?? -1)));
			child.stdin.end();
		});
	return { started, stop };
}

const attempts = (db: Db) => db.$client.prepare("select count(*) as n from quiz_attempts where module_slug = 'busy'").get() as { n: number };
const audited = (db: Db) => db.$client.prepare("select count(*) as n from audit_log where action = 'quiz-attempt'").get() as { n: number };

describe('backupDatabase', () => {
	it('copies a database while another process writes to it, and the copy restores to a new path whole', async () => {
		const { path, db, personId } = busyDatabase('live.db');
		const writer = startWriter(path, personId);
		await writer.started;
		const before = attempts(db).n;
		const check = await backupDatabase(path, join(folder, 'backup.db'));
		const during = attempts(db).n;
		const written = await writer.stop();
		expect(during, 'the writer kept writing while the backup was taken').toBeGreaterThan(before);
		expect(written).toBe(attempts(db).n);

		expect(check).toMatchObject({ ok: true, integrity: 'ok', audit: { ok: true }, people: 1 });
		expect(check.bytes).toBeGreaterThan(3_000_000);

		// Restore as the README says: the file alone, at a new path, opened as the server opens it.
		const restoredPath = join(folder, 'restored.db');
		copyFileSync(check.path, restoredPath);
		// The audit key is not in the backup: it is kept beside the database here (AUDIT_KEY_FILE in production).
		copyFileSync(`${path}.audit-key`, `${restoredPath}.audit-key`);
		const restored = openDb(restoredPath);
		expect(restored.$client.pragma('integrity_check', { simple: true })).toBe('ok');
		const chain = verifyAuditChain(restored);
		expect(chain).toMatchObject({ ok: true, entries: check.auditEntries });
		// One consistent moment: every attempt copied has its audit entry, and nothing after the backup is there.
		const copied = attempts(restored).n;
		expect(copied).toBe(audited(restored).n);
		expect(copied).toBeGreaterThanOrEqual(before);
		expect(copied).toBeLessThanOrEqual(during);
		expect(check.auditEntries).toBe(8000 + copied);

		appendAudit(restored, { actorId: null, action: 'restore-drill', entity: 'database' });
		expect(verifyAuditChain(restored)).toMatchObject({ ok: true, entries: check.auditEntries + 1 });
		restored.$client.close();
		db.$client.close();
	});

	it('refuses to overwrite a file unless forced, and then leaves no stale -wal beside the new copy', async () => {
		const { path, db } = busyDatabase('small.db', 10);
		const target = join(folder, 'existing.db');
		writeFileSync(target, 'an older backup');
		await expect(backupDatabase(path, target)).rejects.toThrow(BackupRefused);
		await expect(backupDatabase(path, path, { force: true })).rejects.toThrow(/different file/);

		writeFileSync(`${target}-wal`, 'left over from something else');
		const check = await backupDatabase(path, target, { force: true });
		expect(check.ok).toBe(true);
		expect(existsSync(`${target}-wal`)).toBe(false);
		expect(existsSync(`${target}.partial`)).toBe(false);
		db.$client.close();
	});

	it('refuses a database that does not exist, and creates nothing', async () => {
		const target = join(folder, 'never.db');
		await expect(backupDatabase(join(folder, 'missing.db'), target)).rejects.toThrow(/Cannot open .*missing\.db read-only/);
		expect(existsSync(target)).toBe(false);
		expect(existsSync(join(folder, 'missing.db'))).toBe(false);
	});
});
