import { describe, expect, it } from 'vitest';
import { testDb } from '$testing/fixtures';
import { auditChainStatus, CHAIN_CHECK_MAX_AGE_MS } from './chain-status';
import { appendAudit } from './log';

describe('the audit page chain status', () => {
	it('reuses a verdict for a minute, then checks again', () => {
		const db = testDb();
		appendAudit(db, { actorId: null, action: 'test', entity: 'thing' });
		const t0 = new Date(Date.UTC(2026, 2, 1, 9));
		expect(auditChainStatus(db, t0)).toMatchObject({ ok: true, entries: 1, checkedAt: t0, checkpointFile: null });

		db.$client.prepare(`update audit_log set detail = '{"changed":true}' where id = 1`).run();
		const soon = new Date(t0.getTime() + CHAIN_CHECK_MAX_AGE_MS - 1);
		expect(auditChainStatus(db, soon)).toMatchObject({ ok: true, checkedAt: t0 });

		const later = new Date(t0.getTime() + CHAIN_CHECK_MAX_AGE_MS);
		expect(auditChainStatus(db, later)).toMatchObject({ ok: false, brokenAt: 1, action: 'test', checkedAt: later });
	});

	it('does not reuse a verdict from another database', () => {
		const now = new Date();
		const first = testDb();
		appendAudit(first, { actorId: null, action: 'test', entity: 'thing' });
		expect(auditChainStatus(first, now).entries).toBe(1);
		expect(auditChainStatus(testDb(), now).entries).toBe(0);
	});
});
