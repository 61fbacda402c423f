/**
 * What the session pages show, and who may see them: those who run the session's organisation's sessions see it all
 * (bookings, waiting list, register); a learner sees a session open to them, or one they hold a booking on. Anyone
 * else gets nothing (the route answers 404).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { canRunSession, type Principal } from '../access/policy';
import type { Framework } from '../competency/framework';
import type { Db } from '../db';
import { people, practicalBookings, units } from '../db/schema';
import { formatLondonDateTime, formatSessionTime, londonWallParts } from './london-time';
import { canTakeRegister } from './register';
import { competencyTitles, getSession, isOpenTo, liveBooking, type SessionDetail } from './store';

export type SessionAccess = { session: SessionDetail; runs: boolean };

/** The session if `user` may see it, else undefined. */
export function sessionFor(db: Db, user: Principal, id: number | undefined): SessionAccess | undefined {
	const session = id ? getSession(db, id) : undefined;
	if (!session) return undefined;
	const runs = canRunSession(user, session.organisationId);
	if (runs || (session.status === 'scheduled' && isOpenTo(session, user)) || liveBooking(db, id!, user.id)) return { session, runs };
	return undefined;
}

function bookingList(db: Db, sessionId: number) {
	return db
		.select({
			id: practicalBookings.id,
			name: people.name,
			unitName: units.name,
			status: practicalBookings.status,
			attendance: practicalBookings.attendance,
			outcome: practicalBookings.outcome
		})
		.from(practicalBookings)
		.innerJoin(people, eq(people.id, practicalBookings.personId))
		.innerJoin(units, eq(units.id, people.unitId))
		.where(and(eq(practicalBookings.sessionId, sessionId), inArray(practicalBookings.status, ['booked', 'waiting'])))
		.orderBy(practicalBookings.id)
		.all();
}

/** The learner's view, plus the bookings for those who run it. */
export function sessionPageData(db: Db, framework: Framework, user: Principal, { session, runs }: SessionAccess, now = new Date()) {
	const mine = liveBooking(db, session.id, user.id);
	const bookings = runs || session.trainerIds.includes(user.id) ? bookingList(db, session.id) : null;
	const waitingAhead =
		mine?.status === 'waiting'
			? (db.$client
					.prepare(`select count(*) from practical_bookings where session_id = ? and status = 'waiting' and id < ?`)
					.pluck()
					.get(session.id, mine.id) as number)
			: null;
	const trainers = session.trainerIds.length
		? db.select({ name: people.name }).from(people).where(inArray(people.id, session.trainerIds)).orderBy(people.name).all()
		: [];
	return {
		session: {
			id: session.id,
			title: session.title,
			venue: session.venue,
			when: formatSessionTime(session.startsAt, session.endsAt),
			closes: formatLondonDateTime(session.bookingClosesAt),
			capacity: session.capacity,
			placesLeft: Math.max(0, session.capacity - session.bookedCount),
			status: session.status,
			cancelReason: session.cancelReason,
			competencies: competencyTitles(framework, session.competencyIds),
			trainers: trainers.map((t) => t.name),
			started: now >= session.startsAt,
			bookingOpen: session.status === 'scheduled' && now < session.bookingClosesAt,
			date: londonWallParts(session.startsAt).date
		},
		mine: mine ? { status: mine.status, waitingAhead } : null,
		openToMe: isOpenTo(session, user),
		runs,
		register: canTakeRegister(user, session) && session.status === 'scheduled',
		bookings
	};
}
