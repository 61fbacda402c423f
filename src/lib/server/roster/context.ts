import { and, asc, eq, inArray } from 'drizzle-orm';
import { isAdmin, managedScope, type Principal } from '../access/policy';
import type { Db } from '../db';
import { organisations, people, roleGrants, units } from '../db/schema';
import type { RawRow } from './format';
import type { RosterContext } from './plan';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A connection or an open transaction: the apply reads its context inside its own transaction. */
export type Reader = Db | Tx;

// Well under SQLite's limit on bound parameters.
const CHUNK = 500;

/** Who is importing: an administrator, or a manager of whole organisations. */
export type RosterImporter = { isAdmin: boolean; organisationIds: number[] };

export const rosterImporter = (p: Principal): RosterImporter => ({ isAdmin: isAdmin(p), organisationIds: managedScope(p).organisationIds });

/**
 * Whether a grant is within what the importer manages: a manager or trainer role scoped to one of their organisations
 * (or to a unit of one). Administrator and partnership-lead roles never are, for anyone but an administrator.
 */
export function grantWithinImporter(
	importer: RosterImporter,
	grant: { role: string; organisationId: number | null; unitOrganisationId: number | null }
): boolean {
	if (importer.isAdmin) return true;
	if (grant.role !== 'manager' && grant.role !== 'trainer') return false;
	const organisationId = grant.organisationId ?? grant.unitOrganisationId;
	return organisationId !== null && importer.organisationIds.includes(organisationId);
}

/**
 * Reads what a roster plan for one organisation is decided from; undefined when the organisation does not exist.
 * The importer decides whose records this import may change: see `beyondImporter` in the plan.
 */
export function loadRosterContext(
	db: Reader,
	organisationId: number,
	rows: RawRow[],
	importer: RosterImporter,
	/** Only the people with these workforce ids (at most 500): an apply re-checks each chunk against its people alone. */
	onlyWorkforceIds?: string[]
): RosterContext | undefined {
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
			leftDate: people.leftDate,
			leftByAdmin: people.leftByAdmin
		})
		.from(people)
		.where(and(eq(people.organisationId, organisationId), onlyWorkforceIds ? inArray(people.workforceId, onlyWorkforceIds) : undefined))
		.all();
	// Only the addresses the file mentions, looked up everywhere: email addresses are unique across organisations.
	const emails = [...new Set(rows.map((r) => (r.values.email ?? '').trim().toLowerCase()).filter(Boolean))];
	const emailOwners = new Map<string, number>();
	for (let i = 0; i < emails.length; i += CHUNK) {
		for (const p of db
			.select({ id: people.id, email: people.email })
			.from(people)
			.where(inArray(people.email, emails.slice(i, i + CHUNK)))
			.all())
			emailOwners.set(p.email, p.id);
	}
	// A manager must not be able to edit, lock out or bring back someone whose access reaches beyond their own
	// (an administrator, a partnership lead, a manager or trainer of another organisation).
	const beyondImporter = new Map<number, string[]>();
	if (!importer.isAdmin) {
		const grants = db
			.select({ personId: roleGrants.personId, role: roleGrants.role, organisationId: roleGrants.organisationId, unitOrganisationId: units.organisationId })
			.from(roleGrants)
			.innerJoin(people, eq(roleGrants.personId, people.id))
			.leftJoin(units, eq(roleGrants.unitId, units.id))
			.where(and(eq(people.organisationId, organisationId), onlyWorkforceIds ? inArray(people.workforceId, onlyWorkforceIds) : undefined))
			.all();
		for (const g of grants) {
			if (grantWithinImporter(importer, g)) continue;
			const roles = beyondImporter.get(g.personId) ?? [];
			if (!roles.includes(g.role)) roles.push(g.role);
			beyondImporter.set(g.personId, roles);
		}
	}
	return { organisation, units: orgUnits, people: orgPeople, emailOwners, importerIsAdmin: importer.isAdmin, beyondImporter };
}
