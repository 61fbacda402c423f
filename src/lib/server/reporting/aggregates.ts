/**
 * Dashboard aggregates: status counts by organisation, unit, job role and competency, and the trend's counts
 * by date and unit, and by date, unit and competency. Counting 600,000 statuses for a manager of 45,000 people takes most of a second; reading
 * these takes a millisecond. Triggers keep them exact on every write (the newest migration generated from the
 * status rule, see status-triggers.ts: the whole trend is summed from the trend by competency); this module fills them when empty and moves them to a new day, which changes which
 * bucket an expiry date falls in and which dates the trend shows. Both are exact: a moved day re-buckets only
 * the statuses whose expiry crosses a boundary (or, never achieved, whose due date it crosses), and a new trend date is
 * counted from scratch.
 */
import type { Db } from '../db';
import { prepared } from '../db/prepared';
import { addDays, daysBetween, type IsoDate } from '../competency/dates';
import { EXPIRY_BOUNDARIES } from '../competency/status-rule';
import { inDateOnSql, inPostOnSql } from './as-of-day-sql';
import { BUCKET_COLUMNS, bucketFlagsSql, notAchievedFlagSql, overdueFlagSql } from './status-sql';
import { trendDates } from './trend-dates';

/** Beyond this many days apart, rebuilding is cheaper than moving. */
const MAX_ROLL_DAYS = 90;

/**
 * SQL giving 1 or 0 for each count column after `required` (not achieved, overdue, then each expiry bucket) of the
 * status with expiry `cs.expires_on` and due date `cs.due_on`, relative to the day in parameters `@${p}0`, `@${p}30`, ...
 */
const flagExpressions = (p: string) => [
	notAchievedFlagSql('cs.expires_on', 'cs.due_on', `@${p}0`),
	overdueFlagSql('cs.expires_on', 'cs.due_on', `@${p}0`),
	...bucketFlagsSql('cs.expires_on', (days) => `@${p}${days}`)
];
const FLAG_COLUMNS = ['not_achieved', 'overdue', ...BUCKET_COLUMNS];

function boundaryParams(day: IsoDate, p: string): Record<string, string> {
	return Object.fromEntries(EXPIRY_BOUNDARIES.map((k) => [`${p}${k}`, addDays(day, k)]));
}

type State = { day: string | null; enabled: number };

