import { and, asc, count, eq, or, sql, type SQL } from 'drizzle-orm';
import { appendAudit } from '../audit/log';
import type { PeopleScope } from '../access/policy';
import { scopeCondition } from '../access/scope-sql';
import { queueActivation } from '../auth/activation';
import { invalidatePersonSessions } from '../auth/session';
import type { Framework } from '../competency/framework';
import type { AssignmentContent } from '../assignments/titles';
import { refreshPerson } from '../competency/ledger';
import type { Db } from '../db';
import { pageWindow } from '../db/page-window';
import { prepared } from '../db/prepared';
import { organisations, people, roleGrants, units } from '../db/schema';
import { resumeAssignmentsOnReturn } from '../assignments/store';
import { endGrantsOnLeaving } from './leaving';
import type { WriteResult } from './organisations';
import type { GrantInput, PersonInput } from './validation';

export const PAGE_SIZE = 50;

/** The columns that say who a person is, first in every list and page of people. */
const PERSON_IDENTITY = { id: people.id, name: people.name, email: people.email, jobRole: people.jobRole, workforceId: people.workforceId };

export type PeopleFilter = { q?: string; organisationId?: number; unitId?: number; status?: 'active' | 'left'; page?: number };

export function searchPeople(db: Db, scope: PeopleScope, filter: PeopleFilter) {
	const conditions: (SQL | undefined)[] = [scopeCondition(scope)];
	if (filter.q) {
		const term = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		conditions.push(
			or(sql`${people.name} like ${term} escape '\\'`, sql`${people.email} like ${term} escape '\\'`, sql`${people.workforceId} like ${term} escape '\\'`)
		);
	}
	if (filter.organisationId) conditions.push(eq(people.organisationId, filter.organisationId));
	if (filter.unitId) conditions.push(eq(people.unitId, filter.unitId));
	if (filter.status) conditions.push(eq(people.status, filter.status));
	const where = and(...conditions);
	const [{ total }] = db.select({ total: count() }).from(people).where(where).all();
	const { page, pages, offset } = pageWindow(total, filter.page, PAGE_SIZE);
	const rows = db
		.select({
			...PERSON_IDENTITY,
			status: people.status,
			organisationName: organisations.name,
			unitName: units.name
		})
		.from(people)
		.innerJoin(organisations, eq(people.organisationId, organisations.id))
		.innerJoin(units, eq(people.unitId, units.id))
		.where(where)
		.orderBy(asc(people.name), asc(people.id))
		.limit(PAGE_SIZE)
		.offset(offset)
		.all();
	return { rows, total, page, pages };
}

export function getPerson(db: Db, id: number) {
	// Prepared once per connection: My training and every person page start here.
	const statement = prepared(db, 'get-person', () =>
		db
			.select({
				...PERSON_IDENTITY,
				startDate: people.startDate,
				status: people.status,
				leftDate: people.leftDate,
				organisationId: people.organisationId,
				unitId: people.unitId,
				organisationName: organisations.name,
				organisationKind: organisations.kind,
				unitName: units.name,
				borough: units.borough
			})
			.from(people)
			.innerJoin(organisations, eq(people.organisationId, organisations.id))
			.innerJoin(units, eq(people.unitId, units.id))
			.where(eq(people.id, sql.placeholder('id')))
			.prepare()
	);
	return statement.get({ id });
}
export type PersonRecord = NonNullable<ReturnType<typeof getPerson>>;

/** Checks that cross rows: the unit belongs to the organisation; email and workforce id are free. */
function conflicts(db: Db, input: PersonInput, exceptId?: number): Record<string, string> {
	const errors: Record<string, string> = {};
	const unit = db.select({ organisationId: units.organisationId }).from(units).where(eq(units.id, input.unitId)).get();
	if (!db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.organisationId)).get())
		errors.organisationId = 'Choose an organisation from the list';
	else if (!unit || unit.organisationId !== input.organisationId) errors.unitId = 'Choose a unit that belongs to the chosen organisation';
	const byEmail = db.select({ id: people.id }).from(people).where(eq(people.email, input.email)).get();
	if (byEmail && byEmail.id !== exceptId) errors.email = 'Someone else already has this email address';
	const byWorkforce = db
		.select({ id: people.id })
		.from(people)
		.where(and(eq(people.organisationId, input.organisationId), eq(people.workforceId, input.workforceId)))
		.get();
	if (byWorkforce && byWorkforce.id !== exceptId) errors.workforceId = 'Someone else in this organisation already has this workforce identifier';
	return errors;
}

/** Creates a person and their (not yet achieved) competency statuses, so dashboards count them at once, and queues their activation email. */
export function createPerson(db: Db, framework: Framework, actorId: number, input: PersonInput): WriteResult {
	const errors = conflicts(db, input);
	if (Object.keys(errors).length) return { ok: false, errors };
	return db.transaction((tx) => {
		const row = tx.insert(people).values(input).returning({ id: people.id }).get();
		appendAudit(tx, { actorId, action: 'person-create', entity: 'person', entityId: row.id, detail: input });
		refreshPerson(tx, framework, row.id);
		// Their way in: a link to choose a password, or word that they sign in with their organisation.
		queueActivation(tx, row.id);
		return { ok: true as const, id: row.id };
	});
}

