/**
 * The people list's filter by practical session (/manage/matrix and its CSV): booked on an upcoming session, attended
 * one (or left it early), did not turn up to one, or has no upcoming booking; for one practical competency or any.
 * A condition on `people` for the list's query, each an `exists` over the person's bookings (practical_bookings_person).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../competency/dates';
import { people } from '../db/schema';
import { londonWallTime } from '../practical/london-time';
import type { SessionFilter } from '../../session-filter-labels';

/** Sessions count as upcoming from the start of `today` in London, so the answer holds all day (and can be cached). */
export function sessionCondition(filter: SessionFilter, competencyId: string | undefined, today: IsoDate): SQL {
	const midnight = londonWallTime(today, '00:00');
	if (!midnight.ok) throw new Error(midnight.error);
	const from = midnight.at.getTime();
	const assesses = competencyId
		? sql` and exists (select 1 from practical_session_competencies sc where sc.session_id = s.id and sc.competency_id = ${competencyId})`
		: sql``;
	const booking = (which: SQL) =>
		sql`exists (select 1 from practical_bookings b join practical_sessions s on s.id = b.session_id where b.person_id = ${people.id} and ${which}${assesses})`;
	switch (filter) {
		case 'booked':
			return booking(sql`b.status = 'booked' and s.status = 'scheduled' and s.starts_at >= ${from}`);
		case 'attended':
			return booking(sql`b.status = 'booked' and b.attendance in ('attended', 'left-early')`);
		case 'no-show':
			return booking(sql`b.status = 'booked' and b.attendance = 'absent'`);
		case 'none':
			// A place on the waiting list is a booking too: that person is not left without one.
			return sql`not ${booking(sql`b.status in ('booked', 'waiting') and s.status = 'scheduled' and s.starts_at >= ${from}`)}`;
	}
}
