/**
 * The lists on /sessions: sessions open to a learner (those for competencies they have expired, overdue or due soon
 * first), their bookings, a trainer's upcoming sessions and the people whose practical part is due with no booking,
 * and, for managers, who in their scope was booked, attended or did not turn up. All filtered in SQL.
 */
import type Database from 'better-sqlite3';
import type { PeopleScope } from '../access/policy';
import { scopeParameterCondition, scopeParameters } from '../access/scope-sql';
import { addDays, type IsoDate } from '../competency/dates';
import type { Framework } from '../competency/framework';
import { DUE_SOON_DAYS } from '../competency/status-rule';
import type { Db } from '../db';
import { pageWindow } from '../db/page-window';
import { cachedRead } from '../db/read-cache';
import { statementsFor } from '../db/prepared';

const LIST_LIMIT = 100;

/** Each kind of rule a session has must match the person (no rows of a kind: open to all). */
const audienceMatch = (kind: string, value: string) =>
	`(not exists (select 1 from practical_session_audience a where a.session_id = s.id and a.kind = '${kind}')
	  or exists (select 1 from practical_session_audience a where a.session_id = s.id and a.kind = '${kind}' and a.ref = ${value}))`;

/** Upcoming, not cancelled, open to the person, and (when one is asked for) assessing @competency. */
const OPEN_TO_PERSON = `s.status = 'scheduled' and s.starts_at > @now
	and ${audienceMatch('organisation', '@organisationRef')}
	and ${audienceMatch('unit', '@unitRef')}
	and ${audienceMatch('job-role', '@jobRole')}
	and (@competency is null or exists (select 1 from practical_session_competencies f where f.session_id = s.id and f.competency_id = @competency))`;

/** The session assesses one of @needs, the competencies the person has expired, overdue, due soon or not yet achieved. */
const NEEDED = `exists (select 1 from practical_session_competencies sc where sc.session_id = s.id and sc.competency_id in (select value from json_each(@needs)))`;

function statements(db: Db) {
	return statementsFor(db, 'practical-lists', (c: Database.Database) => ({
		// What the person needs now: a few rows by primary key.
		needs: c
			.prepare('select competency_id from competency_status where person_id = ? and (expires_on is null or expires_on <= ?) order by competency_id')
			.pluck(),
		// One page of the sessions open to the learner (optionally for one competency), those they need first; and how many
		// there are in all and of those they need, for the pages and the heading. Both walk practical_sessions_starts from now.
		openPage: c.prepare(
			`select s.id, s.title, s.venue, s.starts_at as startsAt, s.ends_at as endsAt, s.booking_closes_at as bookingClosesAt,
			        s.capacity, s.booked_count as bookedCount, ${NEEDED} as needed
			 from practical_sessions s
			 where ${OPEN_TO_PERSON}
			 order by needed desc, s.starts_at, s.id
			 limit @limit offset @offset`
		),
		openCount: c.prepare(
			`select count(*) as total, coalesce(sum(case when ${NEEDED} then 1 else 0 end), 0) as needed
			 from practical_sessions s
			 where ${OPEN_TO_PERSON}`
		),
		// The person's own live bookings among the sessions shown.
		myStatus: c.prepare(
			`select session_id as sessionId, status from practical_bookings
			 where person_id = ? and status <> 'cancelled' and session_id in (select value from json_each(?))`
		),
		mine: c.prepare(
			`select s.id, s.title, s.venue, s.starts_at as startsAt, s.ends_at as endsAt, s.status as sessionStatus, b.status, b.attendance, b.outcome
			 from practical_bookings b join practical_sessions s on s.id = b.session_id
			 where b.person_id = ? and b.status <> 'cancelled' and s.ends_at > ?
			 order by s.starts_at desc limit ${LIST_LIMIT}`
		),
		competencies: c.prepare(
			'select session_id as sessionId, competency_id as competencyId from practical_session_competencies where session_id in (select value from json_each(?))'
		),
		training: c.prepare(
			`select s.id, s.title, s.venue, s.starts_at as startsAt, s.ends_at as endsAt, s.capacity, s.booked_count as bookedCount, s.status,
			        (select count(*) from practical_bookings b where b.session_id = s.id and b.status = 'waiting') as waiting
			 from practical_session_trainers t join practical_sessions s on s.id = t.session_id
			 where t.person_id = ? and s.ends_at > ? order by s.starts_at limit ${LIST_LIMIT}`
		),
		// One competency at a time, walking its (competency, expiry) index most urgent first and stopping at the limit:
		// led by people instead, the whole Met's statuses were read and sorted (about 4 s over synthetic London).
		// The cross joins keep that order on SQLite; on PostgreSQL they are plain inner joins.
		dueNoBooking: c.prepare(
			`select p.id, p.name, p.job_role as jobRole, u.name as unitName, cs.competency_id as competencyId, cs.expires_on as expiresOn
			 from competency_status cs cross join people p cross join units u
			 where p.id = cs.person_id and u.id = p.unit_id and cs.competency_id = @competency
			   and (cs.expires_on is null or cs.expires_on <= @dueBy)
			   and p.status = 'active' and p.organisation_id in (select value from json_each(@organisations))
			   and not exists (select 1 from practical_bookings b join practical_sessions s on s.id = b.session_id
			                   join practical_session_competencies sc on sc.session_id = s.id and sc.competency_id = cs.competency_id
			                   where b.person_id = p.id and b.status in ('booked', 'waiting') and s.status = 'scheduled' and s.ends_at > @now)
			 order by cs.expires_on nulls first
			 limit ${LIST_LIMIT}`
		),
		attendance: c.prepare(
			`select b.id, p.id as personId, p.name, u.name as unitName, s.id as sessionId, s.title, s.starts_at as startsAt, s.ends_at as endsAt,
			        b.status, b.attendance, b.outcome
			 from practical_bookings b join practical_sessions s on s.id = b.session_id join people p on p.id = b.person_id join units u on u.id = p.unit_id
			 where b.status = 'booked' and s.status = 'scheduled' and s.starts_at >= @from and s.starts_at < @to
			   and ${scopeParameterCondition('p.organisation_id', 'p.unit_id')}
			   and (@show = 'all' or (@show = 'booked' and s.starts_at > @now) or (@show = 'attended' and b.attendance in ('attended', 'left-early'))
			        or (@show = 'no-show' and b.attendance = 'absent'))
			 order by s.starts_at desc, p.name limit 500`
		)
	}));
}

