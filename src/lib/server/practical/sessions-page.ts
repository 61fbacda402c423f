/** The /sessions page: the learner's part (their bookings and one page of the sessions open to them) for everyone, the trainer's part for trainers. */
import type { Principal } from '../access/policy';
import type { IsoDate } from '../competency/dates';
import type { Framework } from '../competency/framework';
import type { Db } from '../db';
import { formatSessionTime } from './london-time';
import { dueWithoutBooking, myBookings, openSessions, practicalCompetencies, trainerSessions, type OpenSessionsFilter } from './lists';
import { competencyTitles } from './store';

export function sessionsPage(
	db: Db,
	framework: Framework,
	user: Principal,
	today: IsoDate,
	trainsFor: number[],
	filter: OpenSessionsFilter = {},
	now = new Date()
) {
	const title = (id: string) => framework.byId.get(id)?.title ?? id;
	const open = openSessions(db, user, today, filter, now);
	return {
		open: open.sessions.map((s) => ({
			id: s.id,
			title: s.title,
			venue: s.venue,
			when: formatSessionTime(s.startsAt, s.endsAt),
			placesLeft: Math.max(0, s.capacity - s.bookedCount),
			needed: s.needed,
			myStatus: s.myStatus,
			closed: now >= s.bookingClosesAt,
			competencies: competencyTitles(framework, s.competencyIds)
		})),
		openPages: { page: open.page, pages: open.pages, total: open.total, needed: open.needed },
		// The filter offers what sessions are for: the competencies assessed by observation.
		filter: { competency: filter.competency ?? '', competencies: practicalCompetencies(framework).map((id) => ({ id, title: title(id) })) },
		mine: myBookings(db, user.id, now).map((b) => ({
			id: b.id,
			title: b.title,
			when: formatSessionTime(b.startsAt, b.endsAt),
			past: b.endsAt <= now,
			cancelled: b.sessionStatus === 'cancelled',
			status: b.status,
			attendance: b.attendance,
			outcome: b.outcome
		})),
		training: trainsFor.length
			? trainerSessions(db, user.id, now).map((s) => ({ ...s, when: formatSessionTime(s.startsAt, s.endsAt), startsAt: undefined, endsAt: undefined }))
			: [],
		due: trainsFor.length ? dueWithoutBooking(db, framework, trainsFor, today, now).map((d) => ({ ...d, competency: title(d.competencyId) })) : []
	};
}
