import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { organisations, people, roleGrants, units } from '../db/schema';
import type { RawRow } from './format';
import type { RosterContext } from './plan';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A connection or an open transaction: the apply reads its context inside its own transaction. */
export type Reader = Db | Tx;

// Well under SQLite's limit on bound parameters.
const CHUNK = 500;

/**
 * Reads what a roster plan for one organisation is decided from; undefined when the organisation does not exist.
 * `importerIsAdmin` decides whether administrators' own records may be changed by this import.
 */
export function loadRosterContext(db: Reader, organisationId: number, rows: RawRow[], importerIsAdmin: boolean): RosterContext | undefined {
	const organisation = db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId)).get();
	if (!organisation) return undefined;
	const orgUnits = db.select({ id: units.id, name: units.name }).from(units).where(eq(units.organisationId, organisationId)).orderBy(asc(units.name)).all();
	const orgPeople = db
		.select({
			id: people.id,
			workforceId: people.workforceId,
			name: people.name,
			email: people.email,
			unitId: people.unitId,
			jobRole: people.jobRole,
			startDate: people.startDate,
			status: people.status,
			leftDate: people.leftDate
		})
		.from(people)
		.where(eq(people.organisationId, organisationId))
		.all();
	// Only the addresses the file mentions, looked up everywhere: email addresses are unique across organisations.
	const emails = [...new Set(rows.map((r) => (r.values.email ?? '').trim().toLowerCase()).filter(Boolean))];
	const emailOwners = new Map<string, number>();
	for (let i = 0; i < emails.length; i += CHUNK) {
		for (const p of db.select({ id: people.id, email: people.email }).from(people).where(inArray(people.email, emails.slice(i, i + CHUNK))).all())
			emailOwners.set(p.email, p.id);
	}
	// An organisation manager must not be able to edit, or lock out, an administrator who happens to be on their staff.
	const protectedPersonIds = new Set(
		importerIsAdmin
			? []
			: db
					.selectDistinct({ id: roleGrants.personId })
					.from(roleGrants)
					.innerJoin(people, eq(roleGrants.personId, people.id))
					.where(and(eq(roleGrants.role, 'admin'), eq(people.organisationId, organisationId)))
					.all()
					.map((r) => r.id)
	);
	return { organisation, units: orgUnits, people: orgPeople, emailOwners, protectedPersonIds };
}
