/**
 * One entry of either log an administrator reads (the signed audit chain and the access log) as the shared table
 * shows it: times written here in London time, so the page reads the same wherever it is opened. Pure: no database.
 */
import { formatLondonTime } from '../../london-time';
import { accessActionLabel, type AccessRow } from './access-log';
import type { AuditRow } from './browse';
import { detailLines, recordHref, type DetailLine } from './detail-text';

export type LogEntryView = {
	id: number;
	iso: string;
	when: string;
	actor: string;
	/** The actor's administration page. */
	actorHref?: string;
	action: string;
	/** The record the entry is about: a link to its page where it has one, and to every entry about it. */
	record: { text: string; href?: string; allEntries?: { text: string; href: string } } | null;
	detail: DetailLine[];
};

export type LogPage = { rows: LogEntryView[]; total: number; page: number; pages: number };

const unknownPerson = (id: number) => `unknown person #${id}`;

/** The audit log filtered to one record: what its entity and id link to. */
function entriesAbout(entity: string, entityId: string): string {
	return `?${new URLSearchParams({ entity, entityId })}`;
}

function auditRecord(entity: string, entityId: string | null): LogEntryView['record'] {
	if (!entityId) return { text: entity };
	const text = `${entity} #${entityId}`;
	const page = recordHref(entity, entityId);
	if (!page) return { text, href: entriesAbout(entity, entityId) };
	return { text, href: page, allEntries: { text: `(all entries for ${text})`, href: entriesAbout(entity, entityId) } };
}

/** A change or sign-in from the signed chain; a null actor is the system itself. */
export function auditEntryView(r: AuditRow): LogEntryView {
	return {
		id: r.id,
		iso: r.at.toISOString(),
		when: formatLondonTime(r.at),
		actor: r.actorId === null ? 'system' : (r.actorName ?? unknownPerson(r.actorId)),
		actorHref: r.actorId === null ? undefined : recordHref('person', r.actorId),
		action: r.action,
		record: auditRecord(r.entity, r.entityId),
		detail: detailLines(r.detail)
	};
}

/** A read of personal data; a null actor is a refused sign-in, where nobody was signed in. */
export function accessEntryView(r: AccessRow): LogEntryView {
	return {
		id: r.id,
		iso: r.at.toISOString(),
		when: formatLondonTime(r.at),
		actor: r.actorId === null ? 'nobody signed in' : (r.actorName ?? unknownPerson(r.actorId)),
		action: accessActionLabel(r.action),
		record: r.subjectId === null ? null : { text: r.subjectName ?? unknownPerson(r.subjectId), href: `/admin/people/${r.subjectId}` },
		detail: detailLines(r.detail)
	};
}

/** One page of either log with its rows as the table shows them. */
export function logPage<R>(result: { rows: R[]; total: number; page: number; pages: number }, view: (row: R) => LogEntryView): LogPage {
	return { total: result.total, page: result.page, pages: result.pages, rows: result.rows.map(view) };
}
