/**
 * A year of practical sessions in synthetic London: the past nine months and the next three, a few a week for each
 * organisation with trainers (how many in proportion to its size), each assessing one practical competency for the
 * job roles whose framework asks for an observed assessment, some open to one BCU's units only, a few cancelled.
 *
 * Past sessions take their register from the histories: an observed assessment falling in the window is moved to the
 * next session of the person's organisation for that competency with a place left (within a fortnight), where a
 * trainer of the session signs it off, so the booking's attendance and outcome, the assessment and the evidence are
 * the rows the register writes (practical/register.ts). Some people missed an earlier session (absent) or left one
 * early. Upcoming sessions are booked by people whose competency runs out soon, some full with a waiting list.
 * Rows are written with prepared statements in one transaction; the random stream is the seed's own, so adding
 * sessions does not move anyone's history.
 */
import type Database from 'better-sqlite3';
import { londonWallTime } from '../../src/lib/server/practical/london-time';
import type { SyntheticContent } from './content';
import { DAY_MS, isoOf } from './days';

export const PAST_DAYS = 273;
export const FUTURE_DAYS = 91;
/** A person in their organisation's people per session a week: the Met gets about eight a week at 80,000 staff. */
const PEOPLE_PER_WEEKLY_SESSION = 6000;
const SLOTS = [
	['09:30', '12:30'],
	['13:30', '16:30'],
	['09:00', '16:30']
] as const;
const VENUES: Record<string, string[]> = {
	police: [
		'Hendon Peel Centre, Personal Safety Training suite',
		'Marlowe House, Sidcup: training hall',
		'Empress State Building, level 3 training room',
		'Lambeth HQ, physical skills room',
		'Hounslow training centre, mat room'
	],
	other: ['Training centre, main hall']
};
const TITLES: Record<string, string> = {
	'safe-restraint': 'Safe restraint and positional asphyxia: practical assessment',
	'de-escalation': 'Personal safety training: de-escalation practical'
};
const CANCEL_REASON = 'Trainers redeployed to a public order event; everyone booked is offered the next session';

export type SyntheticBooking = {
	personId: number;
	status: 'booked' | 'waiting';
	attendance: 'attended' | 'absent' | 'left-early' | null;
	outcome: 'competent' | 'not-yet-competent' | null;
	notes: string | null;
	bookedAt: number;
};

export type SyntheticSession = {
	id: number;
	organisationId: number;
	organisationIndex: number;
	competencyId: string;
	day: number;
	startsAt: number;
	endsAt: number;
	closesAt: number;
	capacity: number;
	trainerIds: number[];
	roles: Set<string>;
	/** Open only to these units (one BCU), or to the whole organisation. */
	unitIds: number[] | null;
	venue: string;
	title: string;
	cancelled: boolean;
	bookings: SyntheticBooking[];
	booked: number;
};

export type SessionOrganisation = { index: number; id: number; kind: string; people: number; trainers: number[]; bcus: number[][] };

/** The instant London shows `time` on day number `day`. */
function londonAt(day: number, time: string): number {
	const r = londonWallTime(isoOf(day), time);
	if (!r.ok) throw new Error(r.error);
	return r.at.getTime();
}

/** Roles whose framework asks an observed assessment for each competency, from the roles' tasks. */
function practicalRoles(content: SyntheticContent) {
	const roles = new Map<string, Set<string>>();
	for (const [role, tasks] of content.tasks)
		for (const t of tasks) if (t.kind === 'observed') (roles.get(t.competencyId) ?? roles.set(t.competencyId, new Set()).get(t.competencyId)!).add(role);
	return roles;
}

export class SessionCalendar {
	readonly sessions: SyntheticSession[] = [];
	/** Sessions by organisation index and competency, in order of day. */
	private readonly byKey = new Map<string, SyntheticSession[]>();

