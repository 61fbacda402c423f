/**
 * Assigned training: making, extending and cancelling an assignment (each one transaction with its audit entry, the
 * assignees' due dates and their emails), and the lists managers and learners read. All of the area's SQL for
 * these is here; per-person reads for the ledger are in person-assignments.ts.
 */
import { canSeePerson, peopleScope, type Principal } from '../access/policy';
import { scopeParameterCondition, scopeParameters } from '../access/scope-sql';
import { appendAudit } from '../audit/log';
import { londonToday, type IsoDate } from '../competency/dates';
import { refreshDueDates } from '../competency/ledger';
import type { Db } from '../db';
import { pageWindow } from '../db/page-window';
import { connectionOf, statementsFor } from '../db/prepared';
import type { FieldErrors } from '../forms/parse';
import type { AssignInput, AssignTarget } from './input';
import { notifyAssignee, type AssignmentNews } from './notify';
import type { AssignmentContent } from './titles';
import { meetFromLedger } from './person-assignments';
import {
	assigneeState,
	assignmentDay,
	competenciesOf,
	dueDateProblem,
	NO_PROGRESS,
	returnerDueOn,
	type AssignedWhat,
	type AssigneeState,
	type Progress
} from './rules';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type AssignResult = { ok: true; id: number } | { ok: false; notFound: true } | { ok: false; notFound: false; errors: FieldErrors };

/** The most people one assignment may reach: beyond it, assign by unit (one transaction must stay short). */
export const MAX_ASSIGNEES = 10_000;

/** Whether a module, scenario or competency exists, for checking what a form names. */
export type ContentCheck = (what: AssignedWhat) => boolean;

type Resolved = { organisationId: number; unitId: number | null; targetPersonId: number | null; jobRole: string | null; people: number[] };

/** Who a target reaches now (active people only), and whose it is; null when it is outside the manager's scope. */
function resolveTarget(db: Db | Tx, user: Principal, target: AssignTarget): Resolved | null {
	const c = connectionOf(db);
	const scope = peopleScope(user);
	const seesUnit = (u: { id: number; organisationId: number }) =>
		scope.kind === 'all' || (scope.kind === 'scoped' && (scope.organisationIds.includes(u.organisationId) || scope.unitIds.includes(u.id)));
	const unitOf = (id: number) =>
		c.prepare('select id, organisation_id as organisationId from units where id = ?').get(id) as { id: number; organisationId: number } | undefined;
	const active = (where: string, ...params: unknown[]) =>
		c
			.prepare(`select id from people where ${where} and status = 'active' order by id`)
			.pluck()
			.all(...params) as number[];
	switch (target.kind) {
		case 'person': {
			const p = c.prepare('select id, organisation_id as organisationId, unit_id as unitId, status from people where id = ?').get(target.personId) as
				{ id: number; organisationId: number; unitId: number; status: string } | undefined;
			if (!p || p.id === user.id || !canSeePerson(user, p) || p.status !== 'active') return null;
			return { organisationId: p.organisationId, unitId: p.unitId, targetPersonId: p.id, jobRole: null, people: [p.id] };
		}
		case 'unit': {
			const u = unitOf(target.unitId);
			if (!u || !seesUnit(u)) return null;
			return { organisationId: u.organisationId, unitId: u.id, targetPersonId: null, jobRole: null, people: active('unit_id = ?', u.id) };
		}
		case 'job-role': {
			if ('unitId' in target.within) {
				const u = unitOf(target.within.unitId);
				if (!u || !seesUnit(u)) return null;
				return {
					organisationId: u.organisationId,
					unitId: u.id,
					targetPersonId: null,
					jobRole: target.jobRole,
					people: active('unit_id = ? and job_role = ?', u.id, target.jobRole)
				};
			}
			const orgId = target.within.organisationId;
			const exists = c.prepare('select 1 from organisations where id = ?').get(orgId);
			if (!exists || !(scope.kind === 'all' || (scope.kind === 'scoped' && scope.organisationIds.includes(orgId)))) return null;
			return {
				organisationId: orgId,
				unitId: null,
				targetPersonId: null,
				jobRole: target.jobRole,
				people: active('organisation_id = ? and job_role = ?', orgId, target.jobRole)
			};
		}
	}
}

