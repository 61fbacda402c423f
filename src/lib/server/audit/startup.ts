import type { Db } from '../db';
import { checkpointFileFor, writeCheckpoint } from './checkpoint';
import { auditKeyringFor, AuditKeyError } from './keys';
import { appendAudit, newestAuditEntry } from './log';

/**
 * Readies the audit log when the server starts: resolves the key (a missing or bad key stops the server with a
 * message), records a change of key in the log, and returns the checkpoint task the server runs at start-up and
 * every ten minutes.
 */
export function startAuditLog(db: Db, env: Record<string, string | undefined> = process.env) {
	const ring = auditKeyringFor(db.$client);
	recordKeyInUse(db);
	const file = checkpointFileFor(env, db.$client.name);
	console.log(`Audit log: new entries are signed with key ${ring.current.id} from ${ring.source}; checkpoints go to ${file}.`);
	return {
		checkpointFile: file,
		checkpoint(now = new Date()) {
			const outcome = writeCheckpoint(db.$client, ring, file, now);
			if (outcome.warning) console.error(`AUDIT WARNING: ${outcome.warning}`);
			// Printed as well as written, so that a copy leaves the machine with the server's log.
			if (outcome.line) console.log(`Audit checkpoint: ${outcome.line}`);
			return outcome;
		}
	};
}

/**
 * Writes an `audit-key-change` entry when the newest entry was signed with another key or none: the first keyed
 * entry seals everything written before the chain was keyed, and the log says when each key took over.
 * Refuses a key set that does not hold the newest entry's key, since entries signed with it could not be verified.
 */
export function recordKeyInUse(db: Db): void {
	const ring = auditKeyringFor(db.$client);
	db.transaction((tx) => {
		const newest = newestAuditEntry(tx);
		if (!newest || newest.keyId === ring.current.id) return;
		if (newest.keyId !== null && !ring.keys.some((k) => k.id === newest.keyId))
			throw new AuditKeyError(
				`The newest audit entry (#${newest.id}) is signed with key ${newest.keyId}, which is not among the configured keys (${ring.source}). Put that key back, with any newer one after it (docs/audit.md).`
			);
		const detail =
			newest.keyId === null
				? { key: ring.current.id, seals: `entries #1 to #${newest.id}, written before the chain was keyed` }
				: { from: newest.keyId, to: ring.current.id };
		appendAudit(tx, { actorId: null, action: 'audit-key-change', entity: 'audit', detail });
	});
}
