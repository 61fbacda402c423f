import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Db } from '../db';
import { statementsFor } from '../db/prepared';
import { withRequestId } from '../ops/request-context';

export type AuditEntry = {
	actorId: number | null;
	action: string;
	entity: string;
	entityId?: string | number | null;
	detail?: Record<string, unknown>;
	at?: Date;
};

const GENESIS = '0'.repeat(64);

/**
 * The newest entry, read from the end of the table itself. NOT INDEXED because with statistics gathered while the
 * log was small and an index added since, SQLite chose to read the whole log through an index and sort it: 75 ms
 * per write with 270,000 entries, on every write in the app.
 */
export const LAST_ENTRY_SQL = 'select hash from audit_log not indexed order by id desc limit 1';

function hashEntry(prevHash: string, row: { at: number; actorId: number | null; action: string; entity: string; entityId: string | null; detail: string }) {
	const canonical = JSON.stringify([prevHash, row.at, row.actorId, row.action, row.entity, row.entityId, row.detail]);
	return encodeHexLowerCase(sha256(new TextEncoder().encode(canonical)));
}

/** Appends one entry; call it inside the transaction of the write it records. */
export function appendAudit(db: Pick<Db, 'select' | 'insert'>, entry: AuditEntry): void {
	// Prepared once per connection: every write in the app comes through here.
	const q = statementsFor(db, 'audit', (c) => ({
		last: c.prepare(LAST_ENTRY_SQL).pluck(),
		insert: c.prepare('insert into audit_log (at, actor_id, action, entity, entity_id, detail, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?)')
	}));
	const prevHash = (q.last.get() as string | undefined) ?? GENESIS;
	const row = {
		at: (entry.at ?? new Date()).getTime(),
		actorId: entry.actorId,
		action: entry.action,
		entity: entry.entity,
		entityId: entry.entityId == null ? null : String(entry.entityId),
		// Within a request, its id (as in the request's log line): which request wrote this entry.
		detail: JSON.stringify(withRequestId(entry.detail ?? {}))
	};
	q.insert.run(row.at, row.actorId, row.action, row.entity, row.entityId, row.detail, prevHash, hashEntry(prevHash, row));
}

/** `brokenAt` is the id of the first entry that fails; `at` and `action` say which entry that is, for people. */
export type ChainCheck =
	| { ok: true; entries: number }
	| { ok: false; entries: number; brokenAt: number; at: Date; action: string; reason: string };

/**
 * Walks the chain in order and names the first entry whose hash or link does not match.
 * Only the raw client is needed, so a read-only connection (scripts/audit-verify.ts) can be checked too.
 */
export function verifyAuditChain(db: Pick<Db, '$client'>): ChainCheck {
	let prevHash = GENESIS;
	let count = 0;
	// Iterate rather than load: the log grows without bound.
	const rows = db.$client
		.prepare('select id, at, actor_id as actorId, action, entity, entity_id as entityId, detail, prev_hash as prevHash, hash from audit_log order by id')
		.iterate() as IterableIterator<{ id: number; at: number; actorId: number | null; action: string; entity: string; entityId: string | null; detail: string; prevHash: string; hash: string }>;
	for (const r of rows) {
		count++;
		if (r.prevHash !== prevHash) return broken(r, count, 'link to the previous entry does not match');
		const expected = hashEntry(prevHash, { at: r.at, actorId: r.actorId, action: r.action, entity: r.entity, entityId: r.entityId, detail: r.detail });
		if (expected !== r.hash) return broken(r, count, 'contents do not match the stored hash');
		prevHash = r.hash;
	}
	return { ok: true, entries: count };
}

function broken(row: { id: number; at: number; action: string }, entries: number, reason: string): ChainCheck {
	return { ok: false, entries, brokenAt: row.id, at: new Date(row.at), action: row.action, reason };
}
