import { beforeEach, describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addPersonOnTheirOwn, addUnit, grant, testDb } from '$testing/fixtures';
import { testAssignmentContent, testFramework } from '$testing/framework';
import type { Principal } from '../access/policy';
import { recordEvidence, statusesOn, voidEvidence } from '../competency/ledger';
import { syncDueDates } from '../competency/due-dates-store';
import { markLeft, reinstate } from '../people/repository';
import { statusFor } from '../competency/status-rule';
import type { Db } from '../db';
import '../mail/catalogue';
import type { AssignInput } from './input';
import {
	assigneesOf,
	assignmentFor,
	cancelAssignment,
	createAssignment,
	extendAssignment,
	insertAssignment,
	listAssignments,
	openAssignmentsMadeBy,
	openAssignmentsOf
} from './store';

const framework = testFramework();
const content = testAssignmentContent(framework);
const NOW = new Date('2026-05-03T10:00:00Z');
const exists = () => true;
const audit = (db: Db) => db.$client.prepare('select action from audit_log order by id').pluck().all();
const dueOn = (db: Db, personId: number, competencyId = 'recognise-distress') =>
	db.$client.prepare('select due_on from competency_status where person_id = ? and competency_id = ?').pluck().get(personId, competencyId);
const mails = (db: Db, personId: number) =>
	db.$client.prepare("select subject from mail_outbox where person_id = ? and template = 'assignment-update' order by id").pluck().all(personId);

function manager(db: Db, unit: { id: number; organisationId: number }, scope: { unitId?: number; organisationId?: number }): Principal {
	const m = addPerson(db, unit, { jobRole: 'police-sergeant' });
	grant(db, m.id, 'manager', scope);
	return { ...m, grants: [{ role: 'manager', organisationId: scope.unitId ? null : (scope.organisationId ?? null), unitId: scope.unitId ?? null }] };
}

