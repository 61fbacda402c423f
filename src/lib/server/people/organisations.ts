import { and, asc, count, eq, ne } from 'drizzle-orm';
import { appendAudit } from '../audit/log';
import type { Db } from '../db';
import { organisations, people, units } from '../db/schema';
import type { OrganisationInput, UnitInput } from './organisation-validation';

export type WriteResult<T = number> = { ok: true; id: T } | { ok: false; errors: Record<string, string> };

export function listOrganisations(db: Db) {
	const unitCounts = db.select({ organisationId: units.organisationId, n: count() }).from(units).groupBy(units.organisationId).all();
	const peopleCounts = db
		.select({ organisationId: people.organisationId, n: count() })
		.from(people)
		.where(eq(people.status, 'active'))
		.groupBy(people.organisationId)
		.all();
	const u = new Map(unitCounts.map((r) => [r.organisationId, r.n]));
	const p = new Map(peopleCounts.map((r) => [r.organisationId, r.n]));
	return db
		.select()
		.from(organisations)
		.orderBy(asc(organisations.name))
		.all()
		.map((o) => ({ ...o, units: u.get(o.id) ?? 0, activePeople: p.get(o.id) ?? 0 }));
}

export function getOrganisation(db: Db, id: number) {
	return db.select().from(organisations).where(eq(organisations.id, id)).get();
}

export function listUnits(db: Db, organisationId?: number) {
	const q = db
		.select({
			id: units.id,
			name: units.name,
			kind: units.kind,
			borough: units.borough,
			organisationId: units.organisationId,
			organisationName: organisations.name
		})
		.from(units)
		.innerJoin(organisations, eq(units.organisationId, organisations.id));
	return (organisationId ? q.where(eq(units.organisationId, organisationId)) : q).orderBy(asc(organisations.name), asc(units.name)).all();
}

export function getUnit(db: Db, id: number) {
	return db.select().from(units).where(eq(units.id, id)).get();
}

function nameTaken(db: Db, name: string, exceptId?: number) {
	const where = exceptId ? and(eq(organisations.name, name), ne(organisations.id, exceptId)) : eq(organisations.name, name);
	return !!db.select({ id: organisations.id }).from(organisations).where(where).get();
}

export function createOrganisation(db: Db, actorId: number, input: OrganisationInput): WriteResult {
	if (nameTaken(db, input.name)) return { ok: false, errors: { name: 'An organisation with this name already exists' } };
	return db.transaction((tx) => {
		const row = tx.insert(organisations).values(input).returning({ id: organisations.id }).get();
		appendAudit(tx, { actorId, action: 'organisation-create', entity: 'organisation', entityId: row.id, detail: input });
		return { ok: true as const, id: row.id };
	});
}

export function updateOrganisation(db: Db, actorId: number, id: number, input: OrganisationInput): WriteResult {
	const before = getOrganisation(db, id);
	if (!before) return { ok: false, errors: { form: 'This organisation no longer exists' } };
	if (nameTaken(db, input.name, id)) return { ok: false, errors: { name: 'An organisation with this name already exists' } };
	db.transaction((tx) => {
		tx.update(organisations).set(input).where(eq(organisations.id, id)).run();
		appendAudit(tx, {
			actorId,
			action: 'organisation-update',
			entity: 'organisation',
			entityId: id,
			detail: { before: { name: before.name, kind: before.kind }, after: input }
		});
	});
	return { ok: true, id };
}

function unitNameTaken(db: Db, organisationId: number, name: string, exceptId?: number) {
	const base = and(eq(units.organisationId, organisationId), eq(units.name, name));
	return !!db
		.select({ id: units.id })
		.from(units)
		.where(exceptId ? and(base, ne(units.id, exceptId)) : base)
		.get();
}

export function createUnit(db: Db, actorId: number, organisationId: number, input: UnitInput): WriteResult {
	if (!getOrganisation(db, organisationId)) return { ok: false, errors: { form: 'This organisation no longer exists' } };
	if (unitNameTaken(db, organisationId, input.name)) return { ok: false, errors: { name: 'This organisation already has a unit with this name' } };
	return db.transaction((tx) => {
		const row = tx
			.insert(units)
			.values({ ...input, organisationId })
			.returning({ id: units.id })
			.get();
		appendAudit(tx, { actorId, action: 'unit-create', entity: 'unit', entityId: row.id, detail: { organisationId, ...input } });
		return { ok: true as const, id: row.id };
	});
}

export function updateUnit(db: Db, actorId: number, id: number, input: UnitInput): WriteResult {
	const before = getUnit(db, id);
	if (!before) return { ok: false, errors: { form: 'This unit no longer exists' } };
	if (unitNameTaken(db, before.organisationId, input.name, id)) return { ok: false, errors: { name: 'This organisation already has a unit with this name' } };
	db.transaction((tx) => {
		tx.update(units).set(input).where(eq(units.id, id)).run();
		appendAudit(tx, {
			actorId,
			action: 'unit-update',
			entity: 'unit',
			entityId: id,
			detail: { before: { name: before.name, kind: before.kind, borough: before.borough }, after: input }
		});
	});
	return { ok: true, id };
}
