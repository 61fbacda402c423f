/**
 * A session as an iCalendar object (RFC 5545, with the iTIP METHOD of RFC 5546), made by ical-generator. The UID is
 * the session's own, so that every invitation, change and cancellation a calendar receives is about one event;
 * SEQUENCE is the session's, raised by each change people are told about, so the newest one wins.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export type CalendarSession = {
	id: number;
	title: string;
	venue: string;
	startsAt: Date;
	endsAt: Date;
	sequence: number;
	status: 'scheduled' | 'cancelled';
	cancelReason: string | null;
	/** The competencies it assesses, by title, for the description. */
	competencies: string[];
};

export type CalendarOptions = {
	/** REQUEST invites (or updates); CANCEL takes the event out of the attendee's calendar. */
	method: 'REQUEST' | 'CANCEL';
	/** The mail domain: UIDs are made in it. */
	domain: string;
	/** Where the session's page is. */
	url: string;
	organiser: { name: string; email: string };
	attendee?: { name: string; email: string };
};

export const sessionUid = (sessionId: number, domain: string) => `practical-session-${sessionId}@${domain}`;

export function sessionCalendar(session: CalendarSession, options: CalendarOptions): string {
	const cancelled = options.method === 'CANCEL';
	const calendar = ical({
		prodId: { company: 'Crisis Care Academy', product: 'Practical sessions', language: 'EN' },
		method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
		name: 'Crisis Care Academy'
	});
	const description = [
		session.competencies.length ? `Assesses: ${session.competencies.join('; ')}` : '',
		session.status === 'cancelled' && session.cancelReason ? `Cancelled: ${session.cancelReason}` : '',
		options.url
	]
		.filter(Boolean)
		.join('\n');
	calendar.createEvent({
		id: sessionUid(session.id, options.domain),
		sequence: session.sequence,
		start: session.startsAt,
		end: session.endsAt,
		stamp: new Date(),
		summary: session.title,
		location: session.venue,
		description,
		url: options.url,
		status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
		organizer: options.organiser,
		attendees: options.attendee ? [{ name: options.attendee.name, email: options.attendee.email, rsvp: false }] : []
	});
	return calendar.toString();
}
