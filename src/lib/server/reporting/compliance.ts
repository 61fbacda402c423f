import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PeopleScope } from '../access/policy';
import type { Db } from '../db';
import { pageWindow } from '../db/page-window';
import { statementsFor } from '../db/prepared';
import { cachedRead } from '../db/read-cache';
import { competencyCycles, competencyStatus, people, statusCounts, trendCompetencyCounts, trendCounts, units } from '../db/schema';
import { scopeCondition, scopeParameterCondition, scopeParameters } from '../access/scope-sql';
import { statusFor, type CompetencyStatus, type ExpiryWindow } from '../competency/status-rule';
import { ensureAggregates } from './aggregates';
import { addDays, type IsoDate } from '../competency/dates';
import { countExpiringWithinSql, countWithStatusSql, statusSql } from './status-sql';
import { trendDates } from './trend-dates';
import { sessionCondition } from './session-filter';
import type { SessionFilter } from '../../session-filter-labels';

/** The scope over an aggregate table's organisation and unit columns. */
const aggregateScope = (scope: Exclude<PeopleScope, { kind: 'self' }>, table: typeof statusCounts | typeof trendCounts | typeof trendCompetencyCounts) =>
	scopeCondition(scope, { organisationId: table.organisationId, unitId: table.unitId });

export type Counts = { required: number; current: number; dueSoon: number; expired: number; notAchieved: number; overdue: number };
const empty = (): Counts => ({ required: 0, current: 0, dueSoon: 0, expired: 0, notAchieved: 0, overdue: 0 });
function add(into: Counts, from: Counts) {
	into.required += from.required;
	into.current += from.current;
	into.dueSoon += from.dueSoon;
	into.expired += from.expired;
	into.notAchieved += from.notAchieved;
	into.overdue += from.overdue;
}
/** In date: current or due soon. */
export const shareCurrent = (c: Counts) => (c.required ? (c.current + c.dueSoon) / c.required : 0);

/** Counts by competency, unit and job role for a scope: from the aggregates, or counted directly for one person. */
function summaryRows(db: Db, scope: PeopleScope, today: IsoDate): (Counts & { competencyId: string; unitId: number; jobRole: string })[] {
	// The aggregates count whole units: one person's own scope is counted directly.
	if (scope.kind !== 'self') {
		const where = aggregateScope(scope, statusCounts);
		ensureAggregates(db, today);
		return db
			.select({
				competencyId: statusCounts.competencyId,
				unitId: statusCounts.unitId,
				jobRole: statusCounts.jobRole,
				required: sql<number>`sum(${statusCounts.required})`,
				current: sql<number>`sum(${countWithStatusSql('current')})`,
				dueSoon: sql<number>`sum(${countWithStatusSql('due-soon')})`,
				expired: sql<number>`sum(${countWithStatusSql('expired')})`,
				notAchieved: sql<number>`sum(${statusCounts.notAchieved})`,
				overdue: sql<number>`sum(${statusCounts.overdue})`
			})
			.from(statusCounts)
			.where(and(sql`${statusCounts.required} > 0`, where))
			.groupBy(statusCounts.competencyId, statusCounts.unitId, statusCounts.jobRole)
			.all();
	}
	const s = statusSql(today);
	return db
		.select({
			competencyId: competencyStatus.competencyId,
			unitId: people.unitId,
			jobRole: people.jobRole,
			required: sql<number>`count(*)`,
			current: sql<number>`sum(${s} = 'current')`,
			dueSoon: sql<number>`sum(${s} = 'due-soon')`,
			expired: sql<number>`sum(${s} = 'expired')`,
			notAchieved: sql<number>`sum(${s} = 'not-achieved')`,
			overdue: sql<number>`sum(${s} = 'overdue')`
		})
		.from(competencyStatus)
		.innerJoin(people, eq(people.id, competencyStatus.personId))
		.where(and(eq(people.status, 'active'), scopeCondition(scope)))
		.groupBy(competencyStatus.competencyId, people.unitId, people.jobRole)
		.all();
}

/**
 * Counts by competency, unit and job role (from the aggregates: a millisecond for 45,000 people); the
 * by-competency, by-unit and by-role views are sums of its rows.
 */
export function complianceSummary(db: Db, scope: PeopleScope, today: IsoDate) {
	return cachedRead(db, `summary|${JSON.stringify(scope)}|${today}`, () => summarise(summaryRows(db, scope, today)));
}