describe('assigned training', () => {
	let db: Db;
	let org: { id: number };
	let unit: { id: number; organisationId: number };
	let otherUnit: { id: number; organisationId: number };
	let boss: Principal;
	let learner: { id: number };
	const input = (over: Partial<AssignInput> = {}): AssignInput => ({
		what: { kind: 'module', ref: 'recognising-distress' },
		target: { kind: 'person', personId: learner.id },
		dueOn: '2026-05-31',
		reason: 'After the incident on 3 May',
		...over
	});
	beforeEach(() => {
		db = testDb();
		org = addOrganisation(db);
		unit = addUnit(db, org.id);
		otherUnit = addUnit(db, org.id);
		boss = manager(db, unit, { unitId: unit.id });
		learner = addPerson(db, unit, { jobRole: 'police-constable' });
		// The learner's statuses exist (as after any evidence or roster load).
		syncDueDates(db, framework, { force: true });
		recordEvidence(db, framework, {
			personId: learner.id,
			source: { module: 'de-escalation' },
			version: '1.0.0',
			occurredOn: '2026-01-01',
			recordedBy: learner.id,
			at: new Date('2026-01-01T10:00:00Z')
		});
	});

	it('assigns a module to a person: their due date, an email, an audit entry, and it shows on their list', () => {
		const result = createAssignment(db, content, boss, input(), exists, NOW);
		expect(result.ok).toBe(true);
		expect(dueOn(db, learner.id)).toBe('2026-05-31');
		expect(mails(db, learner.id)).toEqual([expect.stringContaining('You have been assigned training')]);
		expect(audit(db)).toContain('assignment-create');
		const open = openAssignmentsOf(db, learner.id, '2026-06-02');
		expect(open).toEqual([
			expect.objectContaining({ ref: 'recognising-distress', dueOn: '2026-05-31', state: 'overdue', reason: 'After the incident on 3 May' })
		]);
	});

	it('is met by a completion dated on or after it, in the evidence’s transaction, and the due date goes', () => {
		const { id } = createAssignment(db, content, boss, input(), exists, NOW) as { id: number };
		const record = (day: string) =>
			recordEvidence(db, framework, {
				personId: learner.id,
				source: { module: 'recognising-distress' },
				version: '1.0.0',
				occurredOn: day,
				recordedBy: learner.id,
				at: NOW
			});
		record('2026-05-02');
		expect(openAssignmentsOf(db, learner.id)).toHaveLength(1);
		record('2026-05-04');
		expect(openAssignmentsOf(db, learner.id)).toHaveLength(0);
		expect(dueOn(db, learner.id)).toBeNull();
		const a = assignmentFor(db, boss, id)!;
		expect(assigneesOf(db, boss, a, '2026-06-10').people).toEqual([expect.objectContaining({ personId: learner.id, metOn: '2026-05-04', state: 'done' })]);
		expect(listAssignments(db, boss, 1, '2026-06-10').rows[0].progress).toEqual({ total: 1, done: 1, overdue: 0, leavers: 0 });
		expect(audit(db)).toContain('assignment-met');
	});

	it('is met as it is made by evidence already dated that London day or later, not by earlier or voided evidence', () => {
		const second = addPerson(db, unit, { jobRole: 'police-constable' });
		const third = addPerson(db, unit, { jobRole: 'police-constable' });
		const complete = (personId: number, day: string, at: string) =>
			recordEvidence(db, framework, {
				personId,
				source: { module: 'recognising-distress' },
				version: '1.0.0',
				occurredOn: day,
				recordedBy: personId,
				at: new Date(at)
			});
		// NOW is 11:00 London on 3 May. The learner did it at 00:30 London that morning (23:30 UTC on 2 May);
		// `second` at 23:30 London on 2 May; `third` did it this morning but the record was voided.
		complete(learner.id, '2026-05-03', '2026-05-02T23:30:00Z');
		complete(second.id, '2026-05-02', '2026-05-02T22:30:00Z');
		const [voided] = complete(third.id, '2026-05-03', '2026-05-03T08:00:00Z');
		expect(voidEvidence(db, framework, { evidenceId: voided, personId: third.id, reason: 'Recorded against the wrong person', actorId: boss.id }).ok).toBe(
			true
		);
		const { id } = createAssignment(db, content, boss, input({ target: { kind: 'unit', unitId: unit.id } }), exists, NOW) as { id: number };
		const people = assigneesOf(db, boss, assignmentFor(db, boss, id)!, '2026-05-03').people;
		expect(people.find((p) => p.personId === learner.id)).toMatchObject({ metOn: '2026-05-03', state: 'done' });
		expect(people.find((p) => p.personId === second.id)).toMatchObject({ metOn: null, state: 'open' });
		expect(people.find((p) => p.personId === third.id)).toMatchObject({ metOn: null, state: 'open' });
		// Met at once: no due date from it, nothing on their list, an audit entry, and the email says it is done.
		expect(openAssignmentsOf(db, learner.id)).toHaveLength(0);
		expect(dueOn(db, learner.id)).toBeNull();
		expect(dueOn(db, second.id)).toBe('2026-05-31');
		expect(audit(db).filter((a) => a === 'assignment-met')).toHaveLength(1);
		const told = db.$client.prepare("select data from mail_outbox where person_id = ? and template = 'assignment-update'").pluck().get(learner.id) as string;
		expect(told).toContain('Already done: your record shows it done on 3 May 2026');
		expect(db.$client.prepare("select data from mail_outbox where person_id = ? and template = 'assignment-update'").pluck().get(second.id)).not.toContain(
			'Already done'
		);
		// Evidence the learner records later the same day finds nothing open to meet.
		complete(learner.id, '2026-05-03', '2026-05-03T12:00:00Z');
		expect(audit(db).filter((a) => a === 'assignment-met')).toHaveLength(1);
	});

	it('assigned something already achieved: the competency stays in date, the assignment is overdue after its due date', () => {
		// The status rule reads the expiry once a competency is achieved (status-rule.ts); the assignment has its own status.
		const nurse = addPerson(db, unit, { jobRole: 'mental-health-nurse' });
		recordEvidence(db, framework, {
			personId: nurse.id,
			source: { module: 'de-escalation' },
			version: '1.0.0',
			occurredOn: '2026-04-01',
			recordedBy: nurse.id,
			at: new Date('2026-04-01T10:00:00Z')
		});
		const { id } = createAssignment(
			db,
			content,
			boss,
			input({ what: { kind: 'module', ref: 'de-escalation' }, target: { kind: 'person', personId: nurse.id } }),
			exists,
			NOW
		) as { id: number };
		const later = '2026-06-10';
		const competency = statusesOn(db, framework, { id: nurse.id, jobRole: 'mental-health-nurse' }, later).find((c) => c.competency.id === 'de-escalation')!;
		expect(competency).toMatchObject({ status: 'current', achievedOn: '2026-04-01', dueOn: null });
		// What the dashboards count from: the stored row carries the assignment's due date, and the rule still says in date.
		const stored = db.$client
			.prepare("select expires_on as expiresOn, due_on as dueOn from competency_status where person_id = ? and competency_id = 'de-escalation'")
			.get(nurse.id) as { expiresOn: string; dueOn: string };
		expect(stored.dueOn).toBe('2026-05-31');
		expect(statusFor(stored.expiresOn, later, stored.dueOn)).toBe('current');
		expect(assigneesOf(db, boss, assignmentFor(db, boss, id)!, later).people).toEqual([expect.objectContaining({ personId: nurse.id, state: 'overdue' })]);
		expect(listAssignments(db, boss, 1, later).rows.find((r) => r.id === id)!.progress).toEqual({ total: 1, done: 0, overdue: 1, leavers: 0 });
		expect(openAssignmentsOf(db, nurse.id, later)).toEqual([expect.objectContaining({ ref: 'de-escalation', state: 'overdue' })]);
		expect(openAssignmentsMadeBy(db, boss.id, later).rows.find((r) => r.id === id)!.progress.overdue).toBe(1);
	});

	it('a unit assignment reaches the active people in it when made, and counts progress and overdue', () => {
		const second = addPerson(db, unit, { jobRole: 'police-constable' });
		addPerson(db, unit, { jobRole: 'police-constable', status: 'left', leftDate: '2026-01-01' });
		const { id } = createAssignment(db, content, boss, input({ target: { kind: 'unit', unitId: unit.id } }), exists, NOW) as { id: number };
		addPerson(db, unit, { jobRole: 'police-constable' }); // joined later: not reached
		const progress = listAssignments(db, boss, 1, '2026-06-01').rows.find((r) => r.id === id)!.progress;
		expect(progress).toEqual({ total: 3, done: 0, overdue: 3, leavers: 0 }); // the learner, `second` and the manager
		expect(mails(db, second.id)).toHaveLength(1);
	});

	it('a leaver no longer owes it: not outstanding, overdue, extended or told; their row is kept, and a returner owes it again', () => {
		const leaver = addPerson(db, unit, { jobRole: 'police-constable' });
		const doer = addPerson(db, unit, { jobRole: 'police-constable' });
		const { id } = createAssignment(db, content, boss, input({ target: { kind: 'unit', unitId: unit.id } }), exists, NOW) as { id: number };
		const single = createAssignment(db, content, boss, input({ target: { kind: 'person', personId: leaver.id } }), exists, NOW) as { id: number };
		recordEvidence(db, framework, {
			personId: doer.id,
			source: { module: 'recognising-distress' },
			version: '1.0.0',
			occurredOn: '2026-05-05',
			recordedBy: doer.id,
			at: NOW
		});
		const later = '2026-06-10';
		const progress = () => listAssignments(db, boss, 1, later).rows.find((r) => r.id === id)!.progress;
		expect(progress()).toEqual({ total: 4, done: 1, overdue: 3, leavers: 0 }); // the learner, the leaver, the doer and the manager
		expect(markLeft(db, boss.id, leaver.id, '2026-05-20').ok).toBe(true);
		// The doer leaves too, after doing it: what they did still counts.
		expect(markLeft(db, boss.id, doer.id, '2026-05-21').ok).toBe(true);
		expect(progress()).toEqual({ total: 3, done: 1, overdue: 2, leavers: 1 });
		const people = assigneesOf(db, boss, assignmentFor(db, boss, id)!, later).people;
		expect(people.find((p) => p.personId === leaver.id)).toMatchObject({ state: 'left', leftOn: '2026-05-20', metOn: null, dueOn: '2026-05-31' });
		expect(people.find((p) => p.personId === doer.id)).toMatchObject({ state: 'done', metOn: '2026-05-05' });
		// The one-person assignment to the leaver waits on no one: not in the manager's digest.
		const made = openAssignmentsMadeBy(db, boss.id, later).rows;
		expect(made.map((r) => r.id)).toEqual([id]);
		expect(made[0].progress).toEqual({ total: 3, done: 1, overdue: 2, leavers: 1 });
		expect(listAssignments(db, boss, 1, later).rows.find((r) => r.id === single.id)!.progress).toEqual({ total: 0, done: 0, overdue: 0, leavers: 1 });
		// Extending reaches only those who still owe it; the leaver is neither given a date nor emailed.
		const before = mails(db, leaver.id).length;
		expect(extendAssignment(db, content, boss, id, { dueOn: '2026-06-30', reason: 'Busy month', personId: null }, NOW).ok).toBe(true);
		expect(mails(db, leaver.id)).toHaveLength(before);
		expect(extendAssignment(db, content, boss, single.id, { dueOn: '2026-06-30', reason: 'x', personId: null }, NOW)).toMatchObject({
			ok: false,
			errors: { form: expect.stringContaining('left') }
		});
		expect(db.$client.prepare('select due_on from assignment_people where assignment_id = ? and person_id = ?').pluck().get(id, leaver.id)).toBe('2026-05-31');
		// Cancelling tells only those who still owed it.
		expect(cancelAssignment(db, content, boss, single.id, 'They left', NOW).ok).toBe(true);
		expect(mails(db, leaver.id)).toHaveLength(before);
		// Back again on 8 June: they owe the unit's assignment again, not overdue on their first day back but due 28 days
		// later (audited as an extension for them); the cancelled one stays cancelled.
		expect(reinstate(db, content, boss.id, leaver.id, new Date('2026-06-08T09:00:00Z')).ok).toBe(true);
		expect(progress()).toEqual({ total: 4, done: 1, overdue: 0, leavers: 0 });
		expect(openAssignmentsOf(db, leaver.id, later)).toEqual([expect.objectContaining({ id, dueOn: '2026-07-06', state: 'open' })]);
		const extended = db.$client
			.prepare("select detail from audit_log where action = 'assignment-extend' and entity_id = ? order by id desc limit 1")
			.pluck()
			.get(String(id)) as string;
		expect(JSON.parse(extended)).toMatchObject({ dueOn: '2026-07-06', personId: leaver.id });
		// And they are told their new date, as of any extension.
		const told = mails(db, leaver.id);
		expect(told).toHaveLength(before + 1);
		expect(told.at(-1)).toMatch(/^More time for your assigned training/);
	});

	it('extends for everyone not yet done, and cancels with a reason; both audited and told, due dates follow', () => {
		const { id } = createAssignment(db, content, boss, input(), exists, NOW) as { id: number };
		expect(extendAssignment(db, content, boss, id, { dueOn: '2026-04-01', reason: 'Leave', personId: null }, NOW)).toMatchObject({
			ok: false,
			errors: { dueOn: expect.stringContaining('today or later') }
		});
		expect(extendAssignment(db, content, boss, id, { dueOn: '2026-06-30', reason: 'On leave in May', personId: null }, NOW).ok).toBe(true);
		expect(dueOn(db, learner.id)).toBe('2026-06-30');
		expect(openAssignmentsOf(db, learner.id)[0].dueOn).toBe('2026-06-30');
		expect(cancelAssignment(db, content, boss, id, 'Sent in error', NOW).ok).toBe(true);
		expect(dueOn(db, learner.id)).toBeNull();
		expect(openAssignmentsOf(db, learner.id)).toHaveLength(0);
		expect(cancelAssignment(db, content, boss, id, 'Again', NOW)).toMatchObject({ ok: false, errors: { form: expect.any(String) } });
		expect(extendAssignment(db, content, boss, id, { dueOn: '2026-07-30', reason: 'x', personId: null }, NOW).ok).toBe(false);
		expect(audit(db).filter((a) => String(a).startsWith('assignment-'))).toEqual(['assignment-create', 'assignment-extend', 'assignment-cancel']);
		expect(mails(db, learner.id)).toHaveLength(3);
	});

	it('refuses targets outside the manager’s scope as not found, and bad input without writing anything', () => {
		const outsider = addPerson(db, otherUnit, { jobRole: 'police-constable' });
		const elsewhere = addPersonOnTheirOwn(db);
		expect(createAssignment(db, content, boss, input({ target: { kind: 'person', personId: outsider.id } }), exists, NOW)).toEqual({
			ok: false,
			notFound: true
		});
		expect(createAssignment(db, content, boss, input({ target: { kind: 'person', personId: elsewhere.id } }), exists, NOW)).toEqual({
			ok: false,
			notFound: true
		});
		expect(createAssignment(db, content, boss, input({ target: { kind: 'unit', unitId: otherUnit.id } }), exists, NOW)).toEqual({
			ok: false,
			notFound: true
		});
		expect(
			createAssignment(db, content, boss, input({ target: { kind: 'job-role', jobRole: 'police-constable', within: { organisationId: org.id } } }), exists, NOW)
		).toEqual({ ok: false, notFound: true });
		expect(createAssignment(db, content, boss, input({ dueOn: '2026-05-01' }), () => false, NOW)).toMatchObject({
			ok: false,
			notFound: false,
			errors: { what: expect.any(String), dueOn: expect.any(String) }
		});
		expect(db.$client.prepare('select count(*) from assignments').pluck().get()).toBe(0);
		expect(db.$client.prepare("select count(*) from mail_outbox where template = 'assignment-update'").pluck().get()).toBe(0);
	});

	it('an organisation manager assigns to a job role across the organisation; a unit manager cannot see it', () => {
		const orgBoss = manager(db, unit, { organisationId: org.id });
		const inOther = addPerson(db, otherUnit, { jobRole: 'police-constable' });
		const result = createAssignment(
			db,
			content,
			orgBoss,
			input({ target: { kind: 'job-role', jobRole: 'police-constable', within: { organisationId: org.id } } }),
			exists,
			NOW
		) as { id: number };
		expect(assigneesOf(db, orgBoss, assignmentFor(db, orgBoss, result.id)!).people.map((p) => p.personId)).toEqual(
			expect.arrayContaining([learner.id, inOther.id])
		);
		expect(assignmentFor(db, boss, result.id)).toBeUndefined();
		expect(listAssignments(db, boss).total).toBe(0);
	});

	it('a unit manager sees their organisation’s retraining through their own people only, read-only', () => {
		const orgBoss = manager(db, unit, { organisationId: org.id });
		const inOther = addPerson(db, otherUnit, { jobRole: 'police-constable' });
		const thirdUnit = addUnit(db, org.id);
		const thirdBoss = manager(db, thirdUnit, { unitId: thirdUnit.id });
		const id = db.transaction(
			(tx) =>
				insertAssignment(
					tx,
					content,
					{
						what: { kind: 'module', ref: 'de-escalation' },
						targetKind: 'content-change',
						targetPersonId: null,
						jobRole: null,
						organisationId: org.id,
						unitId: null,
						dueOn: '2026-05-31',
						reason: 'Content changed: the law changed',
						minVersion: 2,
						systemKey: `content:module:de-escalation:2:organisation:${org.id}`,
						createdBy: null
					},
					[learner.id, inOther.id],
					NOW
				).id
		);
		const later = '2026-06-10';
		// The organisation's manager sees all of it, and may change it.
		expect(assignmentFor(db, orgBoss, id)).toMatchObject({ partial: false });
		expect(listAssignments(db, orgBoss, 1, later).rows.find((r) => r.id === id)!.progress).toEqual({ total: 2, done: 0, overdue: 2, leavers: 0 });
		// The unit manager sees it through the learner, counted over their unit only, and the other unit's person is not listed.
		const seen = assignmentFor(db, boss, id)!;
		expect(seen).toMatchObject({ partial: true, targetKind: 'content-change' });
		const listed = listAssignments(db, boss, 1, later);
		expect(listed.rows.map((r) => r.id)).toContain(id);
		expect(listed.rows.find((r) => r.id === id)!.progress).toEqual({ total: 1, done: 0, overdue: 1, leavers: 0 });
		expect(assigneesOf(db, boss, seen, later)).toEqual({ people: [expect.objectContaining({ personId: learner.id, state: 'overdue' })], hidden: 1 });
		// ...but may neither extend nor cancel it for the organisation, nor for their own person.
		expect(extendAssignment(db, content, boss, id, { dueOn: '2026-06-30', reason: 'x', personId: null }, NOW)).toEqual({ ok: false, notFound: true });
		expect(extendAssignment(db, content, boss, id, { dueOn: '2026-06-30', reason: 'x', personId: learner.id }, NOW)).toEqual({ ok: false, notFound: true });
		expect(cancelAssignment(db, content, boss, id, 'Not for us', NOW)).toEqual({ ok: false, notFound: true });
		expect(db.$client.prepare('select cancelled_at from assignments where id = ?').pluck().get(id)).toBeNull();
		// A unit manager none of whose people it reached does not see it at all.
		expect(assignmentFor(db, thirdBoss, id)).toBeUndefined();
		expect(listAssignments(db, thirdBoss).total).toBe(0);
	});

	it('a plan change re-deriving every due date keeps the assignments’ dates', () => {
		createAssignment(db, content, boss, input(), exists, NOW);
		db.$client.prepare('update competency_status set due_on = null').run();
		syncDueDates(db, framework, { force: true });
		expect(dueOn(db, learner.id)).toBe('2026-05-31');
	});
});