function statements(db: Db) {
	const c = db.$client;
	return prepared(db, 'aggregates', () => ({
		state: c.prepare('select day, enabled from compliance_state where id = 1'),
		setState: c.prepare('insert into compliance_state (id, day, enabled) values (1, @day, 1) on conflict (id) do update set day = excluded.day, enabled = 1'),
		clearStatus: c.prepare('delete from status_counts'),
		rebuildStatus: c.prepare(
			`insert into status_counts (organisation_id, unit_id, job_role, competency_id, required, ${FLAG_COLUMNS.join(', ')})
			 select p.organisation_id, p.unit_id, p.job_role, cs.competency_id, count(*),
			   ${flagExpressions('d')
						.map((b) => `sum(${b})`)
						.join(', ')}
			 from competency_status cs join people p on p.id = cs.person_id
			 where p.status = 'active'
			 group by p.organisation_id, p.unit_id, p.job_role, cs.competency_id`
		),
		rollStatus: c.prepare(
			`insert into status_counts (organisation_id, unit_id, job_role, competency_id, required, ${FLAG_COLUMNS.join(', ')})
			 select p.organisation_id, p.unit_id, p.job_role, cs.competency_id, 0,
			   ${flagExpressions('n')
						.map((b, i) => `sum(${b} - ${flagExpressions('o')[i]})`)
						.join(', ')}
			 from competency_status cs join people p on p.id = cs.person_id
			 where p.status = 'active' and (${EXPIRY_BOUNDARIES.map((k) => `(cs.expires_on > @lo${k} and cs.expires_on <= @hi${k})`).join(' or ')}
			   or (cs.due_on >= @lo0 and cs.due_on < @hi0 and +cs.expires_on is null)) -- unachieved, and the move crosses the due date
			 -- (the + keeps SQLite on the due-date index for the last term: every unachieved status has no expiry)
			 group by p.organisation_id, p.unit_id, p.job_role, cs.competency_id
			 on conflict (organisation_id, unit_id, job_role, competency_id) do update set
			   ${FLAG_COLUMNS.map((b) => `${b} = ${b} + excluded.${b}`).join(', ')}`
		),
		trendDates: c.prepare('select date from trend_dates'),
		clearTrend: c.prepare('delete from trend_counts'),
		clearCompetencyTrend: c.prepare('delete from trend_competency_counts'),
		clearTrendDates: c.prepare('delete from trend_dates'),
		dropTrendDate: c.prepare('delete from trend_dates where date = ?'),
		dropTrendCounts: c.prepare('delete from trend_counts where date = ?'),
		dropCompetencyTrendCounts: c.prepare('delete from trend_competency_counts where date = ?'),
		addTrendDate: c.prepare('insert into trend_dates (date) values (?)'),
		countTrendDate: c.prepare(
			`insert into trend_competency_counts (date, organisation_id, unit_id, competency_id, required, current)
			 select @date, p.organisation_id, p.unit_id, cs.competency_id, count(*),
			   sum(${inDateOnSql('cs', '@date')})
			 from competency_status cs join people p on p.id = cs.person_id
			 where ${inPostOnSql('p', '@date')}
			 group by p.organisation_id, p.unit_id, cs.competency_id`
		),

		disable: c.prepare('update compliance_state set enabled = 0, day = null where id = 1')
	}));
}

/**
 * Brings the aggregates to `today`: nothing to do on most calls (one indexed read); otherwise moved or
 * rebuilt in one transaction. Call before reading status_counts or trend_counts.
 */
export function ensureAggregates(db: Db, today: IsoDate): void {
	const q = statements(db);
	const state = q.state.get() as State | undefined;
	if (state && state.enabled === 1 && state.day === today) return;
	db.$client
		.transaction(() => {
			const now = q.state.get() as State | undefined; // re-read inside the write lock
			if (now && now.enabled === 1 && now.day === today) return;
			const fresh = !now || now.enabled !== 1 || now.day === null;
			if (fresh || Math.abs(daysBetween(now!.day!, today)) > MAX_ROLL_DAYS) {
				q.clearStatus.run();
				q.rebuildStatus.run(boundaryParams(today, 'd'));
			} else {
				const [from, to] = now!.day! < today ? [now!.day!, today] : [today, now!.day!];
				const ranges = Object.fromEntries(
					EXPIRY_BOUNDARIES.flatMap((k) => [
						[`lo${k}`, addDays(from, k)],
						[`hi${k}`, addDays(to, k)]
					])
				);
				q.rollStatus.run({ ...ranges, ...boundaryParams(now!.day!, 'o'), ...boundaryParams(today, 'n') });
			}
			if (fresh) {
				q.clearTrend.run();
				q.clearCompetencyTrend.run();
				q.clearTrendDates.run();
			}
			const wanted = new Set(trendDates(today));
			const have = new Set((q.trendDates.all() as { date: string }[]).map((r) => r.date));
			for (const date of have)
				if (!wanted.has(date)) {
					q.dropTrendCounts.run(date);
					q.dropCompetencyTrendCounts.run(date);
					q.dropTrendDate.run(date);
				}
			for (const date of wanted)
				if (!have.has(date)) {
					q.addTrendDate.run(date);
					// trend_counts follows by trigger: the sum over competencies.
					q.countTrendDate.run({ date });
				}
			q.setState.run({ day: today });
		})
		.immediate();
}

/** For bulk loads: turns the triggers off. The next ensureAggregates rebuilds everything. */
export function disableAggregates(db: Db): void {
	statements(db).disable.run();
}