type Timed = { startsAt: number; endsAt: number };
const dates = <T extends Timed>(r: T): Omit<T, keyof Timed> & { startsAt: Date; endsAt: Date } => ({
	...r,
	startsAt: new Date(r.startsAt),
	endsAt: new Date(r.endsAt)
});

/** Sessions open to a learner shown on one page of /sessions: a short list, so the page stays small however many there are. */
export const OPEN_PAGE_SIZE = 10;

export type OpenSessionsFilter = { competency?: string; page?: number };
type Learner = { id: number; organisationId: number; unitId: number; jobRole: string };

/**
 * One page of the upcoming sessions open to a learner, those assessing a competency they have expired, overdue, due
 * soon or not yet achieved first (then by start), optionally only those assessing one competency; with how many there
 * are in all and how many of them they need. A page past the end shows the last.
 */
export function openSessions(db: Db, person: Learner, today: IsoDate, filter: OpenSessionsFilter = {}, now = new Date()) {
	const q = statements(db);
	const needs = q.needs.all(person.id, addDays(today, DUE_SOON_DAYS)) as string[];
	// The listing is the same for everyone with the same organisation, unit, job role and needs, so it is kept until the
	// next write (db/read-cache.ts) and read afresh each minute; only the person's own bookings are read every time.
	const minute = Math.floor(now.getTime() / 60_000) * 60_000;
	const listing = cachedRead(
		db,
		`open-sessions|${person.organisationId}|${person.unitId}|${person.jobRole}|${filter.competency ?? ''}|${needs.join(',')}|${filter.page ?? 1}|${minute}`,
		() => openListing(db, person, needs, filter, minute)
	);
	const ids = listing.sessions.map((s) => s.id);
	const mine = new Map(
		ids.length ? (q.myStatus.all(person.id, JSON.stringify(ids)) as { sessionId: number; status: string }[]).map((b) => [b.sessionId, b.status]) : []
	);
	return { ...listing, sessions: listing.sessions.map((s) => ({ ...s, myStatus: mine.get(s.id) ?? null })) };
}

