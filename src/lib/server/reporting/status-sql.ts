/**
 * The status rule (competency/status-rule.ts) in SQL. Generated from the rule, not written out by hand, so the
 * dashboards, the aggregates and their triggers (status-triggers.ts) count exactly what `statusOn` says.
 */
import { getTableColumns, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { addDays, type IsoDate } from '../competency/dates';
import { EXPIRY_BUCKETS, NOT_ACHIEVED, OVERDUE, STATUS_BANDS, type AchievedStatus, type CompetencyStatus, type ExpiryWindow } from '../competency/status-rule';
import { competencyStatus, statusCounts } from '../db/schema';

// Status names are fixed identifiers without quotes, so they can be written into the SQL as literals.
const literal = (status: CompetencyStatus) => sql.raw(`'${status}'`);

/**
 * The status on `day` of the competency expiring on `expiresOn` and due by `dueOn`: a CASE over the rule's
 * bands, dates bound as parameters. Unachieved is overdue when `due_on < day` (isOverdue in the rule).
 */
export function statusCaseSql(expiresOn: SQLWrapper, dueOn: SQLWrapper, day: IsoDate): SQL<CompetencyStatus> {
	const bands = STATUS_BANDS.map((b) =>
		b.upToDays === null ? sql` else ${literal(b.status)}` : sql` when ${expiresOn} <= ${addDays(day, b.upToDays)} then ${literal(b.status)}`
	);
	return sql<CompetencyStatus>`case when ${expiresOn} is null then (case when ${dueOn} < ${day} then ${literal(OVERDUE)} else ${literal(NOT_ACHIEVED)} end)${sql.join(bands)} end`;
}

/** Status against `today`, computed in SQL from the stored expiry and due date so that it never goes stale. */
export function statusSql(today: IsoDate) {
	return statusCaseSql(competencyStatus.expiresOn, competencyStatus.dueOn, today);
}

/** SQL giving 1 when a status with this expiry and due date is overdue on `day` (isOverdue in the rule), else 0. */
export function overdueFlagSql(expiresOn: string, dueOn: string, day: string): string {
	return `coalesce(${expiresOn} IS NULL AND ${dueOn} < ${day}, 0)`;
}

/** SQL giving 1 when a status with this expiry and due date is not achieved and not overdue on `day`, else 0. */
export function notAchievedFlagSql(expiresOn: string, dueOn: string, day: string): string {
	return `coalesce(${expiresOn} IS NULL AND (${dueOn} IS NULL OR ${dueOn} >= ${day}), 0)`;
}

/** SQL for the date `days` after the day the buckets are counted from (`days` is 0 for that day itself). */
export type DayBoundary = (days: number) => string;

/** The status_counts bucket columns, in the rule's order. */
export const BUCKET_COLUMNS = EXPIRY_BUCKETS.map((b) => b.column);

/** For each bucket in order: SQL giving 1 when expiry `expiresOn` falls in it, else 0 (0 in every bucket when missing). */
export function bucketFlagsSql(expiresOn: string, boundary: DayBoundary): string[] {
	return EXPIRY_BUCKETS.map((b) => {
		const tests: string[] = [];
		if (b.afterDays !== null) tests.push(`${expiresOn} > ${boundary(b.afterDays)}`);
		if (b.upToDays !== null) tests.push(`${expiresOn} <= ${boundary(b.upToDays)}`);
		return `coalesce(${tests.join(' AND ')}, 0)`;
	});
}

const COUNT_COLUMNS = new Map(Object.values(getTableColumns(statusCounts)).map((c) => [c.name, c]));

function countColumns(buckets: readonly (typeof EXPIRY_BUCKETS)[number][]): SQL {
	const columns = buckets.map((b) => {
		const column = COUNT_COLUMNS.get(b.column);
		if (!column) throw new Error(`status_counts has no column ${b.column} for an expiry bucket: add it to db/schema.ts.`);
		return column;
	});
	return sql`(${sql.join(columns, sql` + `)})`;
}

/** The sum of the status_counts buckets whose expiries have `status` (expired, due soon or current). */
export function countWithStatusSql(status: AchievedStatus): SQL<number> {
	return countColumns(EXPIRY_BUCKETS.filter((b) => b.status === status)) as SQL<number>;
}

/** The sum of the status_counts buckets expired or expiring within `within` days. */
export function countExpiringWithinSql(within: ExpiryWindow): SQL<number> {
	return countColumns(EXPIRY_BUCKETS.filter((b) => b.upToDays !== null && b.upToDays <= within)) as SQL<number>;
}