function summarise(rows: ReturnType<typeof summaryRows>) {
	const byCompetency = new Map<string, Counts>();
	const byUnit = new Map<number, Map<string, Counts>>();
	const byRole = new Map<string, Map<string, Counts>>();
	const bucket = <K>(m: Map<K, Map<string, Counts>>, k: K, c: string) => {
		if (!m.has(k)) m.set(k, new Map());
		const inner = m.get(k)!;
		if (!inner.has(c)) inner.set(c, empty());
		return inner.get(c)!;
	};
	for (const r of rows) {
		if (!byCompetency.has(r.competencyId)) byCompetency.set(r.competencyId, empty());
		add(byCompetency.get(r.competencyId)!, r);
		add(bucket(byUnit, r.unitId, r.competencyId), r);
		add(bucket(byRole, r.jobRole, r.competencyId), r);
	}
	return { byCompetency, byUnit, byRole };
}

type ExpiringRow = {
	personId: number;
	name: string;
	workforceId: string;
	jobRole: string;
	unitName: string;
	competencyId: string;
	expiresOn: string | null;
	status: CompetencyStatus;
};

/**
 * A page of the expiring list for a large scope, read in expiry order: the first statuses by expiry (a prefix of
 * the index) are joined to their people and filtered to the scope, and the prefix is doubled until it holds the
 * whole page and every status sharing the last one's expiry date (the list breaks ties by name). Joining the full
 * range instead makes SQLite build a filter over every person first, which took most of the time.
 */
export function expiringInExpiryOrder(
	db: Db,
	scope: Exclude<PeopleScope, { kind: 'self' }>,
	today: IsoDate,
	until: IsoDate,
	pageSize: number,
	offset: number,
	/** Statuses to read at first; tests start small to exercise the doubling. */
	firstPrefix = 2000,
	/** Only expiries after this day (the due list starts after today); by default, every one. */
	after: IsoDate = '0000-01-01'
): ExpiringRow[] {
	const q = statementsFor(db, 'expiring-in-expiry-order', (c) => ({
		page: c.prepare(
			`select p.id as personId, p.name, p.workforce_id as workforceId, p.job_role as jobRole, u.name as unitName, s.competency_id as competencyId, s.expires_on as expiresOn
			 from (select person_id, competency_id, expires_on from competency_status where expires_on > @after and expires_on <= @until order by expires_on limit @prefix) s
			 join people p on p.id = s.person_id join units u on u.id = p.unit_id
			 where p.status = 'active' and ${scopeParameterCondition('p.organisation_id', 'p.unit_id')}
			 order by s.expires_on, p.name, s.competency_id limit @size offset @offset`
		),
		prefix: c.prepare(
			'select count(*) as n, max(expires_on) as last from (select expires_on from competency_status where expires_on > @after and expires_on <= @until order by expires_on limit @prefix)'
		)
	}));
	const params = { until, after, ...scopeParameters(scope), size: pageSize, offset };
	for (let prefix = Math.max(firstPrefix, (offset + pageSize) * 4); ; prefix *= 2) {
		const rows = q.page.all({ ...params, prefix }) as Omit<ExpiringRow, 'status'>[];
		const { n, last } = q.prefix.get({ until, after, prefix }) as { n: number; last: string | null };
		const exhausted = n < prefix;
		if (exhausted || (rows.length === pageSize && rows[rows.length - 1].expiresOn! < last!)) {
			return rows.map((r) => ({ ...r, status: statusFor(r.expiresOn, today) }));
		}
	}
}

/** Expired, or expiring within the window (or only one of the two), from the aggregates; null for one person's own scope. */
function expiringTotal(db: Db, scope: PeopleScope, today: IsoDate, within: ExpiryWindow, only?: ExpiringOnly): number | null {
	if (scope.kind === 'self') return null;
	ensureAggregates(db, today);
	const counted =
		only === 'expired'
			? countWithStatusSql('expired')
			: only === 'due'
				? sql`(${countExpiringWithinSql(within)} - ${countWithStatusSql('expired')})`
				: countExpiringWithinSql(within);
	return db
		.select({ n: sql<number>`coalesce(sum(${counted}), 0)` })
		.from(statusCounts)
		.where(aggregateScope(scope, statusCounts))
		.get()!.n;
}

/** Only what has expired (on or before today), or only what is due within the window (after today). */
export type ExpiringOnly = 'expired' | 'due';
export type ExpiringFilter = { within: ExpiryWindow; page: number; pageSize?: number; only?: ExpiringOnly };

