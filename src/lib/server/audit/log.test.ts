import { describe, expect, it } from 'vitest';
import { testDb } from '$testing/fixtures';
import { auditKeyOf, keyring, useAuditKeyring } from './keys';
import { appendAudit, keyedHash, LAST_ENTRY_SQL } from './log';
import { verifyAuditChain } from './verify';

const key = auditKeyOf(new Uint8Array(32).fill(7));

describe('appending to the audit log', () => {
	it('signs each entry with the newest key, over its id, link and contents', () => {
		const db = testDb();
		useAuditKeyring(db.$client, keyring([auditKeyOf(new Uint8Array(32).fill(1)), key], 'test'));
		appendAudit(db, { actorId: 1, action: 'first', entity: 'thing', entityId: 5, detail: { a: 1 }, at: new Date(1000) });
		appendAudit(db, { actorId: null, action: 'second', entity: 'thing' });
		const rows = db.$client
			.prepare(
				'select id, at, actor_id as actorId, action, entity, entity_id as entityId, detail, prev_hash as prevHash, hash, key_id as keyId from audit_log order by id'
			)
			.all() as {
			id: number;
			at: number;
			actorId: number | null;
			action: string;
			entity: string;
			entityId: string | null;
			detail: string;
			prevHash: string;
			hash: string;
			keyId: string;
		}[];
		expect(rows.map((r) => [r.id, r.keyId])).toEqual([
			[1, key.id],
			[2, key.id]
		]);
		expect(rows[0].hash).toBe(keyedHash(key, 1, '0'.repeat(64), rows[0]));
		expect(rows[1].prevHash).toBe(rows[0].hash);
		// The same contents at another id give another MAC: an entry cannot be moved.
		expect(keyedHash(key, 2, '0'.repeat(64), rows[0])).not.toBe(rows[0].hash);
		expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 2, keyedFrom: 1, keyIds: [key.id] });
	});

	it('links entries correctly when called outside a transaction', () => {
		const db = testDb();
		for (let i = 0; i < 3; i++) appendAudit(db, { actorId: null, action: 'alone', entity: 'thing' });
		expect(db.$client.inTransaction).toBe(false);
		expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 3 });
	});

	it('leaves a gap rather than reusing the ids of entries deleted from the end', () => {
		const db = testDb();
		for (let i = 0; i < 4; i++) appendAudit(db, { actorId: null, action: 'test', entity: 'thing' });
		db.$client.prepare('delete from audit_log where id > 2').run();
		appendAudit(db, { actorId: null, action: 'after', entity: 'thing' });
		expect(db.$client.prepare('select id from audit_log order by id').pluck().all()).toEqual([1, 2, 5]);
		expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 5, reason: 'entries #3 to #4 before it are missing' });
	});

	it('finds the newest entry from the end of the table, whatever the statistics say', () => {
		const db = testDb();
		appendAudit(db, { actorId: 1, action: 'first', entity: 'thing' });
		// Statistics gathered while the log was small, then an index added by a later migration: without NOT INDEXED,
		// SQLite plans to read every entry through an index and sort them to find the last.
		db.$client.exec('analyze; create index audit_log_later on audit_log (action)');
		for (let i = 0; i < 50; i++) appendAudit(db, { actorId: 1, action: 'next', entity: 'thing', entityId: i });
		const plan = db.$client.prepare(`explain query plan ${LAST_ENTRY_SQL}`).all() as { detail: string }[];
		expect(plan.map((row) => row.detail)).toEqual(['SCAN audit_log']);
		expect((db.$client.prepare(LAST_ENTRY_SQL).get() as { hash: string }).hash).toBe(
			db.$client.prepare('select hash from audit_log where id = 51').pluck().get()
		);
		expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 51 });
	});
});
