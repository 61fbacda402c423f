import Database from 'better-sqlite3';
import { verifyAuditChain } from './log';

export type FileVerdict = { exitCode: 0 | 1 | 2; message: string };

/**
 * Checks the audit chain of a database file without changing it. openDb is not used on purpose: it creates
 * folders, switches on WAL and applies migrations, and an integrity check must not write to what it checks.
 */
export function verifyAuditFile(path: string): FileVerdict {
	let client: Database.Database;
	try {
		client = new Database(path, { readonly: true, fileMustExist: true });
	} catch (e) {
		return { exitCode: 2, message: `Cannot open ${path} read-only: ${(e as Error).message}` };
	}
	try {
		client.pragma('busy_timeout = 5000'); // the server may be writing at the same moment
		const table = client.prepare("select 1 from sqlite_master where type = 'table' and name = 'audit_log'").get();
		if (!table) return { exitCode: 2, message: `${path} has no audit_log table: is it the academy database, and migrated?` };
		const check = verifyAuditChain({ $client: client });
		if (check.ok) return { exitCode: 0, message: `Audit chain verified: ${check.entries} entries` };
		// ISO time in UTC: unambiguous when compared with server and proxy logs.
		return {
			exitCode: 1,
			message: `Audit chain BROKEN at entry #${check.brokenAt} (${check.at.toISOString()}, ${check.action}): ${check.reason}`
		};
	} finally {
		client.close();
	}
}