	constructor(
		organisations: SessionOrganisation[],
		content: SyntheticContent,
		todayDay: number,
		firstId: number,
		private readonly rand: () => number
	) {
		const roles = practicalRoles(content);
		const competencies = [...roles.keys()].sort();
		let id = firstId;
		for (const o of organisations) {
			if (o.trainers.length < 2 || !competencies.length) continue;
			const perWeek = Math.max(1, Math.round(o.people / PEOPLE_PER_WEEKLY_SESSION));
			const venues = VENUES[o.kind] ?? VENUES.other;
			// Weeks start on the Monday on or before the window's first day (day 0, 1970-01-01, was a Thursday).
			const firstMonday = todayDay - PAST_DAYS - ((todayDay - PAST_DAYS + 3) % 7);
			for (let week = firstMonday; week < todayDay + FUTURE_DAYS; week += 7)
				for (let n = 0; n < perWeek; n++) {
					const day = week + Math.floor(rand() * 5);
					const slot = SLOTS[Math.floor(rand() * SLOTS.length)];
					const competencyId = competencies[(n + Math.round((week - firstMonday) / 7)) % competencies.length];
					const startsAt = londonAt(day, slot[0]);
					const trainers = [o.trainers[Math.floor(rand() * o.trainers.length)]];
					if (rand() < 0.4) {
						const second = o.trainers[Math.floor(rand() * o.trainers.length)];
						if (second !== trainers[0]) trainers.push(second);
					}
					const bcu = o.bcus.length && rand() < 0.25 ? o.bcus[Math.floor(rand() * o.bcus.length)] : null;
					const session: SyntheticSession = {
						id: id++,
						organisationId: o.id,
						organisationIndex: o.index,
						competencyId,
						day,
						startsAt,
						endsAt: londonAt(day, slot[1]),
						closesAt: londonAt(day - 2, '17:00'),
						capacity: 8 + Math.floor(rand() * 9),
						trainerIds: trainers,
						roles: roles.get(competencyId)!,
						unitIds: bcu,
						venue: venues[Math.floor(rand() * venues.length)],
						title: TITLES[competencyId] ?? `Practical assessment: ${content.framework.byId.get(competencyId)?.title ?? competencyId}`,
						cancelled: rand() < 0.03,
						bookings: [],
						booked: 0
					};
					this.sessions.push(session);
					const key = `${o.index}:${competencyId}`;
					(this.byKey.get(key) ?? this.byKey.set(key, []).get(key)!).push(session);
				}
		}
		for (const list of this.byKey.values()) list.sort((a, b) => a.day - b.day || a.id - b.id);
		this.sessions.sort((a, b) => a.id - b.id);
	}

	/** The first session from `fromDay` up to `toDay` (inclusive) that the person may book, has a place and no clash. */
	find(person: BookingPerson, competencyId: string, fromDay: number, toDay: number): SyntheticSession | null {
		const list = this.byKey.get(`${person.organisationIndex}:${competencyId}`);
		if (!list) return null;
		for (const s of list) {
			if (s.day < fromDay) continue;
			if (s.day > toDay) break;
			if (s.cancelled || s.booked >= s.capacity || !opensTo(s, person) || person.days.has(s.day)) continue;
			if (!s.trainerIds.some((t) => t !== person.id)) continue;
			return s;
		}
		return null;
	}

	/** A place on a session, with what its register says. */
	take(s: SyntheticSession, person: BookingPerson, attendance: SyntheticBooking['attendance'], outcome: SyntheticBooking['outcome'], notes: string | null) {
		s.bookings.push({ personId: person.id, status: 'booked', attendance, outcome, notes, bookedAt: s.startsAt - (5 + Math.floor(this.rand() * 40)) * DAY_MS });
		s.booked++;
		person.days.add(s.day);
	}

	/** The trainer of the session who signs the person off (never themselves). */
	assessor(s: SyntheticSession, personId: number): number {
		return s.trainerIds.find((t) => t !== personId)!;
	}

