import { describe, expect, it } from 'vitest';
import { testDb } from '$testing/fixtures';
import { testFramework } from '$testing/framework';
import { addSession, practicalWorld } from '$testing/practical';
import '../mail/catalogue';
import { bookSession } from '../practical/booking';
import { registerRows, takeRegister } from '../practical/register';
import { competencyMatrix } from './compliance';
import type { SessionFilter } from '../../session-filter-labels';

const framework = testFramework();
const BOOKED_AT = new Date('2026-06-10T12:00:00Z');

describe('the people list filtered by practical session', () => {
	it('finds who is booked, who attended, who did not turn up and who has no upcoming booking, for a competency or any', () => {
		const db = testDb();
		const w = practicalWorld(db);
		const [a, b, c, d, e, f] = ['Ann', 'Ben', 'Cat', 'Dan', 'Eve', 'Fay'].map((name) => w.learner({ name }));
		const past = addSession(db, w.trainer, { capacity: 3 }, BOOKED_AT);
		for (const p of [a, b, c]) bookSession(db, framework, p, past, BOOKED_AT);
		const byName = new Map(registerRows(db, past).map((r) => [r.name, r.bookingId]));
		const marks = { Ann: 'attended', Ben: 'absent', Cat: 'left-early' } as const;
		const entries = Object.entries(marks).map(([name, attendance]) => ({ bookingId: byName.get(name)!, attendance, outcome: null, notes: '' }));
		expect(takeRegister(db, framework, w.trainer, past, entries, new Date('2026-07-01T16:00:00Z'))).toMatchObject({ ok: true });
		// Upcoming: one place, taken by Dan; Eve waits.
		const upcoming = addSession(
			db,
			w.trainer,
			{
				capacity: 1,
				startsAt: new Date('2026-08-03T08:30:00Z'),
				endsAt: new Date('2026-08-03T15:30:00Z'),
				bookingClosesAt: new Date('2026-08-01T08:30:00Z')
			},
			BOOKED_AT
		);
		for (const p of [d, e]) bookSession(db, framework, p, upcoming, new Date('2026-07-10T12:00:00Z'));

		const scope = { kind: 'scoped' as const, organisationIds: [w.org.id], unitIds: [] };
		const names = (session: SessionFilter, sessionFor?: string, today = '2026-07-15') =>
			competencyMatrix(db, scope, today, { sort: 'name', page: 1, session, sessionFor }).rows.map((r) => r.name);
		expect(names('booked')).toEqual(['Dan']);
		expect(names('attended')).toEqual(['Ann', 'Cat']);
		expect(names('no-show')).toEqual(['Ben']);
		// The waiting list is a booking too.
		expect(names('none')).toEqual(['Ann', 'Ben', 'Cat', 'Fay', 'Tara Trainer']);
		expect(names('booked', 'safe-restraint')).toEqual(['Dan']);
		expect(names('booked', 'de-escalation')).toEqual([]);
		expect(names('none', 'de-escalation')).toEqual(['Ann', 'Ben', 'Cat', 'Dan', 'Eve', 'Fay', 'Tara Trainer']);
		// On the day of the session it still counts as upcoming; the day after, no one is booked on anything upcoming.
		expect(names('booked', undefined, '2026-08-03')).toEqual(['Dan']);
		expect(names('booked', undefined, '2026-08-04')).toEqual([]);
		expect(f.name).toBe('Fay');
	});
});
