import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { sessionCalendar, sessionUid, type CalendarSession } from './calendar';
import { londonWallTime } from './london-time';

/** Parses an iCalendar object back with ical.js, as a calendar program would, and gives its parts. */
function parse(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text));
	const vevent = calendar.getFirstSubcomponent('vevent')!;
	const event = new ICAL.Event(vevent);
	return {
		method: calendar.getFirstPropertyValue('method'),
		uid: event.uid,
		sequence: event.sequence,
		summary: event.summary,
		location: event.location,
		start: event.startDate.toJSDate().toISOString(),
		end: event.endDate.toJSDate().toISOString(),
		status: vevent.getFirstPropertyValue('status'),
		attendees: event.attendees.map((a) => String(a.getFirstValue()).toLowerCase()),
		organizer: String(vevent.getFirstPropertyValue('organizer')).toLowerCase()
	};
}

const at = (date: string, time: string) => {
	const r = londonWallTime(date, time);
	if (!r.ok) throw new Error(r.error);
	return r.at;
};

const session: CalendarSession = {
	id: 42,
	title: 'Safe restraint; refresher, part 1',
	venue: 'Hendon, Room 4',
	// The first Monday of BST: 09:30 London is 08:30 UTC.
	startsAt: at('2026-03-30', '09:30'),
	endsAt: at('2026-03-30', '16:30'),
	sequence: 3,
	status: 'scheduled',
	cancelReason: null,
	competencies: ['Safe restraint']
};
const options = {
	domain: 'academy.example',
	url: 'https://academy.example/sessions/42',
	organiser: { name: 'Crisis Care Academy', email: 'no-reply@academy.example' },
	attendee: { name: 'Ana Learner', email: 'ana@example.test' }
};

describe('session calendar objects', () => {
	it('invites with a stable UID, the session’s sequence and the right instants across the clock change', () => {
		const parsed = parse(sessionCalendar(session, { ...options, method: 'REQUEST' }));
		expect(parsed).toMatchObject({
			method: 'REQUEST',
			uid: 'practical-session-42@academy.example',
			sequence: 3,
			summary: 'Safe restraint; refresher, part 1',
			location: 'Hendon, Room 4',
			start: '2026-03-30T08:30:00.000Z',
			end: '2026-03-30T15:30:00.000Z',
			status: 'CONFIRMED',
			organizer: 'mailto:no-reply@academy.example'
		});
		expect(parsed.attendees).toEqual(['mailto:ana@example.test']);
		// The same session gives the same UID every time.
		expect(parse(sessionCalendar(session, { ...options, method: 'REQUEST' })).uid).toBe(sessionUid(42, 'academy.example'));
	});

	it('cancels the same event with METHOD:CANCEL', () => {
		const parsed = parse(sessionCalendar({ ...session, status: 'cancelled', cancelReason: 'Trainer ill', sequence: 4 }, { ...options, method: 'CANCEL' }));
		expect(parsed).toMatchObject({ method: 'CANCEL', uid: 'practical-session-42@academy.example', sequence: 4, status: 'CANCELLED' });
	});

	it('keeps winter sessions in GMT', () => {
		const winter = { ...session, startsAt: at('2026-10-26', '09:30'), endsAt: at('2026-10-26', '12:00') };
		expect(parse(sessionCalendar(winter, { ...options, method: 'REQUEST' })).start).toBe('2026-10-26T09:30:00.000Z');
	});
});
