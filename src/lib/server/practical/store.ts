/** Reading a session with its competencies, trainers and who may book it: the area's shared lookups. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import {
	organisations,
	people,
	practicalBookings,
	practicalSessionAudience,
	practicalSessionCompetencies,
	practicalSessionTrainers,
	practicalSessions,
	roleGrants,
	units,
	type PracticalSession
} from '../db/schema';
import type { Framework } from '../competency/framework';

type Reader = Pick<Db, 'select' | 'selectDistinct'>;

export type SessionDetail = PracticalSession & {
	competencyIds: string[];
	trainerIds: number[];
	audience: { organisations: number[]; units: number[]; roles: string[] };
};

export function getSession(db: Reader, id: number): SessionDetail | undefined {
	const session = db.select().from(practicalSessions).where(eq(practicalSessions.id, id)).get();
	if (!session) return undefined;
	const competencyIds = db
		.select({ id: practicalSessionCompetencies.competencyId })
		.from(practicalSessionCompetencies)
		.where(eq(practicalSessionCompetencies.sessionId, id))
		.all()
		.map((r) => r.id);
	const trainerIds = db
		.select({ id: practicalSessionTrainers.personId })
		.from(practicalSessionTrainers)
		.where(eq(practicalSessionTrainers.sessionId, id))
		.all()
		.map((r) => r.id);
	const audience = { organisations: [] as number[], units: [] as number[], roles: [] as string[] };
	for (const a of db.select().from(practicalSessionAudience).where(eq(practicalSessionAudience.sessionId, id)).all()) {
		if (a.kind === 'organisation') audience.organisations.push(Number(a.ref));
		else if (a.kind === 'unit') audience.units.push(Number(a.ref));
		else audience.roles.push(a.ref);
	}
	return { ...session, competencyIds, trainerIds, audience };
}

/** Replaces a session's competencies, trainers and audience (what getSession reads back). */
export function writeSessionLists(db: Pick<Db, 'insert' | 'delete'>, id: number, lists: Pick<SessionDetail, 'competencyIds' | 'trainerIds' | 'audience'>) {
	db.delete(practicalSessionCompetencies).where(eq(practicalSessionCompetencies.sessionId, id)).run();
	db.delete(practicalSessionTrainers).where(eq(practicalSessionTrainers.sessionId, id)).run();
	db.delete(practicalSessionAudience).where(eq(practicalSessionAudience.sessionId, id)).run();
	db.insert(practicalSessionCompetencies)
		.values(lists.competencyIds.map((competencyId) => ({ sessionId: id, competencyId })))
		.run();
	db.insert(practicalSessionTrainers)
		.values(lists.trainerIds.map((personId) => ({ sessionId: id, personId })))
		.run();
	const audience = [
		...lists.audience.organisations.map((ref) => ({ sessionId: id, kind: 'organisation' as const, ref: String(ref) })),
		...lists.audience.units.map((ref) => ({ sessionId: id, kind: 'unit' as const, ref: String(ref) })),
		...lists.audience.roles.map((ref) => ({ sessionId: id, kind: 'job-role' as const, ref }))
	];
	if (audience.length) db.insert(practicalSessionAudience).values(audience).run();
}

/** Whether a person may book: for each kind of rule the session has, one of its rows matches them. */
export function isOpenTo(session: Pick<SessionDetail, 'audience'>, person: { organisationId: number; unitId: number; jobRole: string }): boolean {
	const { organisations: o, units: u, roles: r } = session.audience;
	return (!o.length || o.includes(person.organisationId)) && (!u.length || u.includes(person.unitId)) && (!r.length || r.includes(person.jobRole));
}

export const competencyTitles = (framework: Framework, ids: string[]) => ids.map((id) => framework.byId.get(id)?.title ?? id);

/** Trainers of an organisation who may be named on its sessions. */
export function trainersOf(db: Reader, organisationIds: number[]) {
	if (!organisationIds.length) return [];
	return db
		.selectDistinct({ id: people.id, name: people.name, organisationId: roleGrants.organisationId })
		.from(roleGrants)
		.innerJoin(people, eq(people.id, roleGrants.personId))
		.where(and(eq(roleGrants.role, 'trainer'), inArray(roleGrants.organisationId, organisationIds), eq(people.status, 'active')))
		.orderBy(people.name)
		.all();
}

export function organisationChoices(db: Reader) {
	return db.select({ id: organisations.id, name: organisations.name }).from(organisations).orderBy(organisations.name).all();
}

export function unitChoices(db: Reader, organisationIds: number[]) {
	if (!organisationIds.length) return [];
	return db
		.select({ id: units.id, name: units.name, organisationId: units.organisationId })
		.from(units)
		.where(inArray(units.organisationId, organisationIds))
		.orderBy(units.name)
		.all();
}

/** A person's live booking of a session, if any. */
export function liveBooking(db: Reader, sessionId: number, personId: number) {
	return db
		.select()
		.from(practicalBookings)
		.where(and(eq(practicalBookings.sessionId, sessionId), eq(practicalBookings.personId, personId), inArray(practicalBookings.status, ['booked', 'waiting'])))
		.get();
}
