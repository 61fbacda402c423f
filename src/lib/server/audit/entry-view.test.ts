import { describe, expect, it } from 'vitest';
import { accessEntryView, auditEntryView, logPage } from './entry-view';

const at = new Date('2026-07-01T13:05:09Z');
const audit = { id: 7, at, actorId: 3, actorName: 'Sam Whitfield', action: 'person-update', entity: 'person', entityId: '12', detail: '{"unitId":4}' };
const access = { id: 9, at, actorId: 5, actorName: 'Mark Ellis', action: 'record-csv', subjectId: 12, subjectName: 'Daniel Price', detail: '{}' };

describe('log entries as the table shows them', () => {
	it('writes an audit entry in London time, linking the actor, the record and every entry about it', () => {
		expect(auditEntryView(audit)).toEqual({
			id: 7,
			iso: '2026-07-01T13:05:09.000Z',
			when: '1 Jul 2026, 14:05:09',
			actor: 'Sam Whitfield',
			actorHref: '/admin/people/3',
			action: 'person-update',
			record: { text: 'person #12', href: '/admin/people/12', allEntries: { text: '(all entries for person #12)', href: '?entity=person&entityId=12' } },
			detail: [{ key: 'unitId', value: '4', href: '/admin/units/4' }]
		});
	});

	it('links a record without a page of its own to the entries about it, and names the system and lost people', () => {
		const view = auditEntryView({ ...audit, actorId: null, actorName: null, entity: 'scenario-run', entityId: '40' });
		expect(view.actor).toBe('system');
		expect(view.actorHref).toBeUndefined();
		expect(view.record).toEqual({ text: 'scenario-run #40', href: '?entity=scenario-run&entityId=40' });
		expect(auditEntryView({ ...audit, actorName: null, entityId: null }).actor).toBe('unknown person #3');
		expect(auditEntryView({ ...audit, entity: 'settings', entityId: null }).record).toEqual({ text: 'settings' });
	});

	it('writes a read with its label, whose record it was, and who read it', () => {
		const view = accessEntryView(access);
		expect(view).toMatchObject({
			actor: 'Mark Ellis',
			action: "Downloaded a person's record as CSV",
			record: { text: 'Daniel Price', href: '/admin/people/12' }
		});
		expect(view.actorHref).toBeUndefined();
		expect(accessEntryView({ ...access, actorId: null, actorName: null, subjectId: null, subjectName: null })).toMatchObject({
			actor: 'nobody signed in',
			record: null
		});
		expect(accessEntryView({ ...access, subjectName: null }).record?.text).toBe('unknown person #12');
	});

	it('keeps the page numbers of the result it shows', () => {
		expect(logPage({ rows: [audit], total: 51, page: 2, pages: 2 }, auditEntryView)).toMatchObject({ total: 51, page: 2, pages: 2, rows: [{ id: 7 }] });
	});
});
