/**
 * The partnership view's frozen figures (partnership_dates, partnership_counts). The view is published as of the
 * end of yesterday, London time, never live: today's changes show tomorrow, mixed with the rest of the day's, so
 * reading it before and after one starter joins (or one record changes) shows no difference. Each date is counted
 * once, exactly as of that date from the stored cycles (people in post that day, in date that day), and then kept
 * unchanged; the dates are the month ends of the 12-month trend and the latest day. The count for a date is one
 * pass over the statuses, as for a new trend date, run by the periodic work shortly after midnight or by the first
 * reader of the day.
 */
import type { Db } from '../db';
import { statementsFor } from '../db/prepared';
import { addDays, type IsoDate } from '../competency/dates';
import { inDateOnSql, inPostOnSql } from './as-of-day-sql';
import { trendDates } from './trend-dates';

export const AGENCY_KINDS = ['police', 'nhs', 'ambulance'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** The day the view is published as of: the end of yesterday, London time. */
export const publishedDay = (today: IsoDate): IsoDate => addDays(today, -1);

/** Month ends of the previous 12 months, then the published day. */
export const publishedDates = (today: IsoDate): IsoDate[] => trendDates(publishedDay(today));

function statements(db: Db) {
	const kinds = AGENCY_KINDS.map((k) => `'${k}'`).join(', ');
	return statementsFor(db, 'partnership-snapshots', (c) => ({
		dates: c.prepare('select date, taken_at as takenAt from partnership_dates order by date'),
		drop: c.prepare('delete from partnership_dates where date = ?'),
		dropCounts: c.prepare('delete from partnership_counts where date = ?'),
		add: c.prepare('insert into partnership_dates (date, taken_at) values (@date, @now) on conflict (date) do nothing'),
		count: c.prepare(
			`insert into partnership_counts (date, borough, kind, competency_id, people, current)
			 select @date, u.borough, o.kind, cs.competency_id, count(*),
			   sum(${inDateOnSql('cs', '@date')})
			 from competency_status cs join people p on p.id = cs.person_id join units u on u.id = p.unit_id join organisations o on o.id = p.organisation_id
			 where u.borough is not null and o.kind in (${kinds}) and ${inPostOnSql('p', '@date')}
			 group by u.borough, o.kind, cs.competency_id`
		),
		read: c.prepare(
			`select date, borough, kind, competency_id as competencyId, people, current from partnership_counts
			 where date >= @from and date <= @to`
		)
	}));
}

/**
 * Counts any published date not yet counted and forgets those that have left the 12 months. Gives the snapshots'
 * stamp: each published date with when it was counted. Counts are never changed once taken, so the same stamp means
 * the same figures, whatever else has been written since (what partnership.ts keeps its results by).
 */
export function ensurePartnershipSnapshots(db: Db, today: IsoDate, now = Date.now()): string {
	const q = statements(db);
	const wanted = publishedDates(today);
	const taken = () => q.dates.all() as { date: string; takenAt: number }[];
	const stampOf = (rows: { date: string; takenAt: number }[]) => rows.map((r) => `${r.date}@${r.takenAt}`).join(',');
	const before = taken();
	const have = new Set(before.map((r) => r.date));
	if (wanted.every((d) => have.has(d)) && have.size === wanted.length) return stampOf(before);
	db.$client
		.transaction(() => {
			const now2 = new Set(taken().map((r) => r.date)); // re-read inside the write lock: another process may have counted them
			for (const date of now2)
				if (!wanted.includes(date)) {
					q.dropCounts.run(date);
					q.drop.run(date);
				}
			for (const date of wanted)
				if (!now2.has(date)) {
					q.add.run({ date, now });
					q.count.run({ date });
				}
		})
		.immediate();
	return stampOf(taken());
}

export type SnapshotRow = { date: IsoDate; borough: string; kind: AgencyKind; competencyId: string; people: number; current: number };

/** The frozen counts for the published dates, counting any not yet counted. */
export function readPartnershipSnapshots(db: Db, today: IsoDate): SnapshotRow[] {
	ensurePartnershipSnapshots(db, today);
	return readCountedSnapshots(db, today);
}

/** The counts already taken for the published dates (after ensurePartnershipSnapshots). */
export function readCountedSnapshots(db: Db, today: IsoDate): SnapshotRow[] {
	const dates = publishedDates(today);
	return statements(db).read.all({ from: dates[0], to: dates[dates.length - 1] }) as SnapshotRow[];
}
