import { describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { AUDIT_PAGE_SIZE, auditFilterChoices, auditPageQuery, browseAudit, type AuditFilter } from './browse';
import { appendAudit } from './log';

function setUp() {
	const db = testDb();
	const unit = addUnit(db, addOrganisation(db).id);
	const amira = addPerson(db, unit, { name: 'Amira Okafor', email: 'amira.okafor@met.test' });
	const ben = addPerson(db, unit, { name: 'Ben 100%_Smith', email: 'ben@nhs.test' });
	return { db, amira, ben };
}

const utc = (iso: string) => new Date(iso);

function plan(db: Db, filter: AuditFilter) {
	const { sql, params } = auditPageQuery(db, filter, 1).toSQL();
	return (db.$client.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
}

describe('browsing the audit log', () => {
	it('lists newest first with the actor name, or none for the system', () => {
		const { db, amira } = setUp();
		appendAudit(db, { actorId: amira.id, action: 'sign-in', entity: 'person', entityId: amira.id, at: utc('2026-03-01T09:00:00Z') });
		appendAudit(db, { actorId: null, action: 'demo-seed', entity: 'database', at: utc('2026-03-02T09:00:00Z') });
		appendAudit(db, { actorId: amira.id, action: 'person-update', entity: 'person', entityId: 5, detail: { name: 'X' }, at: utc('2026-03-02T09:00:00Z') });
		const result = browseAudit(db, {});
		expect(result).toMatchObject({ total: 3, page: 1, pages: 1 });
		// Same time: the later id first.
		expect(result.rows.map((r) => [r.id, r.action, r.actorName])).toEqual([
			[3, 'person-update', 'Amira Okafor'],
			[2, 'demo-seed', null],
			[1, 'sign-in', 'Amira Okafor']
		]);
		expect(result.rows[0]).toMatchObject({ entity: 'person', entityId: '5', detail: '{"name":"X"}', at: utc('2026-03-02T09:00:00Z') });
	});

	it('pages by 50 and shows the last page for a page past the end', () => {
		const { db } = setUp();
		const start = Date.UTC(2026, 0, 1);
		for (let i = 0; i < AUDIT_PAGE_SIZE * 2 + 3; i++)
			appendAudit(db, { actorId: null, action: 'test', entity: 'thing', entityId: i, at: new Date(start + i * 60_000) });
		const first = browseAudit(db, {});
		expect(first).toMatchObject({ total: 103, page: 1, pages: 3 });
		expect(first.rows).toHaveLength(50);
		expect(first.rows[0].entityId).toBe('102');
		const third = browseAudit(db, { page: 3 });
		expect(third.rows.map((r) => r.entityId)).toEqual(['2', '1', '0']);
		expect(browseAudit(db, { page: 99 })).toMatchObject({ page: 3, pages: 3 });
	});

	it('filters by action, by entity and by entity with its id', () => {
		const { db } = setUp();
		appendAudit(db, { actorId: null, action: 'person-update', entity: 'person', entityId: 1 });
		appendAudit(db, { actorId: null, action: 'person-update', entity: 'person', entityId: 2 });
		appendAudit(db, { actorId: null, action: 'unit-update', entity: 'unit', entityId: 1 });
		expect(browseAudit(db, { action: 'person-update' }).total).toBe(2);
		expect(browseAudit(db, { entity: 'unit' }).rows.map((r) => r.action)).toEqual(['unit-update']);
		expect(browseAudit(db, { entity: 'person', entityId: '2' }).rows.map((r) => r.entityId)).toEqual(['2']);
		expect(browseAudit(db, { action: 'no-such-action' })).toMatchObject({ total: 0, rows: [], page: 1, pages: 1 });
	});

	it('finds the actor by part of their name or email, treating % and _ literally', () => {
		const { db, amira, ben } = setUp();
		appendAudit(db, { actorId: amira.id, action: 'a', entity: 'thing' });
		appendAudit(db, { actorId: ben.id, action: 'b', entity: 'thing' });
		appendAudit(db, { actorId: null, action: 'c', entity: 'thing' });
		expect(browseAudit(db, { actor: 'okafor' }).rows.map((r) => r.action)).toEqual(['a']);
		expect(browseAudit(db, { actor: 'NHS.TEST' }).rows.map((r) => r.action)).toEqual(['b']);
		expect(browseAudit(db, { actor: '100%_' }).rows.map((r) => r.action)).toEqual(['b']);
		expect(browseAudit(db, { actor: '%' }).rows.map((r) => r.action)).toEqual(['b']);
		expect(browseAudit(db, { actor: 'o_a' }).total).toBe(0); // as a wildcard it would match "Okafor"
		expect(browseAudit(db, { actor: 'nobody' }).total).toBe(0);
	});

	it('takes from and to as whole London days, in summer time and in winter', () => {
		const { db } = setUp();
		// 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
		appendAudit(db, { actorId: null, action: 'june-utc-july-london', entity: 'thing', at: utc('2026-06-30T23:30:00Z') });
		appendAudit(db, { actorId: null, action: 'july-late', entity: 'thing', at: utc('2026-07-01T22:59:59Z') });
		appendAudit(db, { actorId: null, action: 'july-2-london', entity: 'thing', at: utc('2026-07-01T23:00:00Z') });
		appendAudit(db, { actorId: null, action: 'december', entity: 'thing', at: utc('2026-12-01T23:30:00Z') });
		const actions = (f: AuditFilter) => browseAudit(db, f).rows.map((r) => r.action);
		expect(actions({ from: '2026-07-01', to: '2026-07-01' })).toEqual(['july-late', 'june-utc-july-london']);
		expect(actions({ to: '2026-06-30' })).toEqual([]);
		expect(actions({ from: '2026-07-02' })).toEqual(['december', 'july-2-london']);
		expect(actions({ from: '2026-12-01', to: '2026-12-01' })).toEqual(['december']);
	});

	it('offers only the actions and entities the log holds, sorted', () => {
		const { db } = setUp();
		appendAudit(db, { actorId: null, action: 'unit-update', entity: 'unit' });
		appendAudit(db, { actorId: null, action: 'sign-in', entity: 'person' });
		appendAudit(db, { actorId: null, action: 'sign-in', entity: 'person' });
		expect(auditFilterChoices(db)).toEqual({ actions: ['sign-in', 'unit-update'], entities: ['person', 'unit'] });
	});

	it('reads pages from the indexes rather than sorting the whole log', () => {
		const { db } = setUp();
		const unfiltered = plan(db, {});
		expect(unfiltered).toMatch(/audit_log_at/);
		expect(unfiltered).not.toMatch(/TEMP B-TREE/);
		expect(plan(db, { from: '2026-01-01', to: '2026-01-31' })).toMatch(/audit_log_at/);
		expect(plan(db, { entity: 'person', entityId: '7' })).toContain('USING INDEX audit_log_entity (entity=? AND entity_id=?)');
	});
});
