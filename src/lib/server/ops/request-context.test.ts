import { describe, expect, it } from 'vitest';
import { testDb } from '$testing/fixtures';
import { appendAudit } from '../audit/log';
import { verifyAuditChain } from '../audit/verify';
import { currentRequestId, runInRequestContext, withRequestId } from './request-context';

describe('request context', () => {
	it('is the request being answered, through awaits, and nothing outside one', async () => {
		expect(currentRequestId()).toBeUndefined();
		const seen = await runInRequestContext({ requestId: 'req-a' }, async () => {
			await new Promise((r) => setTimeout(r, 1));
			return currentRequestId();
		});
		expect(seen).toBe('req-a');
		expect(currentRequestId()).toBeUndefined();
	});

	it('keeps two requests in flight at once apart', async () => {
		const answer = (id: string, ms: number) =>
			runInRequestContext({ requestId: id }, async () => {
				await new Promise((r) => setTimeout(r, ms));
				return currentRequestId();
			});
		expect(await Promise.all([answer('slow', 10), answer('fast', 1)])).toEqual(['slow', 'fast']);
	});

	it('does not overwrite a request id a detail already has', () => {
		runInRequestContext({ requestId: 'req-b' }, () => {
			expect(withRequestId({ via: 'roster-import' })).toEqual({ via: 'roster-import', requestId: 'req-b' });
			expect(withRequestId({ requestId: 'given' })).toEqual({ requestId: 'given' });
		});
	});
});

describe('audit entries', () => {
	it('carry the id of the request that wrote them, inside the hash chain; entries written outside a request do not', () => {
		const db = testDb();
		runInRequestContext({ requestId: 'req-audit-1' }, () =>
			appendAudit(db, { actorId: 1, action: 'person-update', entity: 'person', entityId: 5, detail: { name: 'X' } })
		);
		appendAudit(db, { actorId: null, action: 'retention-purge', entity: 'session', detail: {} });
		const rows = db.$client.prepare('select detail from audit_log order by id').pluck().all() as string[];
		expect(JSON.parse(rows[0])).toEqual({ name: 'X', requestId: 'req-audit-1' });
		expect(JSON.parse(rows[1])).toEqual({});
		expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 2 });
	});
});
