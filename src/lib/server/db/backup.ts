import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveAuditKeys, type AuditKeyring } from '../audit/keys';
import { verifyAuditChain, type ChainCheck } from '../audit/verify';

export class BackupRefused extends Error {}

export type BackupCheck = {
	path: string;
	bytes: number;
	people: number;
	auditEntries: number;
	/** `ok`, or SQLite's list of problems. */
	integrity: string;
	audit: ChainCheck;
	ok: boolean;
};

/** Pages per step: all of them, so a busy server cannot keep restarting the copy between small steps. */
const ALL_PAGES = 0x7fffffff;

/**
 * Copies a database with SQLite's online backup API, safe while the server is writing: the copy is one
 * consistent snapshot. It is written beside the target and renamed into place, so a failed backup never
 * leaves a half-written file under the target's name, and it is switched out of WAL mode so that the
 * backup is one self-contained file. Then the copy is checked.
 */
export async function backupDatabase(sourcePath: string, targetPath: string, { force = false } = {}): Promise<BackupCheck> {
	if (resolve(sourcePath) === resolve(targetPath)) throw new BackupRefused('The backup must go to a different file from the database.');
	if (existsSync(targetPath) && !force) throw new BackupRefused(`${targetPath} already exists: choose another name, or add --force to replace it.`);
	let source: Database.Database;
	try {
		source = new Database(sourcePath, { readonly: true, fileMustExist: true });
	} catch (e) {
		throw new BackupRefused(`Cannot open ${sourcePath} read-only: ${(e as Error).message}`);
	}
	const partial = `${targetPath}.partial`;
	removeFiles(partial, ['', ...SIDECARS]);
	try {
		source.pragma('busy_timeout = 5000');
		await source.backup(partial, { progress: () => ALL_PAGES });
	} catch (e) {
		removeFiles(partial, ['', ...SIDECARS]);
		throw e;
	} finally {
		source.close();
	}
	const copy = new Database(partial);
	copy.pragma('journal_mode = DELETE');
	copy.close();
	// A -wal left from an earlier file of that name would be replayed over the new one when it is opened.
	removeFiles(targetPath, SIDECARS);
	renameSync(partial, targetPath);
	return checkBackup(targetPath, sourceKeys(sourcePath));
}

/** The keys the source's audit chain is signed with; a backup is checked with them (they are not in the backup). */
function sourceKeys(sourcePath: string): AuditKeyring | undefined {
	try {
		return resolveAuditKeys(process.env, sourcePath, { create: false });
	} catch {
		return undefined; // the check then says the keyed entries cannot be checked
	}
}

/**
 * Opens a backup read-only and checks it as a restore would need: SQLite's integrity check and the audit chain
 * (with the source's keys). Not against the checkpoints: later ones record entries the copy rightly lacks.
 */
export function checkBackup(path: string, keyring?: AuditKeyring): BackupCheck {
	const db = new Database(path, { readonly: true, fileMustExist: true });
	try {
		const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
		const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
		const audit = verifyAuditChain({ $client: db }, { keyring });
		return {
			path,
			bytes: statSync(path).size,
			people: count('people'),
			auditEntries: count('audit_log'),
			integrity,
			audit,
			ok: integrity === 'ok' && audit.ok
		};
	} finally {
		db.close();
	}
}

const SIDECARS = ['-wal', '-shm', '-journal'];

function removeFiles(path: string, suffixes: string[]) {
	for (const suffix of suffixes) rmSync(`${path}${suffix}`, { force: true });
}
