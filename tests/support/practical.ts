import type { Principal } from '../../src/lib/server/access/policy';
import type { Db } from '../../src/lib/server/db';
import { createSession } from '../../src/lib/server/practical/schedule';
import type { SessionInput } from '../../src/lib/server/practical/session-input';
import type { Booker } from '../../src/lib/server/practical/booking';
import { addOrganisation, addPerson, addUnit, asTrainer, grant } from './fixtures';

/** An organisation with a trainer (as a signed-in principal) and a unit of constables, for practical session tests. */
export function practicalWorld(db: Db) {
	const org = addOrganisation(db);
	const unit = addUnit(db, org.id);
	const t = addPerson(db, unit, { jobRole: 'police-sergeant', name: 'Tara Trainer' });
	grant(db, t.id, 'trainer', { organisationId: org.id });
	const trainer = asTrainer(t);
	const learner = (over: Parameters<typeof addPerson>[2] = {}): Booker =>
		addPerson(db, unit, { jobRole: 'police-constable', startDate: '2020-01-01', ...over });
	return { org, unit, trainer, learner };
}

export function sessionInput(organisationId: number, trainerId: number, over: Partial<SessionInput> = {}): SessionInput {
	return {
		organisationId,
		title: 'Personal safety training',
		venue: 'Hendon, Room 4',
		startsAt: new Date('2026-07-01T08:30:00Z'),
		endsAt: new Date('2026-07-01T15:30:00Z'),
		bookingClosesAt: new Date('2026-06-30T08:30:00Z'),
		capacity: 2,
		competencyIds: ['safe-restraint'],
		trainerIds: [trainerId],
		audience: { organisations: [], units: [], roles: [] },
		...over
	};
}

export function addSession(db: Db, trainer: Principal, over: Partial<SessionInput> = {}, now = new Date('2026-06-01T12:00:00Z')): number {
	const result = createSession(db, trainer, sessionInput(trainer.organisationId, trainer.id, over), now);
	if (!result.ok) throw new Error(`addSession: ${JSON.stringify(result)}`);
	return result.id;
}