/** Everything an assignment needs that is not about who: a real what, a due date in range. */
function checkAssignment(input: { what: AssignedWhat; dueOn: IsoDate }, exists: ContentCheck, today: IsoDate): FieldErrors {
	const errors: FieldErrors = {};
	if (!exists(input.what)) errors.what = 'Choose what to assign from the list';
	const due = dueDateProblem(input.dueOn, today);
	if (due) errors.dueOn = due;
	return errors;
}

type NewAssignment = Omit<Resolved, 'people'> & {
	what: AssignedWhat;
	targetKind: 'person' | 'unit' | 'job-role' | 'content-change';
	dueOn: IsoDate;
	reason: string;
	minVersion?: number | null;
	systemKey?: string | null;
	createdBy: number | null;
};

/**
 * Writes an assignment and its competencies, reaches the given people (any already on it are left as they are),
 * gives them their due dates and tells them. Call inside a transaction; returns how many it newly reached.
 */
export function insertAssignment(
	tx: Tx,
	content: AssignmentContent,
	a: NewAssignment,
	people: number[],
	now: Date,
	options: { existingId?: number; notify?: boolean } = {}
): { id: number; reached: number; alreadyDone: number } {
	const { existingId, notify = true } = options;
	const c = connectionOf(tx);
	const assignedOn = assignmentDay(now);
	const id =
		existingId ??
		Number(
			c
				.prepare(
					`insert into assignments (kind, ref, target_kind, target_person_id, job_role, organisation_id, unit_id, assigned_on, due_on, reason, min_version, system_key, created_by, created_at)
					 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
				)
				.run(
					a.what.kind,
					a.what.ref,
					a.targetKind,
					a.targetPersonId,
					a.jobRole,
					a.organisationId,
					a.unitId,
					assignedOn,
					a.dueOn,
					a.reason,
					a.minVersion ?? null,
					a.systemKey ?? null,
					a.createdBy,
					now.getTime()
				).lastInsertRowid
		);
	if (existingId === undefined) {
		const addCompetency = c.prepare('insert into assignment_competencies (assignment_id, competency_id) values (?, ?)');
		for (const competencyId of competenciesOf(content.framework, a.what)) addCompetency.run(id, competencyId);
	}
	// Someone reached later by an existing assignment (a retraining) counts from the day it was first made.
	const meeting = {
		id,
		...a.what,
		assignedOn: existingId === undefined ? assignedOn : (c.prepare('select assigned_on from assignments where id = ?').pluck().get(id) as IsoDate),
		minVersion: a.minVersion ?? null
	};
	const addPerson = c.prepare('insert into assignment_people (assignment_id, person_id, due_on) values (?, ?, ?) on conflict do nothing');
	let reached = 0;
	let alreadyDone = 0;
	for (const personId of people) {
		if (addPerson.run(id, personId, a.dueOn).changes === 0) continue;
		reached++;
		// Evidence already dated on or after the assignment's day meets it now, as it would had it come after.
		const doneOn = meetFromLedger(tx, { assignment: meeting, personId, actorId: a.createdBy, at: now });
		if (doneOn !== null) alreadyDone++;
		else refreshDueDates(tx, content.framework, personId, now);
		if (notify)
			notifyAssignee(tx, content, { id, kind: a.what.kind, ref: a.what.ref, reason: a.reason }, personId, 'assigned', a.dueOn, now, undefined, doneOn);
	}
	return { id, reached, alreadyDone };
}

export function createAssignment(
	db: Db,
	content: AssignmentContent,
	user: Principal,
	input: AssignInput,
	exists: ContentCheck,
	now = new Date()
): AssignResult {
	const resolved = resolveTarget(db, user, input.target);
	if (!resolved) return { ok: false, notFound: true };
	const errors = checkAssignment(input, exists, londonToday(now));
	if (resolved.people.length === 0) errors.to = 'No one active is in that group: choose another';
	if (resolved.people.length > MAX_ASSIGNEES)
		errors.to = `That group has ${resolved.people.length.toLocaleString('en-GB')} people; assign to at most ${MAX_ASSIGNEES.toLocaleString('en-GB')} at once (by unit, say)`;
	if (Object.keys(errors).length) return { ok: false, notFound: false, errors };
	const id = db.transaction((tx) => {
		const { people, ...whose } = resolved;
		const made = insertAssignment(
			tx,
			content,
			{ ...whose, what: input.what, targetKind: input.target.kind, dueOn: input.dueOn, reason: input.reason, createdBy: user.id },
			people,
			now
		);
		appendAudit(tx, {
			actorId: user.id,
			action: 'assignment-create',
			entity: 'assignment',
			entityId: made.id,
			detail: { what: input.what, target: input.target, dueOn: input.dueOn, reason: input.reason, people: made.reached, alreadyDone: made.alreadyDone },
			at: now
		});
		return made.id;
	});
	return { ok: true, id };
}

/** An assignment as read with who and where it names (ASSIGNMENT_COLUMNS). */
export type AssignmentRow = {
	id: number;
	kind: AssignedWhat['kind'];
	ref: string;
	targetKind: 'person' | 'unit' | 'job-role' | 'content-change';
	targetPersonId: number | null;
	targetName: string | null;
	jobRole: string | null;
	organisationId: number;
	organisationName: string;
	unitId: number | null;
	unitName: string | null;
	assignedOn: IsoDate;
	dueOn: IsoDate;
	reason: string;
	minVersion: number | null;
	createdBy: number | null;
	createdByName: string | null;
	createdAt: number;
	cancelledAt: number | null;
	cancelReason: string | null;
	/** Seen only through the manager's own people on it (an organisation's retraining, by a unit manager): read-only, counted over them. */
	partial: boolean;
};

const ASSIGNMENT_COLUMNS = `a.id, a.kind, a.ref, a.target_kind as targetKind, a.target_person_id as targetPersonId, tp.name as targetName,
	a.job_role as jobRole, a.organisation_id as organisationId, o.name as organisationName, a.unit_id as unitId, u.name as unitName,
	a.assigned_on as assignedOn, a.due_on as dueOn, a.reason, a.min_version as minVersion, a.created_by as createdBy, cb.name as createdByName,
	a.created_at as createdAt, a.cancelled_at as cancelledAt, a.cancel_reason as cancelReason`;
const ASSIGNMENT_JOINS = `from assignments a join organisations o on o.id = a.organisation_id left join units u on u.id = a.unit_id
	left join people tp on tp.id = a.target_person_id left join people cb on cb.id = a.created_by`;

const WHOLE = scopeParameterCondition('a.organisation_id', 'a.unit_id');
// A retraining is made one per organisation, with no unit: a unit manager sees it through their own people on it.
// The assignment ids are read once per query: the units' people along people_unit, then their rows along assignment_people_person.
const THROUGH_OWN_PEOPLE = `(a.target_kind = 'content-change' and a.id in (select sap.assignment_id from people sp join assignment_people sap on sap.person_id = sp.id
	where sp.unit_id in (select value from json_each(@units))))`;
const VISIBLE = `(${WHOLE} or ${THROUGH_OWN_PEOPLE})`;
// The rows of the people of @units, each found by assignment_people's primary key from people_unit (never all of a force's rows).
const OF_UNITS = 'ap.person_id in (select id from people where unit_id in (select value from json_each(@units)))';
const PARTIAL = `case when ${WHOLE} then 0 else 1 end as partial`;

const asRow = (r: Omit<AssignmentRow, 'partial'> & { partial: number }): AssignmentRow => ({ ...r, partial: r.partial === 1 });

/**
 * An assignment the manager may see (its organisation or unit is in their scope, or it is a retraining that reached
 * people in their units: then `partial`), or undefined.
 */
export function assignmentFor(db: Db | Tx, user: Principal, id: number): AssignmentRow | undefined {
	const scope = peopleScope(user);
	if (scope.kind === 'self') return undefined;
	const row = connectionOf(db)
		.prepare(`select ${ASSIGNMENT_COLUMNS}, ${PARTIAL} ${ASSIGNMENT_JOINS} where a.id = @id and ${VISIBLE}`)
		.get({ id, ...scopeParameters(scope) }) as (Omit<AssignmentRow, 'partial'> & { partial: number }) | undefined;
	return row && asRow(row);
}

/**
 * Progress of assignments as this manager sees them: over everyone on it, or, for one seen only through their own
 * people, over the people of their units.
 */
export function progressFor(db: Db | Tx, user: Principal, rows: { id: number; partial: boolean }[], today: IsoDate): Map<number, Progress> {
	const scope = peopleScope(user);
	const units = scope.kind === 'scoped' ? scope.unitIds : [];
	const ids = (partial: boolean) => rows.filter((r) => r.partial === partial).map((r) => r.id);
	return new Map([...progressOf(db, ids(false), today), ...progressOf(db, ids(true), today, units)]);
}

export type { Progress };
export const PAGE_SIZE = 50;

/** The assignments in the manager's scope, newest first, a page at a time, each with its progress counted on its own rows. */
export function listAssignments(db: Db, user: Principal, page = 1, today = londonToday()) {
	const scope = peopleScope(user);
	if (scope.kind === 'self') return { rows: [], total: 0, page: 1, pages: 1 };
	const c = connectionOf(db);
	const params = scopeParameters(scope);
	const total = c.prepare(`select count(*) from assignments a where ${VISIBLE}`).pluck().get(params) as number;
	const { page: current, pages, offset } = pageWindow(total, page, PAGE_SIZE);
	const rows = (
		c
			.prepare(`select ${ASSIGNMENT_COLUMNS}, ${PARTIAL} ${ASSIGNMENT_JOINS} where ${VISIBLE} order by a.id desc limit ${PAGE_SIZE} offset @offset`)
			.all({ ...params, offset }) as (Omit<AssignmentRow, 'partial'> & { partial: number })[]
	).map(asRow);
	const progress = progressFor(db, user, rows, today);
	return { rows: rows.map((r) => ({ ...r, progress: progress.get(r.id) ?? NO_PROGRESS })), total, page: current, pages };
}

// A person marked as left no longer owes what they had not done (rules.ts assigneeState): the one query-time rule
// every reader of assignment_people below applies, so the rows stay as they were for the record and a returner owes it again.
const OWES = `(ap.met_at is null and p.status = 'active')`;
/** Its other side: a leaver who had not done it, counted apart and never told. */
const LEFT_NOT_DONE = `(ap.met_at is null and p.status <> 'active')`;

/**
 * Progress of the given assignments, counted by assignment id (the primary key's order): never over all of them;
 * over the people of the given units only, when given. The same rule as assigneeState: leavers who had not done it
 * are counted apart, never as outstanding or overdue.
 */
export function progressOf(db: Db | Tx, ids: number[], today: IsoDate, units?: number[]): Map<number, Progress> {
	if (!ids.length) return new Map();
	const inUnits = units ? `and ${OF_UNITS}` : '';
	const rows = connectionOf(db)
		.prepare(
			`select ap.assignment_id as id, sum(case when ${LEFT_NOT_DONE} then 0 else 1 end) as total,
				sum(case when ap.met_at is not null then 1 else 0 end) as done,
				sum(case when ${OWES} and ap.due_on < @today then 1 else 0 end) as overdue,
				sum(case when ${LEFT_NOT_DONE} then 1 else 0 end) as leavers
			 from assignment_people ap join people p on p.id = ap.person_id
			 where ap.assignment_id in (select value from json_each(@ids)) ${inUnits} group by ap.assignment_id`
		)
		.all({ ids: JSON.stringify(ids), today, ...(units ? { units: JSON.stringify(units) } : {}) }) as (Progress & { id: number })[];
	return new Map(rows.map(({ id, ...p }) => [id, p]));
}

export type MadeByRow = {
	id: number;
	kind: AssignedWhat['kind'];
	ref: string;
	targetKind: AssignmentRow['targetKind'];
	dueOn: IsoDate;
	reason: string;
	progress: Progress;
};

/**
 * A manager's own open assignments (not cancelled, someone still to do), soonest due first, at most `limit` with how
 * many more there are: what their digest reports. Read along assignments_created_by, then by assignment id.
 */
export function openAssignmentsMadeBy(db: Db, personId: number, today: IsoDate, limit = 10): { rows: MadeByRow[]; more: number } {
	const c = connectionOf(db);
	const open = c
		.prepare(
			`select a.id, a.kind, a.ref, a.target_kind as targetKind, a.due_on as dueOn, a.reason from assignments a
			 where a.created_by = ? and a.cancelled_at is null
			   and exists (select 1 from assignment_people ap join people p on p.id = ap.person_id where ap.assignment_id = a.id and ${OWES})
			 order by a.due_on, a.id`
		)
		.all(personId) as Omit<MadeByRow, 'progress'>[];
	const shown = open.slice(0, limit);
	const progress = progressOf(
		db,
		shown.map((r) => r.id),
		today
	);
	return { rows: shown.map((r) => ({ ...r, progress: progress.get(r.id) ?? NO_PROGRESS })), more: open.length - shown.length };
}

export type Assignee = {
	personId: number;
	name: string;
	unitName: string;
	dueOn: IsoDate;
	metOn: IsoDate | null;
	leftOn: IsoDate | null;
	state: AssigneeState;
};

/** Everyone an assignment reached whom the manager may still see, with where each stands. */
export function assigneesOf(db: Db | Tx, user: Principal, a: AssignmentRow, today = londonToday()): { people: Assignee[]; hidden: number } {
	const scope = peopleScope(user);
	if (scope.kind === 'self') return { people: [], hidden: 0 };
	const c = connectionOf(db);
	const rows = c
		.prepare(
			`select ap.person_id as personId, p.name, u.name as unitName, ap.due_on as dueOn, ap.met_on as metOn,
				p.status <> 'active' as "left", case when p.status = 'active' then null else p.left_date end as leftOn,
				${scopeParameterCondition('p.organisation_id', 'p.unit_id')} as visible
			 from assignment_people ap join people p on p.id = ap.person_id join units u on u.id = p.unit_id
			 where ap.assignment_id = @id ${a.partial ? `and ${OF_UNITS}` : ''} order by p.name, p.id`
		)
		.all({ id: a.id, ...scopeParameters(scope) }) as (Omit<Assignee, 'state'> & { left: number; visible: number })[];
	const visible = rows.filter((r) => r.visible);
	const all = a.partial ? (c.prepare('select count(*) from assignment_people where assignment_id = ?').pluck().get(a.id) as number) : rows.length;
	return {
		people: visible.map(({ visible: _, left, ...r }) => ({ ...r, state: assigneeState({ ...r, left: left === 1, cancelled: a.cancelledAt !== null }, today) })),
		hidden: all - visible.length
	};
}

/** Those on an assignment who still owe it (not done, not left), or that one person if they do. */
function openPeople(tx: Tx, assignmentId: number, personId: number | null): number[] {
	const c = connectionOf(tx);
	const from = `from assignment_people ap join people p on p.id = ap.person_id where ap.assignment_id = ? and ${OWES}`;
	return personId === null
		? (c.prepare(`select ap.person_id ${from}`).pluck().all(assignmentId) as number[])
		: (c.prepare(`select ap.person_id ${from} and ap.person_id = ?`).pluck().all(assignmentId, personId) as number[]);
}

/** Leavers on an assignment who had not done it: their due dates follow a cancellation, but they are not told. */
function leaversNotDone(tx: Tx, assignmentId: number): number[] {
	return connectionOf(tx)
		.prepare(`select ap.person_id from assignment_people ap join people p on p.id = ap.person_id where ap.assignment_id = ? and ${LEFT_NOT_DONE}`)
		.pluck()
		.all(assignmentId) as number[];
}

/** A new due date (and its reason) for everyone not yet done, or for one person; audited, and each is told. */
export function extendAssignment(
	db: Db,
	content: AssignmentContent,
	user: Principal,
	id: number,
	input: { dueOn: IsoDate; reason: string; personId: number | null },
	now = new Date()
): AssignResult {
	const a = assignmentFor(db, user, id);
	// Seen only through their own people: the organisation's training managers change it, not a unit's.
	if (!a || a.partial) return { ok: false, notFound: true };
	const errors: FieldErrors = {};
	if (a.cancelledAt !== null) errors.form = 'This assignment has been cancelled, so it cannot be extended';
	const due = dueDateProblem(input.dueOn, londonToday(now));
	if (due) errors.dueOn = due;
	return db.transaction((tx): AssignResult => {
		const people = openPeople(tx, id, input.personId);
		if (input.personId !== null && !assigneesOf(tx, user, a).people.some((p) => p.personId === input.personId))
			errors.personId = 'Choose someone on this assignment from the list';
		else if (!people.length && !errors.form)
			errors.form =
				input.personId === null
					? 'Everyone on this assignment has done it or left: there is nothing to extend'
					: 'This person has done it or has left: there is nothing to extend';
		if (Object.keys(errors).length) return { ok: false, notFound: false, errors };
		const setDue = connectionOf(tx).prepare('update assignment_people set due_on = ? where assignment_id = ? and person_id = ?');
		for (const personId of people) {
			setDue.run(input.dueOn, id, personId);
			refreshDueDates(tx, content.framework, personId, now);
			notifyAssignee(tx, content, a, personId, 'extended', input.dueOn, now, input.reason);
		}
		if (input.personId === null) connectionOf(tx).prepare('update assignments set due_on = ? where id = ?').run(input.dueOn, id);
		appendAudit(tx, {
			actorId: user.id,
			action: 'assignment-extend',
			entity: 'assignment',
			entityId: id,
			detail: { dueOn: input.dueOn, reason: input.reason, personId: input.personId, people: people.length },
			at: now
		});
		return { ok: true, id };
	});
}

/** Cancels an assignment with a reason: those not yet done no longer have it, and are told. Audited. */
export function cancelAssignment(db: Db, content: AssignmentContent, user: Principal, id: number, reason: string, now = new Date()): AssignResult {
	const a = assignmentFor(db, user, id);
	if (!a || a.partial) return { ok: false, notFound: true };
	if (a.cancelledAt !== null) return { ok: false, notFound: false, errors: { form: 'This assignment is already cancelled' } };
	return db.transaction((tx): AssignResult => {
		connectionOf(tx)
			.prepare('update assignments set cancelled_at = ?, cancelled_by = ?, cancel_reason = ? where id = ?')
			.run(now.getTime(), user.id, reason, id);
		const people = openPeople(tx, id, null);
		for (const personId of people) {
			refreshDueDates(tx, content.framework, personId, now);
			notifyAssignee(tx, content, a, personId, 'cancelled', a.dueOn, now, reason);
		}
		for (const personId of leaversNotDone(tx, id)) refreshDueDates(tx, content.framework, personId, now);
		appendAudit(tx, { actorId: user.id, action: 'assignment-cancel', entity: 'assignment', entityId: id, detail: { reason, people: people.length }, at: now });
		return { ok: true, id };
	});
}

const RETURNER_REASON = 'Back after leaving: time from the day they came back';

/**
 * Someone back after leaving owes their open assignments again: each due date becomes the later of their own and 28
 * days after the day they came back (rules.ts returnerDueOn), so they are not overdue on their first day back; each
 * change is audited as an extension for that person (as the subject access export reads extensions), and they are told
 * of it as of any extension. Call inside the reinstatement's transaction; returns how many due dates moved.
 */
export function resumeAssignmentsOnReturn(tx: Db | Tx, content: AssignmentContent, actorId: number | null, personId: number, now = new Date()): number {
	const c = connectionOf(tx);
	const open = c
		.prepare(
			`select ap.assignment_id as id, a.kind, a.ref, a.reason, ap.due_on as dueOn from assignment_people ap join assignments a on a.id = ap.assignment_id
			 where ap.person_id = ? and ap.met_at is null and a.cancelled_at is null order by ap.assignment_id`
		)
		.all(personId) as (AssignedWhat & { id: number; reason: string; dueOn: IsoDate })[];
	const returnedOn = londonToday(now);
	const setDue = c.prepare('update assignment_people set due_on = ? where assignment_id = ? and person_id = ?');
	let moved = 0;
	for (const a of open) {
		const dueOn = returnerDueOn(a.dueOn, returnedOn);
		if (dueOn === a.dueOn) continue;
		setDue.run(dueOn, a.id, personId);
		appendAudit(tx, {
			actorId,
			action: 'assignment-extend',
			entity: 'assignment',
			entityId: a.id,
			detail: { dueOn, reason: RETURNER_REASON, personId, people: 1 },
			at: now
		});
		notifyAssignee(tx, content, a, personId, 'extended', dueOn, now, RETURNER_REASON);
		moved++;
	}
	if (moved) refreshDueDates(tx, content.framework, personId, now);
	return moved;
}

export type LearnerAssignment = {
	id: number;
	kind: AssignedWhat['kind'];
	ref: string;
	dueOn: IsoDate;
	reason: string;
	assignedOn: IsoDate;
	minVersion: number | null;
	state: AssigneeState;
};

/** The learner's open assignments, soonest due first: one indexed read of their own rows. */
export function openAssignmentsOf(db: Db, personId: number, today = londonToday()): LearnerAssignment[] {
	const statement = statementsFor(db, 'learner-assignments', (c) =>
		c.prepare(
			`select a.id, a.kind, a.ref, ap.due_on as dueOn, a.reason, a.assigned_on as assignedOn, a.min_version as minVersion
			 from assignment_people ap join assignments a on a.id = ap.assignment_id
			 where ap.person_id = ? and ap.met_at is null and a.cancelled_at is null order by ap.due_on, a.id`
		)
	);
	const rows = statement.all(personId) as Omit<LearnerAssignment, 'state'>[];
	return rows.map((r) => ({ ...r, state: assigneeState({ dueOn: r.dueOn, metOn: null, cancelled: false }, today) }));
}

export type { AssignmentNews };
