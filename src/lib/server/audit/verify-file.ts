import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { checkpointFileFor, readCheckpointFile, type CheckpointRead } from './checkpoint';
import { auditKeysFromFile, AuditKeyError, useAuditKeyring } from './keys';
import { verifyAuditChain, type ChainCheck } from './verify';

export type FileVerdict = { exitCode: 0 | 1 | 2; message: string };

export type VerifyFileOptions = {
	/** A file of keys, oldest first; by default AUDIT_KEY, AUDIT_KEY_FILE or the key file beside the database. */
	keyFile?: string;
	/** Files holding checkpoint lines (the checkpoint file, or a copy of the server's log); by default AUDIT_CHECKPOINT_FILE or the file beside the database, when it exists. */
	checkpointFiles?: string[];
	noCheckpoints?: boolean;
	allowUnkeyed?: boolean;
	env?: Record<string, string | undefined>;
};

/** One line for people and for logs. ISO times in UTC: unambiguous beside server and proxy logs. */
export function describeChainProblem(check: Extract<ChainCheck, { ok: false }>): string {
	const where = check.brokenAt !== null ? ` at entry #${check.brokenAt} (${check.at!.toISOString()}, ${check.action})` : '';
	return `${check.unverifiable ? 'Audit chain CANNOT BE CHECKED' : 'Audit chain BROKEN'}${where}: ${check.reason}`;
}

function checkpointsFrom(paths: string[]): CheckpointRead | string {
	const all: CheckpointRead = { checkpoints: [], problems: [] };
	for (const path of paths) {
		try {
			const read = readCheckpointFile(path);
			all.checkpoints.push(...read.checkpoints);
			all.problems.push(...read.problems);
		} catch (e) {
			return `Cannot read the checkpoints in ${path}: ${(e as Error).message}`;
		}
	}
	return all;
}

/**
 * Checks the audit chain of a database file without changing it. openDb is not used on purpose: it creates
 * folders, switches on WAL and applies migrations, and an integrity check must not write to what it checks.
 */
export function verifyAuditFile(path: string, options: VerifyFileOptions = {}): FileVerdict {
	const env = options.env ?? process.env;
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
		if (options.keyFile) {
			try {
				useAuditKeyring(client, auditKeysFromFile(options.keyFile));
			} catch (e) {
				return { exitCode: 2, message: e instanceof AuditKeyError ? e.message : `Cannot read ${options.keyFile}: ${(e as Error).message}` };
			}
		}
		const defaultFile = checkpointFileFor(env, path);
		const files = options.noCheckpoints ? [] : (options.checkpointFiles ?? (existsSync(defaultFile) ? [defaultFile] : []));
		const checkpoints = files.length ? checkpointsFrom(files) : undefined;
		if (typeof checkpoints === 'string') return { exitCode: 2, message: checkpoints };
		const check = verifyAuditChain({ $client: client }, { checkpoints, allowUnkeyed: options.allowUnkeyed });
		if (!check.ok) return { exitCode: check.unverifiable ? 2 : 1, message: describeChainProblem(check) };
		const keyed =
			check.keyedFrom === null
				? 'no entry is keyed'
				: check.keyedFrom === 1
					? `every entry keyed (keys ${check.keyIds.join(', ')})`
					: `keyed from entry #${check.keyedFrom} (keys ${check.keyIds.join(', ')}), which seals the ${check.keyedFrom - 1} written before`;
		const lines = [`Audit chain verified: ${check.entries} entries, ${keyed}; ${check.evidenceRows} evidence rows match the entries that recorded them`];
		if (!check.checkpoints)
			lines.push(`No checkpoints given (${defaultFile} does not exist): entries deleted from the end of the log would not show. Give them with --checkpoints.`);
		else if (!check.checkpoints.newest) lines.push(`Checkpoints: ${files.join(', ')} holds none yet.`);
		else
			lines.push(
				`Checkpoints: ${check.checkpoints.matched} matched in ${files.join(', ')}; the newest, of ${check.checkpoints.newest.at.toISOString()}, at entry #${check.checkpoints.newest.lastId}.`
			);
		return { exitCode: 0, message: lines.join('\n') };
	} finally {
		client.close();
	}
}