/** People expired, or expiring within the window, on any competency, in expiry order: the longest lapsed, then the soonest due. */
export function expiringList(db: Db, scope: PeopleScope, today: IsoDate, filter: ExpiringFilter) {
	return cachedRead(db, `expiring|${JSON.stringify(scope)}|${today}|${JSON.stringify(filter)}`, () => expiringPage(db, scope, today, filter));
}

function expiringPage(db: Db, scope: PeopleScope, today: IsoDate, filter: ExpiringFilter) {
	const until = filter.only === 'expired' ? today : addDays(today, filter.within);
	const after = filter.only === 'due' ? today : '0000-01-01';
	const expiring = sql`${competencyStatus.expiresOn} > ${after} and ${competencyStatus.expiresOn} <= ${until}`;
	const where = and(eq(people.status, 'active'), scopeCondition(scope), expiring);
	const pageSize = filter.pageSize ?? 50;
	const total =
		expiringTotal(db, scope, today, filter.within, filter.only) ??
		db
			.select({ n: sql<number>`count(*)` })
			.from(competencyStatus)
			.innerJoin(people, eq(people.id, competencyStatus.personId))
			.where(where)
			.get()!.n;
	const { page, pages, offset } = pageWindow(total, filter.page, pageSize);
	// SQLite cannot see how many people a scope holds, so it always starts from the people and sorts all of a
	// whole force's statuses. For a large scope (the aggregates say how large) walking the statuses in expiry
	// order and stopping at the page is far quicker.
	const everywhere = expiringTotal(db, { kind: 'all' }, today, filter.within, filter.only);
	const large = scope.kind !== 'self' && (scope.kind === 'all' || (everywhere !== null && total * 20 >= everywhere));
	const rows = large
		? expiringInExpiryOrder(db, scope, today, until, pageSize, offset, undefined, after)
		: db
				.select({
					personId: people.id,
					name: people.name,
					workforceId: people.workforceId,
					jobRole: people.jobRole,
					unitName: units.name,
					competencyId: competencyStatus.competencyId,
					expiresOn: competencyStatus.expiresOn,
					status: statusSql(today)
				})
				.from(competencyStatus)
				.innerJoin(people, eq(people.id, competencyStatus.personId))
				.innerJoin(units, eq(units.id, people.unitId))
				.where(where)
				.orderBy(asc(competencyStatus.expiresOn), asc(people.name), asc(competencyStatus.competencyId))
				.limit(pageSize)
				.offset(offset)
				.all();
	return { rows, total, page, pages };
}

export { trendDates };

/**
 * Share of required competencies in date at each point, from the stored cycles. People count while they were
 * in post (started, not yet left). Requirements are those of each person's current job role. Read from the
 * trend aggregates, which hold exactly these counts by date and unit (and by competency, for one competency).
 */
export function complianceTrend(db: Db, scope: PeopleScope, today: IsoDate, competencyId?: string) {
	return cachedRead(db, `trend|${JSON.stringify(scope)}|${today}|${competencyId ?? ''}`, () => trendPoints(db, scope, today, competencyId));
}

function trendPoints(db: Db, scope: PeopleScope, today: IsoDate, competencyId: string | undefined) {
	if (scope.kind === 'self') return complianceTrendDirect(db, scope, today, competencyId);
	ensureAggregates(db, today);
	const rows = competencyId
		? db
				.select({
					date: trendCompetencyCounts.date,
					required: sql<number>`sum(${trendCompetencyCounts.required})`,
					current: sql<number>`sum(${trendCompetencyCounts.current})`
				})
				.from(trendCompetencyCounts)
				.where(and(eq(trendCompetencyCounts.competencyId, competencyId), aggregateScope(scope, trendCompetencyCounts)))
				.groupBy(trendCompetencyCounts.date)
				.all()
		: db
				.select({ date: trendCounts.date, required: sql<number>`sum(${trendCounts.required})`, current: sql<number>`sum(${trendCounts.current})` })
				.from(trendCounts)
				.where(aggregateScope(scope, trendCounts))
				.groupBy(trendCounts.date)
				.all();
	const byDate = new Map(rows.map((r) => [r.date, r]));
	return trendDates(today).map((date) => {
		const required = byDate.get(date)?.required ?? 0;
		const current = byDate.get(date)?.current ?? 0;
		return { date, required, current, share: required ? current / required : 0 };
	});
}