/** Edits a person; a new job role brings new requirements and a new start date new due dates, so their statuses are re-derived. */
export function updatePerson(db: Db, framework: Framework, actorId: number, id: number, input: PersonInput): WriteResult {
	const before = getPerson(db, id);
	if (!before) return { ok: false, errors: { form: 'This person could not be found' } };
	const errors = conflicts(db, input, id);
	if (Object.keys(errors).length) return { ok: false, errors };
	const changed = Object.fromEntries(
		(Object.keys(input) as (keyof PersonInput)[]).filter((k) => before[k] !== input[k]).map((k) => [k, { from: before[k], to: input[k] }])
	);
	db.transaction((tx) => {
		tx.update(people)
			.set({ ...input, updatedAt: new Date() })
			.where(eq(people.id, id))
			.run();
		appendAudit(tx, { actorId, action: 'person-update', entity: 'person', entityId: id, detail: changed });
		if (before.jobRole !== input.jobRole || before.startDate !== input.startDate) refreshPerson(tx, framework, id);
	});
	return { ok: true, id };
}

/** A leaver keeps their record and history; they can no longer sign in, and their access roles end. */
export function markLeft(db: Db, actorId: number, id: number, leftDate: string): WriteResult {
	const before = getPerson(db, id);
	if (!before) return { ok: false, errors: { form: 'This person could not be found' } };
	if (before.status === 'left') return { ok: false, errors: { leftDate: 'This person is already marked as left' } };
	if (leftDate < before.startDate) return { ok: false, errors: { leftDate: 'The leaving date must be on or after the start date' } };
	db.transaction((tx) => {
		// Only an administrator reaches this: only one may reinstate them (a roster import by a manager may not).
		tx.update(people).set({ status: 'left', leftDate, leftByAdmin: true, updatedAt: new Date() }).where(eq(people.id, id)).run();
		invalidatePersonSessions(tx, id);
		appendAudit(tx, { actorId, action: 'person-left', entity: 'person', entityId: id, detail: { leftDate } });
		endGrantsOnLeaving(tx, actorId, id, { reason: 'left' });
	});
	return { ok: true, id };
}

/** Brings a leaver back: what they still owe of assigned training is theirs again, with time to do it. */
export function reinstate(db: Db, content: AssignmentContent, actorId: number, id: number, now = new Date()): WriteResult {
	const before = getPerson(db, id);
	if (!before || before.status !== 'left') return { ok: false, errors: { form: 'This person is not marked as left' } };
	if (db.select({ at: people.anonymisedAt }).from(people).where(eq(people.id, id)).get()?.at)
		return { ok: false, errors: { form: 'This person was anonymised at the end of retention: add them again as a new person instead.' } };
	db.transaction((tx) => {
		tx.update(people).set({ status: 'active', leftDate: null, leftByAdmin: false, updatedAt: new Date() }).where(eq(people.id, id)).run();
		appendAudit(tx, { actorId, action: 'person-reinstate', entity: 'person', entityId: id });
		// Roles kept by someone who left before leaving ended them do not come back with them.
		endGrantsOnLeaving(tx, actorId, id, { reason: 'reinstated after leaving' });
		resumeAssignmentsOnReturn(tx, content, actorId, id, now);
	});
	return { ok: true, id };
}

export function listGrants(db: Db, personId: number) {
	return db
		.select({
			id: roleGrants.id,
			role: roleGrants.role,
			organisationId: roleGrants.organisationId,
			unitId: roleGrants.unitId,
			organisationName: organisations.name,
			unitName: units.name
		})
		.from(roleGrants)
		.leftJoin(organisations, eq(roleGrants.organisationId, organisations.id))
		.leftJoin(units, eq(roleGrants.unitId, units.id))
		.where(eq(roleGrants.personId, personId))
		.orderBy(asc(roleGrants.id))
		.all();
}

export function grantRole(db: Db, actorId: number, personId: number, grant: GrantInput): WriteResult {
	const person = getPerson(db, personId);
	if (!person) return { ok: false, errors: { form: 'This person could not be found' } };
	if (person.status !== 'active') return { ok: false, errors: { role: 'This person is marked as left: reinstate them before giving them an access role' } };
	if (grant.organisationId != null && !db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, grant.organisationId)).get())
		return { ok: false, errors: { scope: 'Choose a scope from the list' } };
	if (grant.unitId != null && !db.select({ id: units.id }).from(units).where(eq(units.id, grant.unitId)).get())
		return { ok: false, errors: { scope: 'Choose a scope from the list' } };
	const same = listGrants(db, personId).some((g) => g.role === grant.role && g.organisationId === grant.organisationId && g.unitId === grant.unitId);
	if (same) return { ok: false, errors: { role: 'This person already has this role with this scope' } };
	return db.transaction((tx) => {
		const row = tx
			.insert(roleGrants)
			.values({ personId, ...grant, grantedBy: actorId })
			.returning({ id: roleGrants.id })
			.get();
		appendAudit(tx, { actorId, action: 'role-grant', entity: 'person', entityId: personId, detail: grant });
		return { ok: true as const, id: row.id };
	});
}

export function revokeGrant(db: Db, actorId: number, personId: number, grantId: number): WriteResult {
	const grant = db
		.select()
		.from(roleGrants)
		.where(and(eq(roleGrants.id, grantId), eq(roleGrants.personId, personId)))
		.get();
	if (!grant) return { ok: false, errors: { form: 'This role has already been removed' } };
	if (grant.role === 'admin' && personId === actorId) return { ok: false, errors: { form: 'You cannot remove your own administrator role' } };
	db.transaction((tx) => {
		tx.delete(roleGrants).where(eq(roleGrants.id, grantId)).run();
		appendAudit(tx, {
			actorId,
			action: 'role-revoke',
			entity: 'person',
			entityId: personId,
			detail: { role: grant.role, organisationId: grant.organisationId, unitId: grant.unitId }
		});
	});
	return { ok: true, id: grantId };
}
