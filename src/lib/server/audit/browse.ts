import { and, asc, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { addDays, type IsoDate } from '../competency/dates';
import type { Db } from '../db';
import { pageWindow } from '../db/page-window';
import { auditLog, people } from '../db/schema';
import { londonDayStart } from '../../london-time';

export const AUDIT_PAGE_SIZE = 50;

/** Every field optional; dates are London calendar days, both ends included. */
export type AuditFilter = {
	action?: string;
	entity?: string;
	/** Only used with `entity`: the (entity, entity_id) index answers the two together. */
	entityId?: string;
	/** Part of the actor's name or email address. */
	actor?: string;
	from?: IsoDate;
	to?: IsoDate;
	page?: number;
};

export type AuditRow = {
	id: number;
	at: Date;
	actorId: number | null;
	actorName: string | null;
	action: string;
	entity: string;
	entityId: string | null;
	detail: string;
};

function likeTerm(text: string) {
	return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function conditions(db: Db, filter: AuditFilter): SQL | undefined {
	const where: SQL[] = [];
	if (filter.action) where.push(eq(auditLog.action, filter.action));
	if (filter.entity) {
		where.push(eq(auditLog.entity, filter.entity));
		if (filter.entityId) where.push(eq(auditLog.entityId, filter.entityId));
	}
	if (filter.actor) {
		const term = likeTerm(filter.actor);
		// people is small next to the log: find the matching ids first, then filter the log by them.
		const actors = db
			.select({ id: people.id })
			.from(people)
			.where(or(sql`${people.name} like ${term} escape '\\'`, sql`${people.email} like ${term} escape '\\'`));
		where.push(inArray(auditLog.actorId, actors));
	}
	if (filter.from) where.push(gte(auditLog.at, londonDayStart(filter.from)));
	if (filter.to) where.push(lt(auditLog.at, londonDayStart(addDays(filter.to, 1))));
	return where.length ? and(...where) : undefined;
}

/** The query for one page, newest first; ordering by `at` then id walks the audit_log_at index without a sort. */
export function auditPageQuery(db: Db, filter: AuditFilter, page: number) {
	return db
		.select({
			id: auditLog.id,
			at: auditLog.at,
			actorId: auditLog.actorId,
			actorName: people.name,
			action: auditLog.action,
			entity: auditLog.entity,
			entityId: auditLog.entityId,
			detail: auditLog.detail
		})
		.from(auditLog)
		.leftJoin(people, eq(auditLog.actorId, people.id))
		.where(conditions(db, filter))
		.orderBy(desc(auditLog.at), desc(auditLog.id))
		.limit(AUDIT_PAGE_SIZE)
		.offset((page - 1) * AUDIT_PAGE_SIZE);
}

/** One page of the log and the count of all that match; a page past the end shows the last page. */
export function browseAudit(db: Db, filter: AuditFilter) {
	const [{ total }] = db.select({ total: count() }).from(auditLog).where(conditions(db, filter)).all();
	const { page, pages } = pageWindow(total, filter.page, AUDIT_PAGE_SIZE);
	const rows: AuditRow[] = auditPageQuery(db, filter, page).all();
	return { rows, total, page, pages };
}

/** The values the action and entity filters offer: only what the log actually holds. */
export function auditFilterChoices(db: Db) {
	return {
		actions: db
			.selectDistinct({ action: auditLog.action })
			.from(auditLog)
			.orderBy(asc(auditLog.action))
			.all()
			.map((r) => r.action),
		// Read from the (entity, entity_id) index alone.
		entities: db
			.selectDistinct({ entity: auditLog.entity })
			.from(auditLog)
			.orderBy(asc(auditLog.entity))
			.all()
			.map((r) => r.entity)
	};
}