	/**
	 * Books upcoming sessions for people whose competency needs doing soon (`candidates` per organisation index and
	 * competency, most urgent first): each session filled to between 40% and all of its places, a quarter of them full
	 * with a short waiting list.
	 */
	bookUpcoming(candidates: Map<string, BookingPerson[]>, nowMs: number) {
		const next = new Map<string, number>();
		for (const s of this.sessions) {
			if (s.startsAt <= nowMs || s.cancelled) continue;
			const key = `${s.organisationIndex}:${s.competencyId}`;
			const queue = candidates.get(key) ?? [];
			const full = this.rand() < 0.25;
			const target = full ? s.capacity : Math.max(1, Math.floor(s.capacity * (0.4 + this.rand() * 0.6)));
			const waiting = full ? 1 + Math.floor(this.rand() * 4) : 0;
			let i = next.get(key) ?? 0;
			const skipped: BookingPerson[] = [];
			while ((s.booked < target || s.bookings.length < target + waiting) && i < queue.length) {
				const p = queue[i++];
				if (!opensTo(s, p) || p.days.has(s.day) || s.trainerIds.includes(p.id)) {
					if (skipped.length < 2000) skipped.push(p);
					continue;
				}
				const bookedAt = Math.min(nowMs - 3_600_000, s.startsAt - (3 + Math.floor(this.rand() * 30)) * DAY_MS);
				if (s.booked < target) {
					s.bookings.push({ personId: p.id, status: 'booked', attendance: null, outcome: null, notes: null, bookedAt });
					s.booked++;
				} else s.bookings.push({ personId: p.id, status: 'waiting', attendance: null, outcome: null, notes: null, bookedAt });
				p.days.add(s.day);
			}
			// Those this session could not take stay first in line for the next.
			if (skipped.length) queue.splice(i, 0, ...skipped);
			next.set(key, i);
		}
	}
}

export type BookingPerson = { id: number; organisationIndex: number; unitId: number; jobRole: string; days: Set<number> };

const opensTo = (s: SyntheticSession, p: BookingPerson) => s.roles.has(p.jobRole) && (!s.unitIds || s.unitIds.includes(p.unitId));

/** Writes the sessions, what they assess, their trainers, who may book and the bookings, in one transaction. */
export function writeSessions(client: Database.Database, calendar: SessionCalendar, nowMs: number) {
	const p = (sql: string) => client.prepare(sql);
	const session = p(
		`insert into practical_sessions (id, organisation_id, title, venue, starts_at, ends_at, booking_closes_at, capacity, booked_count, status, cancel_reason, sequence, created_by, created_at)
		 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const competency = p('insert into practical_session_competencies (session_id, competency_id) values (?, ?)');
	const trainer = p('insert into practical_session_trainers (session_id, person_id) values (?, ?)');
	const audience = p('insert into practical_session_audience (session_id, kind, ref) values (?, ?, ?)');
	const booking = p(
		'insert into practical_bookings (session_id, person_id, status, attendance, outcome, notes, booked_at, cancelled_at) values (?, ?, ?, ?, ?, ?, ?, null)'
	);
	const counts = { sessions: 0, bookings: 0 };
	client.transaction(() => {
		for (const s of calendar.sessions) {
			session.run(
				s.id,
				s.organisationId,
				s.title,
				s.venue,
				s.startsAt,
				s.endsAt,
				s.closesAt,
				s.capacity,
				s.booked,
				s.cancelled ? 'cancelled' : 'scheduled',
				s.cancelled ? CANCEL_REASON : null,
				s.cancelled ? 1 : 0,
				s.trainerIds[0],
				Math.min(nowMs, s.startsAt - 42 * DAY_MS)
			);
			competency.run(s.id, s.competencyId);
			for (const t of s.trainerIds) trainer.run(s.id, t);
			audience.run(s.id, 'organisation', String(s.organisationId));
			for (const u of s.unitIds ?? []) audience.run(s.id, 'unit', String(u));
			for (const r of [...s.roles].sort()) audience.run(s.id, 'job-role', r);
			// Places first, then the waiting list, each in the order they were booked: the list's order is by id.
			const ordered = [...s.bookings].sort((a, b) => (a.status === b.status ? a.bookedAt - b.bookedAt : a.status === 'booked' ? -1 : 1));
			for (const b of ordered) booking.run(s.id, b.personId, b.status, b.attendance, b.outcome, b.notes, b.bookedAt);
			counts.sessions++;
			counts.bookings += s.bookings.length;
		}
	})();
	return counts;
}
