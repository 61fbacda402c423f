import { HMAC } from '@oslojs/crypto/hmac';
import { SHA256, sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type Database from 'better-sqlite3';
import type { Db } from '../db';
import { connectionOf, prepared } from '../db/prepared';
import { auditKeyringFor, type AuditKey } from './keys';
import { withRequestId } from '../ops/request-context';

export type AuditEntry = {
	actorId: number | null;
	action: string;
	entity: string;
	entityId?: string | number | null;
	detail?: Record<string, unknown>;
	at?: Date;
};

/** What the first entry links to. */
export const GENESIS = '0'.repeat(64);

/**
 * The newest entry, read from the end of the table itself. NOT INDEXED because with statistics gathered while the
 * log was small and an index added since, SQLite chose to read the whole log through an index and sort it: 75 ms
 * per write with 270,000 entries, on every write in the app.
 */
export const LAST_ENTRY_SQL = 'select id, hash, key_id as keyId from audit_log not indexed order by id desc limit 1';

/** The id SQLite's AUTOINCREMENT gave out last: higher than the newest entry's only when entries were deleted from the end. */
export const SEQUENCE_SQL = "select seq from sqlite_sequence where name = 'audit_log'";

export type EntryContents = { at: number; actorId: number | null; action: string; entity: string; entityId: string | null; detail: string };

const encoder = new TextEncoder();

/** Entries written before the chain was keyed: a plain SHA-256, which anyone can recompute. Kept to verify them. */
export function unkeyedHash(prevHash: string, row: EntryContents): string {
	const canonical = JSON.stringify([prevHash, row.at, row.actorId, row.action, row.entity, row.entityId, row.detail]);
	return encodeHexLowerCase(sha256(encoder.encode(canonical)));
}

/** A keyed entry: an HMAC over its id (so that it cannot move), the key's id, the link and the contents. */
export function keyedHash(key: AuditKey, id: number, prevHash: string, row: EntryContents): string {
	const canonical = JSON.stringify(['audit-v2', id, key.id, prevHash, row.at, row.actorId, row.action, row.entity, row.entityId, row.detail]);
	const mac = new HMAC(SHA256, key.secret);
	mac.update(encoder.encode(canonical));
	return encodeHexLowerCase(mac.digest());
}

type Last = { id: number; hash: string; keyId: string | null };

function auditStatements(client: Database.Database) {
	return prepared(client, 'audit', () => {
		const last = client.prepare(LAST_ENTRY_SQL);
		const sequence = client.prepare(SEQUENCE_SQL).pluck();
		const insert = client.prepare(
			'insert into audit_log (id, at, actor_id, action, entity, entity_id, detail, prev_hash, hash, key_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
		);
		const append = (key: AuditKey, row: EntryContents) => {
			const previous = last.get() as Last | undefined;
			// The next id AUTOINCREMENT would give, chosen here because the HMAC covers it: after entries were
			// deleted from the end it leaves a gap the verifier reports, rather than quietly filling it.
			const id = Math.max((sequence.get() as number | undefined) ?? 0, previous?.id ?? 0) + 1;
			const prevHash = previous?.hash ?? GENESIS;
			insert.run(id, row.at, row.actorId, row.action, row.entity, row.entityId, row.detail, prevHash, keyedHash(key, id, prevHash, row), key.id);
		};
		// Outside a transaction the read of the newest entry and the insert must still be one step, or two
		// processes could link to the same entry.
		return { last, append, appendAlone: client.transaction(append) };
	});
}

/** Appends one entry; call it inside the transaction of the write it records. */
export function appendAudit(db: Pick<Db, 'select' | 'insert'>, entry: AuditEntry): void {
	const client = connectionOf(db);
	const q = auditStatements(client);
	const row: EntryContents = {
		at: (entry.at ?? new Date()).getTime(),
		actorId: entry.actorId,
		action: entry.action,
		entity: entry.entity,
		entityId: entry.entityId == null ? null : String(entry.entityId),
		// Within a request, its id (as in the request's log line): which request wrote this entry.
		detail: JSON.stringify(withRequestId(entry.detail ?? {}))
	};
	const key = auditKeyringFor(client).current;
	if (client.inTransaction) q.append(key, row);
	else q.appendAlone.immediate(key, row);
}

/** The newest entry's id, hash and key id; undefined for an empty log. */
export function newestAuditEntry(db: object): Last | undefined {
	return auditStatements(connectionOf(db)).last.get() as Last | undefined;
}