/** The same counts straight from statuses and cycles: for one person's own scope. */
function complianceTrendDirect(db: Db, scope: PeopleScope, today: IsoDate, competencyId: string | undefined) {
	const inScope = and(scopeCondition(scope), competencyId ? eq(competencyStatus.competencyId, competencyId) : undefined);
	return trendDates(today).map((date) => {
		const inPost = and(inScope, sql`${people.startDate} <= ${date}`, sql`(${people.leftDate} is null or ${people.leftDate} > ${date})`);
		const required = db
			.select({ n: sql<number>`count(*)` })
			.from(competencyStatus)
			.innerJoin(people, eq(people.id, competencyStatus.personId))
			.where(inPost)
			.get()!.n;
		const current = db
			.select({ n: sql<number>`count(*)` })
			.from(competencyStatus)
			.innerJoin(people, eq(people.id, competencyStatus.personId))
			.where(
				and(
					inPost,
					sql`exists (select 1 from ${competencyCycles} cc where cc.person_id = ${competencyStatus.personId} and cc.competency_id = ${competencyStatus.competencyId} and cc.achieved_on <= ${date} and cc.expires_on > ${date})`
				)
			)
			.get()!.n;
		return { date, required, current, share: required ? current / required : 0 };
	});
}

export type MatrixFilter = {
	unitId?: number;
	jobRole?: string;
	status?: CompetencyStatus;
	session?: SessionFilter;
	/** The practical competency the session filter is about; any when absent. */
	sessionFor?: string;
	sort: 'name' | 'unit' | 'role' | 'worst';
	page: number;
	pageSize?: number;
};

/** People by competencies: one page of people, then every status of those people in one query. */
export function competencyMatrix(db: Db, scope: PeopleScope, today: IsoDate, filter: MatrixFilter) {
	return cachedRead(db, `matrix|${JSON.stringify(scope)}|${today}|${JSON.stringify(filter)}`, () => matrixPage(db, scope, today, filter));
}

function matrixPage(db: Db, scope: PeopleScope, today: IsoDate, filter: MatrixFilter) {
	const s = statusSql(today);
	const conditions: (SQL | undefined)[] = [eq(people.status, 'active'), scopeCondition(scope)];
	if (filter.unitId) conditions.push(eq(people.unitId, filter.unitId));
	if (filter.jobRole) conditions.push(eq(people.jobRole, filter.jobRole));
	if (filter.status)
		conditions.push(sql`exists (select 1 from ${competencyStatus} where ${competencyStatus.personId} = ${people.id} and ${s} = ${filter.status})`);
	if (filter.session) conditions.push(sessionCondition(filter.session, filter.sessionFor, today));
	const where = and(...conditions);
	const pageSize = filter.pageSize ?? 50;
	const total = db
		.select({ n: sql<number>`count(*)` })
		.from(people)
		.where(where)
		.get()!.n;
	const { page, pages, offset } = pageWindow(total, filter.page, pageSize);
	const worst = sql<number>`(select count(*) from ${competencyStatus} where ${competencyStatus.personId} = ${people.id} and (${competencyStatus.expiresOn} is null or ${competencyStatus.expiresOn} <= ${today}))`;
	const order =
		filter.sort === 'unit'
			? [asc(units.name), asc(people.name)]
			: filter.sort === 'role'
				? [asc(people.jobRole), asc(people.name)]
				: filter.sort === 'worst'
					? [desc(worst), asc(people.name)]
					: [asc(people.name)];
	const rows = db
		.select({ id: people.id, name: people.name, workforceId: people.workforceId, jobRole: people.jobRole, unitName: units.name })
		.from(people)
		.innerJoin(units, eq(units.id, people.unitId))
		.where(where)
		.orderBy(...order, asc(people.id))
		.limit(pageSize)
		.offset(offset)
		.all();
	const ids = rows.map((r) => r.id);
	const statuses = ids.length
		? db
				.select({
					personId: competencyStatus.personId,
					competencyId: competencyStatus.competencyId,
					status: s,
					expiresOn: competencyStatus.expiresOn,
					dueOn: competencyStatus.dueOn
				})
				.from(competencyStatus)
				.where(inArray(competencyStatus.personId, ids))
				.all()
		: [];
	const byPerson = new Map<number, Record<string, { status: CompetencyStatus; expiresOn: string | null; dueOn: string | null }>>();
	for (const st of statuses) {
		if (!byPerson.has(st.personId)) byPerson.set(st.personId, {});
		// A due date matters only until first achieved (status-rule.ts).
		byPerson.get(st.personId)![st.competencyId] = { status: st.status, expiresOn: st.expiresOn, dueOn: st.expiresOn === null ? st.dueOn : null };
	}
	return {
		rows: rows.map((r) => ({ ...r, statuses: byPerson.get(r.id) ?? {} })),
		total,
		page,
		pages
	};
}
