import { openDb, type Db } from '../../src/lib/server/db';
import { organisations, people, roleGrants, units } from '../../src/lib/server/db/schema';
import type { RoleGrant } from '../../src/lib/server/db/schema';
import type { Principal } from '../../src/lib/server/access/policy';

/** A fresh in-memory database with every migration applied. */
export function testDb(): Db {
	return openDb(':memory:');
}

let counter = 0;

export function addOrganisation(db: Db, name = `Org ${++counter}`, kind = 'police') {
	return db.insert(organisations).values({ name, kind }).returning().get();
}

export function addUnit(db: Db, organisationId: number, name = `Unit ${++counter}`, borough: string | null = 'Lambeth') {
	return db.insert(units).values({ organisationId, name, kind: 'bcu', borough }).returning().get();
}

export function addPerson(db: Db, unit: { id: number; organisationId: number }, over: Partial<typeof people.$inferInsert> = {}) {
	const n = ++counter;
	return db
		.insert(people)
		.values({
			organisationId: unit.organisationId,
			unitId: unit.id,
			name: `Person ${n}`,
			email: `person${n}@example.test`,
			jobRole: 'police-constable',
			workforceId: `W${n}`,
			startDate: '2020-01-01',
			...over
		})
		.returning()
		.get();
}

/** A person in an organisation and unit of their own, for tests that need one person and no one around them. */
export function addPersonOnTheirOwn(db: Db, over: Partial<typeof people.$inferInsert> = {}) {
	return addPerson(db, addUnit(db, addOrganisation(db).id), over);
}

export function grant(db: Db, personId: number, role: RoleGrant['role'], scope: { organisationId?: number; unitId?: number } = {}) {
	db.insert(roleGrants)
		.values({ personId, role, organisationId: scope.organisationId ?? null, unitId: scope.unitId ?? null })
		.run();
}

type PersonRow = Pick<Principal, 'id' | 'name' | 'email' | 'organisationId' | 'unitId' | 'jobRole'>;

/** A person signed in as a trainer for their own organisation: the principal that sessions and assessments take. */
export function asTrainer(person: PersonRow): Principal {
	const { id, name, email, organisationId, unitId, jobRole } = person;
	return { id, name, email, organisationId, unitId, jobRole, grants: [{ role: 'trainer', organisationId, unitId: null }] };
}

/** Two organisations, each with two units and a few people, for access-rule tests. */
export function twoOrganisations(db: Db) {
	const orgA = addOrganisation(db, 'Force A', 'police');
	const orgB = addOrganisation(db, 'Trust B', 'nhs');
	const a1 = addUnit(db, orgA.id, 'A1');
	const a2 = addUnit(db, orgA.id, 'A2');
	const b1 = addUnit(db, orgB.id, 'B1');
	return {
		orgA,
		orgB,
		a1,
		a2,
		b1,
		inA1: addPerson(db, a1),
		otherInA1: addPerson(db, a1),
		inA2: addPerson(db, a2),
		inB1: addPerson(db, b1)
	};
}