/** The count and the page, for openSessions to keep: nothing in it is the person's own. */
function openListing(db: Db, person: Learner, needs: string[], filter: OpenSessionsFilter, now: number) {
	const q = statements(db);
	const parameters = {
		// Audience refs are text; a number bound from JavaScript would be compared as a real ("1.0").
		organisationRef: String(person.organisationId),
		unitRef: String(person.unitId),
		jobRole: person.jobRole,
		competency: filter.competency ?? null,
		needs: JSON.stringify(needs),
		now
	};
	const counts = q.openCount.get(parameters) as { total: number; needed: number };
	const { page, pages, offset } = pageWindow(counts.total, filter.page, OPEN_PAGE_SIZE);
	const rows = (counts.total ? q.openPage.all({ ...parameters, limit: OPEN_PAGE_SIZE, offset }) : []) as (Timed & {
		id: number;
		title: string;
		venue: string;
		bookingClosesAt: number;
		capacity: number;
		bookedCount: number;
		needed: number;
	})[];
	// What each session on the page assesses, in one query.
	const assesses = new Map<number, string[]>(rows.map((r) => [r.id, []]));
	if (rows.length)
		for (const c of q.competencies.all(JSON.stringify(rows.map((r) => r.id))) as { sessionId: number; competencyId: string }[])
			assesses.get(c.sessionId)!.push(c.competencyId);
	return {
		sessions: rows.map((r) => ({
			...dates(r),
			bookingClosesAt: new Date(r.bookingClosesAt),
			needed: !!r.needed,
			competencyIds: assesses.get(r.id)!.sort()
		})),
		total: counts.total,
		needed: counts.needed,
		page,
		pages
	};
}

export function myBookings(db: Db, personId: number, now = new Date(), sinceDays = 90) {
	return (
		statements(db).mine.all(personId, now.getTime() - sinceDays * 86_400_000) as (Timed & {
			id: number;
			title: string;
			venue: string;
			sessionStatus: string;
			status: 'booked' | 'waiting';
			attendance: string | null;
			outcome: string | null;
		})[]
	).map(dates);
}

export function trainerSessions(db: Db, trainerId: number, now = new Date()) {
	return (
		statements(db).training.all(trainerId, now.getTime() - 86_400_000) as (Timed & {
			id: number;
			title: string;
			venue: string;
			capacity: number;
			bookedCount: number;
			status: string;
			waiting: number;
		})[]
	).map(dates);
}

/** Competencies that need an observed assessment for some job role: their practical part is done in a session. */
export const practicalCompetencies = (framework: Framework) =>
	framework.competencies.filter((c) => c.evidence.some((r) => r.kind === 'observed')).map((c) => c.id);

export function dueWithoutBooking(db: Db, framework: Framework, organisationIds: number[], today: IsoDate, now = new Date()) {
	if (!organisationIds.length) return [];
	const q = statements(db);
	const parameters = { organisations: JSON.stringify(organisationIds), dueBy: addDays(today, DUE_SOON_DAYS), now: now.getTime() };
	// Never achieved first, then the earliest expiry; by name among equals.
	return practicalCompetencies(framework)
		.flatMap((competency) => q.dueNoBooking.all({ ...parameters, competency }) as DueRow[])
		.sort((a, b) => (a.expiresOn ?? '').localeCompare(b.expiresOn ?? '') || a.name.localeCompare(b.name))
		.slice(0, LIST_LIMIT);
}

type DueRow = { id: number; name: string; jobRole: string; unitName: string; competencyId: string; expiresOn: string | null };

export const ATTENDANCE_VIEWS = ['all', 'booked', 'attended', 'no-show'] as const;
export type AttendanceView = (typeof ATTENDANCE_VIEWS)[number];

export function attendanceList(db: Db, scope: Exclude<PeopleScope, { kind: 'self' }>, show: AttendanceView, now = new Date(), days = 180) {
	return (
		statements(db).attendance.all({
			...scopeParameters(scope),
			show,
			now: now.getTime(),
			from: now.getTime() - days * 86_400_000,
			to: now.getTime() + days * 86_400_000
		}) as (Timed & {
			id: number;
			personId: number;
			name: string;
			unitName: string;
			sessionId: number;
			title: string;
			status: string;
			attendance: string | null;
			outcome: string | null;
		})[]
	).map(dates);
}
