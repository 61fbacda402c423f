/**
 * Booking a place, leaving it, and the waiting list. Each change is one transaction with its audit entry and its
 * emails. Capacity is kept by a guarded counter: a place is taken only by
 * `update practical_sessions set booked_count = booked_count + 1 where … booked_count < capacity`, and the booking is a
 * place only when that changed a row. SQLite runs one writer at a time; on PostgreSQL the same update locks the
 * session's row and re-checks the guard, so simultaneous bookings can never take more places than there are.
 */
import type Database from 'better-sqlite3';
import { appendAudit } from '../audit/log';
import type { Framework } from '../competency/framework';
import type { Db } from '../db';
import { statementsFor } from '../db/prepared';
import { notifySession } from './notify';
import { getSession, isOpenTo, type SessionDetail } from './store';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type Booker = { id: number; name: string; email: string; organisationId: number; unitId: number; jobRole: string; status: string };

export type BookingResult = { ok: true; status: 'booked' | 'waiting' } | { ok: false; notFound: true } | { ok: false; notFound: false; error: string };

function statements(tx: object) {
	return statementsFor(tx, 'practical-booking', (c: Database.Database) => ({
		takePlace: c.prepare(`update practical_sessions set booked_count = booked_count + 1 where id = ? and status = 'scheduled' and booked_count < capacity`),
		freePlace: c.prepare('update practical_sessions set booked_count = booked_count - 1 where id = ? and booked_count > 0'),
		overlapping: c.prepare(
			`select s.title from practical_bookings b join practical_sessions s on s.id = b.session_id
			 where b.person_id = @personId and b.status in ('booked', 'waiting') and s.status = 'scheduled' and s.id <> @sessionId
			   and s.starts_at < @endsAt and s.ends_at > @startsAt
			 limit 1`
		),
		live: c.prepare(`select id, status from practical_bookings where session_id = ? and person_id = ? and status in ('booked', 'waiting')`),
		insert: c.prepare(`insert into practical_bookings (session_id, person_id, status, booked_at) values (?, ?, ?, ?) returning id`),
		cancel: c.prepare(`update practical_bookings set status = 'cancelled', cancelled_at = ? where id = ? and status in ('booked', 'waiting')`),
		nextWaiting: c.prepare(
			`select b.id, p.id as personId, p.name, p.email from practical_bookings b join people p on p.id = b.person_id
			 where b.session_id = ? and b.status = 'waiting' order by b.id limit 1`
		),
		promote: c.prepare(`update practical_bookings set status = 'booked' where id = ? and status = 'waiting'`)
	}));
}

/** Books `person` on a session, or puts them on its waiting list when it is full. */
export function bookSession(db: Db, framework: Framework, person: Booker, sessionId: number, now = new Date()): BookingResult {
	return db.transaction(
		(tx) => {
			const session = getSession(tx, sessionId);
			if (!session || !isOpenTo(session, person)) return { ok: false as const, notFound: true as const };
			const refuse = (error: string) => ({ ok: false as const, notFound: false as const, error });
			if (person.status !== 'active') return refuse('Only people in post can book a session');
			if (session.status === 'cancelled') return refuse('This session has been cancelled');
			if (now >= session.bookingClosesAt) return refuse('Booking for this session has closed');
			const q = statements(tx);
			const live = q.live.get(sessionId, person.id) as { status: string } | undefined;
			if (live) return refuse(live.status === 'booked' ? 'You are already booked on this session' : 'You are already on the waiting list for this session');
			const clash = q.overlapping.get({
				personId: person.id,
				sessionId,
				startsAt: session.startsAt.getTime(),
				endsAt: session.endsAt.getTime()
			}) as { title: string } | undefined;
			if (clash) return refuse(`You are already booked on “${clash.title}”, which overlaps this session`);
			const status = q.takePlace.run(sessionId).changes === 1 ? ('booked' as const) : ('waiting' as const);
			const booking = q.insert.get(sessionId, person.id, status, now.getTime()) as { id: number };
			appendAudit(tx, {
				actorId: person.id,
				action: 'session-book',
				entity: 'practical-booking',
				entityId: booking.id,
				detail: { sessionId, status },
				at: now
			});
			notifySession(tx, framework, session, person, status, { now });
			return { ok: true as const, status };
		},
		{ behavior: 'immediate' }
	);
}

export type CancelResult = { ok: true } | { ok: false; error: string };

/**
 * Gives up a place (until booking closes) or leaves the waiting list (at any time before the session). A freed place
 * goes to the next on the waiting list.
 */
export function cancelBooking(db: Db, framework: Framework, person: Booker, sessionId: number, now = new Date()): CancelResult {
	return db.transaction(
		(tx) => {
			const session = getSession(tx, sessionId);
			const q = statements(tx);
			const live = session && (q.live.get(sessionId, person.id) as { id: number; status: 'booked' | 'waiting' } | undefined);
			if (!session || !live) return { ok: false as const, error: 'You have no booking on this session' };
			if (live.status === 'booked' && now >= session.bookingClosesAt)
				return { ok: false as const, error: 'Booking has closed, so your place can no longer be cancelled here: tell the trainer' };
			if (now >= session.startsAt) return { ok: false as const, error: 'This session has already started' };
			q.cancel.run(now.getTime(), live.id);
			appendAudit(tx, {
				actorId: person.id,
				action: 'session-booking-cancel',
				entity: 'practical-booking',
				entityId: live.id,
				detail: { sessionId, was: live.status },
				at: now
			});
			notifySession(tx, framework, session, person, 'booking-cancelled', { now });
			if (live.status === 'booked') {
				q.freePlace.run(sessionId);
				fillPlaces(tx, framework, session, now);
			}
			return { ok: true as const };
		},
		{ behavior: 'immediate' }
	);
}

/** Gives free places to the waiting list, in the order people joined it, and tells each person promoted. */
export function fillPlaces(tx: Tx, framework: Framework, session: SessionDetail, now: Date): number {
	const q = statements(tx);
	let promoted = 0;
	for (;;) {
		const next = q.nextWaiting.get(session.id) as { id: number; personId: number; name: string; email: string } | undefined;
		if (!next || q.takePlace.run(session.id).changes !== 1) break;
		q.promote.run(next.id);
		appendAudit(tx, { actorId: null, action: 'session-promote', entity: 'practical-booking', entityId: next.id, detail: { sessionId: session.id }, at: now });
		notifySession(tx, framework, session, { id: next.personId, name: next.name, email: next.email }, 'promoted', { now });
		promoted++;
	}
	return promoted;
}
