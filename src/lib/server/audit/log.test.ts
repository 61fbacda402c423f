import { describe, expect, it } from 'vitest';
import { testDb } from '$testing/fixtures';
import { appendAudit, LAST_ENTRY_SQL, verifyAuditChain } from './log';

describe('audit chain', () => {
	it('verifies an untouched chain and names the first changed entry', () => {
		const db = testDb();
		for (let i = 0; i < 5; i++) appendAudit(db, { actorId: 1, action: 'test', entity: 'thing', entityId: i, detail: { i } });
		expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 5 });
		db.$client.prepare("update audit_log set detail = '{\"i\":99}' where id = 3").run();
		const check = verifyAuditChain(db);
		expect(check).toMatchObject({ ok: false, brokenAt: 3 });
	});

	it('detects a deleted entry by its broken link', () => {
		const db = testDb();
		for (let i = 0; i < 4; i++) appendAudit(db, { actorId: null, action: 'test', entity: 'thing' });
		db.$client.prepare('delete from audit_log where id = 2').run();
		expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/link/) });
	});

	it('says when the broken entry was written and what it recorded', () => {
		const db = testDb();
		const at = new Date(Date.UTC(2026, 0, 5, 8, 30));
		appendAudit(db, { actorId: 1, action: 'first', entity: 'thing', at });
		appendAudit(db, { actorId: 1, action: 'role-grant', entity: 'person', entityId: 7, detail: { role: 'admin' }, at });
		db.$client.prepare("update audit_log set detail = '{\"role\":\"learner\"}' where id = 2").run();
		expect(verifyAuditChain(db)).toEqual({ ok: false, entries: 2, brokenAt: 2, at, action: 'role-grant', reason: 'contents do not match the stored hash' });
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
		expect(db.$client.prepare(LAST_ENTRY_SQL).pluck().get()).toBe(db.$client.prepare('select hash from audit_log where id = 51').pluck().get());
		expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 51 });
	});
});
