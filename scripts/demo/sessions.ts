/**
 * Demo practical sessions, seeded like the training history: past sessions of the MPS personal safety team with their
 * registers taken (sign-offs through the assessment path), one in progress today with its register still to take, and
 * upcoming ones with places left and one full with a waiting list. Written directly (no emails for the seeded past).
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Principal } from '../../src/lib/server/access/policy';
import { recordAssessment } from '../../src/lib/server/competency/assessments';
import type { Framework } from '../../src/lib/server/competency/framework';
import type { Db } from '../../src/lib/server/db';
import { organisations, people, practicalBookings, practicalSessions, roleGrants } from '../../src/lib/server/db/schema';
import { writeSessionLists } from '../../src/lib/server/practical/store';
import { londonWallParts, londonWallTime } from '../../src/lib/london-time';

const DAY = 86_400_000;
export const DEMO_IN_PROGRESS_TITLE = 'Personal safety refresher (today)';
export const DEMO_FULL_TITLE = 'Safe restraint and monitoring, full day';

/** The instant London shows `time` on the day `days` from now. */
function londonAt(now: Date, days: number, time: string): Date {
	const r = londonWallTime(londonWallParts(new Date(now.getTime() + days * DAY)).date, time);
	if (!r.ok) throw new Error(r.error);
	return r.at;
}

type Plan = { title: string; days: number; start: string; end: string; capacity: number; booked: number; waiting: number; register?: boolean };

export function seedDemoSessions(db: Db, framework: Framework, now = new Date()) {
	const trainer = db.select().from(people).where(eq(people.email, 'trainer@demo.test')).get();
	const mps = db.select().from(organisations).where(eq(organisations.name, 'Metropolitan Police Service')).get();
	if (!trainer || !mps) return;
	const principal: Principal = {
		...trainer,
		grants: db
			.select({ role: roleGrants.role, organisationId: roleGrants.organisationId, unitId: roleGrants.unitId })
			.from(roleGrants)
			.where(eq(roleGrants.personId, trainer.id))
			.all()
	};
	const competencyIds = ['safe-restraint', 'physical-monitoring'].filter((id) => framework.byId.has(id));
	// Constables, sergeants and custody officers without a sign-in of their own come first; the demo accounts are left to book in the demo.
	const learners = db
		.select()
		.from(people)
		.where(
			and(
				eq(people.organisationId, mps.id),
				eq(people.status, 'active'),
				inArray(people.jobRole, ['police-constable', 'custody-officer', 'police-sergeant']),
				ne(people.id, trainer.id)
			)
		)
		.all()
		.filter((p) => !p.email.endsWith('@demo.test') || /\d@demo\.test$/.test(p.email));
	const plans: Plan[] = [
		{ title: 'Personal safety training, annual refresher', days: -42, start: '09:00', end: '16:30', capacity: 10, booked: 8, waiting: 0, register: true },
		{ title: 'Safe restraint practical assessment', days: -14, start: '13:00', end: '17:00', capacity: 6, booked: 6, waiting: 0, register: true },
		{ title: DEMO_IN_PROGRESS_TITLE, days: 0, start: '00:30', end: '23:30', capacity: 8, booked: 4, waiting: 0 },
		{ title: 'Personal safety training, annual refresher', days: 10, start: '09:00', end: '16:30', capacity: 12, booked: 5, waiting: 0 },
		{ title: DEMO_FULL_TITLE, days: 17, start: '09:30', end: '17:00', capacity: 4, booked: 4, waiting: 2 }
	];
	let next = 0;
	const take = (n: number) => learners.slice(next, (next += n));
	for (const plan of plans) {
		const startsAt = londonAt(now, plan.days, plan.start);
		const endsAt = londonAt(now, plan.days, plan.end);
		const session = db
			.insert(practicalSessions)
			.values({
				organisationId: mps.id,
				title: plan.title,
				venue: 'Hendon Peel Centre, Personal Safety Training suite',
				startsAt,
				endsAt,
				bookingClosesAt: new Date(Math.min(startsAt.getTime(), endsAt.getTime() - DAY)),
				capacity: plan.capacity,
				bookedCount: plan.booked,
				createdBy: trainer.id,
				createdAt: new Date(startsAt.getTime() - 30 * DAY)
			})
			.returning()
			.get();
		writeSessionLists(db, session.id, { competencyIds, trainerIds: [trainer.id], audience: { organisations: [mps.id], units: [], roles: [] } });
		const booked = take(plan.booked);
		const bookedAt = new Date(startsAt.getTime() - 20 * DAY);
		booked.forEach((p, i) => {
			const attendance = !plan.register ? null : i === 1 ? 'absent' : i === 2 ? 'left-early' : 'attended';
			const outcome = attendance === 'attended' ? (i === 3 ? 'not-yet-competent' : 'competent') : null;
			const notes = outcome === 'not-yet-competent' ? 'Lost control of the rear hold twice; rebook for the practical.' : null;
			db.insert(practicalBookings).values({ sessionId: session.id, personId: p.id, status: 'booked', attendance, outcome, notes, bookedAt }).run();
			if (!outcome) return;
			for (const competencyId of competencyIds)
				recordAssessment(
					db,
					framework,
					principal,
					p,
					{ competencyId, assessedOn: londonWallParts(startsAt).date, outcome, notes },
					new Date(endsAt.getTime() + 3_600_000)
				);
		});
		for (const p of take(plan.waiting)) db.insert(practicalBookings).values({ sessionId: session.id, personId: p.id, status: 'waiting', bookedAt }).run();
	}
}
