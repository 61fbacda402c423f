import { and, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { addDays, type IsoDate } from '../competency/dates';
import type { Db } from '../db';
import { pageWindow } from '../db/page-window';
import { statementsFor } from '../db/prepared';
import { accessLog, people } from '../db/schema';
import { withRequestId } from '../ops/request-context';
import { londonDayStart } from '../../london-time';

/**
 * What the access log records, with the words /admin/audit shows. Reads of personal data go here rather than into
 * the audit chain: there are far more of them than writes, and each chain entry is a keyed hash over the one before.
 */
export const ACCESS_ACTIONS = {
	'record-view': "Viewed a person's training record",
	'record-print': "Opened a person's printable record",
	'record-csv': "Downloaded a person's record as CSV",
	'record-json': "Downloaded a person's record as JSON",
	'person-view': "Opened a person's details (administration)",
	'certificate-download': "Downloaded a person's prior learning certificate",
	'export-matrix-csv': 'Exported the competency matrix as CSV',
	'export-expiring-csv': 'Exported the expiring list as CSV',
	'sign-in-throttled': 'Sign-in refused by the throttle'
} as const;
export type AccessAction = keyof typeof ACCESS_ACTIONS;

export type AccessEntry = { actorId: number | null; action: AccessAction; subjectId?: number | null; detail?: Record<string, unknown>; at?: Date };

/** One insert, no chain, no transaction of its own: cheap enough for every read. */
export function recordAccess(db: object, entry: AccessEntry): void {
	statementsFor(db, 'access-log', (c) => c.prepare('insert into access_log (at, actor_id, action, subject_id, detail) values (?, ?, ?, ?, ?)')).run(
		(entry.at ?? new Date()).getTime(),
		entry.actorId,
		entry.action,
		entry.subjectId ?? null,
		JSON.stringify(withRequestId(entry.detail ?? {}))
	);
}

/** Deletes entries older than `days`, a batch at a time; returns how many. */
export function purgeAccessLog(db: object, days: number, now: Date, batch: number): number {
	const purge = statementsFor(db, 'access-log-purge', (c) => {
		const del = c.prepare('delete from access_log where id in (select id from access_log where at < ? limit ?)');
		return c.transaction((before: number, limit: number) => del.run(before, limit).changes);
	});
	const before = now.getTime() - days * 86_400_000;
	let total = 0;
	for (;;) {
		const deleted = purge(before, batch);
		total += deleted;
		if (deleted < batch) return total;
	}
}

export const ACCESS_PAGE_SIZE = 50;

/** Every field optional; dates are London calendar days, both ends included. */
export type AccessFilter = { action?: string; actor?: string; subject?: string; from?: IsoDate; to?: IsoDate; page?: number };

function likeTerm(text: string) {
	return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** People whose name, email or workforce id contains the text, or whose id it is. */
function peopleMatching(db: Db, text: string) {
	const term = likeTerm(text);
	const byId = /^\d+$/.test(text) ? [eq(people.id, Number(text))] : [];
	return db
		.select({ id: people.id })
		.from(people)
		.where(
			or(
				...byId,
				sql`${people.name} like ${term} escape '\\'`,
				sql`${people.email} like ${term} escape '\\'`,
				sql`${people.workforceId} like ${term} escape '\\'`
			)
		);
}

function conditions(db: Db, f: AccessFilter): SQL | undefined {
	const where: SQL[] = [];
	if (f.action) where.push(eq(accessLog.action, f.action));
	if (f.actor) where.push(inArray(accessLog.actorId, peopleMatching(db, f.actor)));
	if (f.subject) where.push(inArray(accessLog.subjectId, peopleMatching(db, f.subject)));
	if (f.from) where.push(gte(accessLog.at, londonDayStart(f.from)));
	if (f.to) where.push(lt(accessLog.at, londonDayStart(addDays(f.to, 1))));
	return where.length ? and(...where) : undefined;
}

/** One page of the access log, newest first, with the names of who read and whose record; a page past the end shows the last. */
export function browseAccessLog(db: Db, filter: AccessFilter) {
	const where = conditions(db, filter);
	const [{ total }] = db.select({ total: count() }).from(accessLog).where(where).all();
	const { page, pages, offset } = pageWindow(total, filter.page, ACCESS_PAGE_SIZE);
	const actor = alias(people, 'actor');
	const subject = alias(people, 'subject');
	const rows = db
		.select({
			id: accessLog.id,
			at: accessLog.at,
			actorId: accessLog.actorId,
			actorName: actor.name,
			action: accessLog.action,
			subjectId: accessLog.subjectId,
			subjectName: subject.name,
			detail: accessLog.detail
		})
		.from(accessLog)
		.leftJoin(actor, eq(accessLog.actorId, actor.id))
		.leftJoin(subject, eq(accessLog.subjectId, subject.id))
		.where(where)
		.orderBy(desc(accessLog.at), desc(accessLog.id))
		.limit(ACCESS_PAGE_SIZE)
		.offset(offset)
		.all();
	return { rows, total, page, pages };
}

export type AccessRow = ReturnType<typeof browseAccessLog>['rows'][number];

/** The label of an action as stored; an action from a later version shows as it is. */
export function accessActionLabel(action: string): string {
	return (ACCESS_ACTIONS as Record<string, string>)[action] ?? action;
}
