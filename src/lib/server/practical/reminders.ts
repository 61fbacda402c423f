/**
 * Session reminders: two days before a session, each person with a place is emailed once. Planned with the refresher
 * reminders (hourly, hooks.server.ts); the outbox's dedupe key (session, person and start time) makes a re-run, a
 * restart or a second process queue nothing twice, and a session moved to a new time is reminded of again.
 */
import type Database from 'better-sqlite3';
import type { Framework } from '../competency/framework';
import type { Db } from '../db';
import { statementsFor } from '../db/prepared';
import { notifySession } from './notify';
import { getSession } from './store';

export const REMINDER_BEFORE_MS = 2 * 86_400_000;

export const sessionReminderKey = (sessionId: number, personId: number, startsAt: Date) => `session-reminder:${sessionId}:${personId}:${startsAt.getTime()}`;

function statements(db: Db) {
	return statementsFor(db, 'practical-reminders', (c: Database.Database) => ({
		due: c.prepare(
			`select b.session_id as sessionId, p.id, p.name, p.email
			 from practical_sessions s join practical_bookings b on b.session_id = s.id and b.status = 'booked' join people p on p.id = b.person_id
			 where s.status = 'scheduled' and s.starts_at > @now and s.starts_at <= @until and p.status = 'active'
			   and not exists (select 1 from mail_outbox m where m.dedupe_key = 'session-reminder:' || s.id || ':' || p.id || ':' || s.starts_at)
			 order by s.id, p.id`
		)
	}));
}

/** Queues the reminders due now; returns how many were queued. */
export function planSessionReminders(db: Db, framework: Framework, now = new Date()): number {
	const due = statements(db).due.all({ now: now.getTime(), until: now.getTime() + REMINDER_BEFORE_MS }) as {
		sessionId: number;
		id: number;
		name: string;
		email: string;
	}[];
	if (!due.length) return 0;
	return db.transaction((tx) => {
		let queued = 0;
		const sessions = new Map<number, ReturnType<typeof getSession>>();
		for (const row of due) {
			if (!sessions.has(row.sessionId)) sessions.set(row.sessionId, getSession(tx, row.sessionId));
			const session = sessions.get(row.sessionId)!;
			if (notifySession(tx, framework, session, row, 'reminder', { now, dedupeKey: sessionReminderKey(session.id, row.id, session.startsAt) })) queued++;
		}
		return queued;
	});
}
