import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { testAssignmentContent, testFramework } from '$testing/framework';
import { verifyAuditChain } from '../audit/verify';
import { createSession, generateSessionToken } from '../auth/session';
import { recordAttempt } from '../auth/throttle';
import { recordEvidence } from '../competency/ledger';
import type { Db } from '../db';
import { assessments, competencyStatus, evidence, mailOutbox, people, priorLearningClaims, reflections, ssoLinks, surveyAnswered } from '../db/schema';
import { PDF } from '$testing/certificates';
import { ASSIGNMENT_REASON_REMOVED, anonymiseLeavers, planAnonymisation } from './anonymise';
import { reinstate } from './repository';

const framework = testFramework();

describe('anonymising leavers at the end of retention', () => {
	let db: Db;
	let leaver: { id: number; email: string };
	let recent: { id: number; email: string };
	let stayer: { id: number; email: string };
	const trace = (person: { id: number; email: string }, n: string) => {
		createSession(db, generateSessionToken(), person.id);
		recordAttempt(db, person.email, '10.0.0.1', false);
		db.insert(ssoLinks)
			.values({ personId: person.id, issuer: 'https://idp.test', subject: `sub-${n}` })
			.run();
		db.insert(reflections)
			.values({ personId: person.id, moduleSlug: 'de-escalation', reflectionId: 'r1', body: `My private thoughts ${n}`, updatedAt: new Date() })
			.run();
		db.insert(surveyAnswered).values({ personId: person.id, kind: 'module', subjectSlug: 'de-escalation', subjectVersion: '1.0.0' }).run();
		db.insert(mailOutbox)
			.values({
				personId: person.id,
				toAddress: person.email,
				kind: 'reminder',
				template: 'reminder',
				subject: 'Due',
				data: '{}',
				headers: '{}',
				messageId: `<m-${n}@test>`,
				nextAttemptAt: new Date()
			})
			.run();
		db.insert(assessments)
			.values({
				personId: person.id,
				competencyId: 'safe-restraint',
				assessedOn: '2019-05-01',
				outcome: 'competent',
				notes: `Notes about ${n}`,
				assessorId: stayer.id,
				recordedAt: new Date()
			})
			.run();
		db.insert(priorLearningClaims)
			.values({
				personId: person.id,
				competencyId: 'safe-restraint',
				completedOn: '2019-01-10',
				provider: 'A previous trust',
				notes: `Course notes about ${n}`,
				file: Buffer.from(PDF),
				fileType: 'application/pdf',
				fileSize: PDF.length,
				fileSha256: 'f'.repeat(64),
				fileName: `${n}-certificate.pdf`,
				status: 'pending',
				submittedBy: person.id,
				submittedAt: new Date()
			})
			.run();
		recordEvidence(db, framework, {
			personId: person.id,
			source: { module: 'restraint-safety' },
			version: '1.0.0',
			occurredOn: '2019-05-01',
			recordedBy: null,
			at: new Date('2019-05-01T12:00:00Z')
		});
	};
	beforeEach(() => {
		db = testDb();
		const unit = addUnit(db, addOrganisation(db).id);
		stayer = addPerson(db, unit, { name: 'Stella Stayer', email: 'stella@example.test' });
		leaver = addPerson(db, unit, {
			name: 'Lena Leaver',
			email: 'lena@example.test',
			workforceId: 'MPS-1',
			status: 'left',
			leftDate: '2019-06-30',
			passwordHash: 'x'
		});
		recent = addPerson(db, unit, { name: 'Rita Recent', email: 'rita@example.test', status: 'left', leftDate: '2025-01-31' });
		trace(leaver, 'lena');
		trace(recent, 'rita');
		trace(stayer, 'stella');
	});

	it('counts what it would do and changes nothing in a dry run', () => {
		const plan = planAnonymisation(db, '2020-01-01');
		expect(plan).toEqual({
			people: 1,
			sessions: 1,
			singleSignOnLinks: 1,
			reflections: 1,
			reminderKeys: 0,
			mailPreferences: 0,
			managerDigests: 0,
			notificationReads: 0,
			priorLearningClaims: 1,
			surveyMarks: 1,
			signInAttempts: 1,
			mail: 1,
			assessmentNotes: 1,
			assignmentReasons: 0
		});
		expect(db.select().from(people).where(eq(people.id, leaver.id)).get()!.name).toBe('Lena Leaver');
	});

	it('replaces who they were with a stable pseudonym, deletes what reaches them, keeps the evidence and the chain valid', () => {
		const before = db.select().from(competencyStatus).where(eq(competencyStatus.personId, leaver.id)).all();
		const { counts, ids } = anonymiseLeavers(db, { before: '2020-01-01', actorId: stayer.id });
		expect(ids).toEqual([leaver.id]);
		expect(counts).toMatchObject({ people: 1, sessions: 1, signInAttempts: 1, mail: 1, reflections: 1, singleSignOnLinks: 1 });
		const row = db.select().from(people).where(eq(people.id, leaver.id)).get()!;
		expect(row).toMatchObject({
			name: `Former staff member #${leaver.id}`,
			email: `former-${leaver.id}@anonymised.invalid`,
			workforceId: `ANON-${leaver.id}`,
			passwordHash: null,
			status: 'left',
			leftDate: '2019-06-30',
			jobRole: 'police-constable'
		});
		expect(row.anonymisedAt).toBeInstanceOf(Date);
		const left = (table: string) => db.$client.prepare(`select count(*) from ${table} where person_id = ?`).pluck().get(leaver.id);
		for (const table of ['sessions', 'sso_links', 'reflections', 'mail_outbox', 'prior_learning_claims', 'survey_answered']) expect(left(table), table).toBe(0);
		expect(db.$client.prepare('select count(*) from login_attempts where email = ?').pluck().get('lena@example.test')).toBe(0);
		expect(db.select().from(assessments).where(eq(assessments.personId, leaver.id)).get()).toMatchObject({ notes: '', outcome: 'competent' });
		// Aggregate history stays: the evidence and what it derives.
		expect(db.select().from(evidence).where(eq(evidence.personId, leaver.id)).all().length).toBeGreaterThan(0);
		expect(db.select().from(competencyStatus).where(eq(competencyStatus.personId, leaver.id)).all()).toEqual(before);
		// Nobody else is touched.
		for (const p of [recent, stayer]) {
			expect(db.$client.prepare('select count(*) from sessions where person_id = ?').pluck().get(p.id)).toBe(1);
			expect(db.$client.prepare('select count(*) from reflections where person_id = ?').pluck().get(p.id)).toBe(1);
			expect(db.$client.prepare('select count(*) from prior_learning_claims where person_id = ?').pluck().get(p.id)).toBe(1);
			expect(db.$client.prepare('select count(*) from login_attempts where email = ?').pluck().get(p.email)).toBe(1);
		}
		expect(db.select().from(people).where(eq(people.id, recent.id)).get()!.name).toBe('Rita Recent');
		// One audit entry, with the counts and ids only, and the chain still verifies.
		const entries = db.$client.prepare("select detail from audit_log where action = 'people-anonymise'").pluck().all() as string[];
		expect(entries).toHaveLength(1);
		expect(JSON.parse(entries[0])).toMatchObject({ leftBefore: '2020-01-01', ids: [leaver.id], counts: { people: 1 } });
		expect(entries[0]).not.toContain('Lena');
		expect(verifyAuditChain(db).ok).toBe(true);
	});

	it('removes the reasons of training assigned to them alone; keeps group assignments, who was reached and who did it', () => {
		const c = db.$client;
		const unit = c.prepare('select organisation_id as organisationId, unit_id as unitId from people where id = ?').get(leaver.id) as {
			organisationId: number;
			unitId: number;
		};
		const assign = (targetKind: string, targetPersonId: number | null, reason: string, cancelReason: string | null, reached: number[]) => {
			const id = Number(
				c
					.prepare(
						`insert into assignments (kind, ref, target_kind, target_person_id, organisation_id, unit_id, assigned_on, due_on, reason, created_by, created_at, cancelled_at, cancel_reason)
						 values ('module', 'de-escalation', ?, ?, ?, ?, '2019-03-01', '2019-04-01', ?, ?, 0, ?, ?)`
					)
					.run(targetKind, targetPersonId, unit.organisationId, unit.unitId, reason, stayer.id, cancelReason ? 1 : null, cancelReason).lastInsertRowid
			);
			for (const personId of reached)
				c.prepare("insert into assignment_people (assignment_id, person_id, due_on, met_on, met_at) values (?, ?, '2019-04-01', ?, ?)").run(
					id,
					personId,
					personId === leaver.id ? '2019-03-20' : null,
					personId === leaver.id ? 1 : null
				);
			return id;
		};
		const toLena = assign('person', leaver.id, 'After Lena’s incident on 3 March', null, [leaver.id]);
		const cancelled = assign('person', leaver.id, 'Lena asked for it', 'Lena is on long-term sick leave', [leaver.id]);
		const toUnit = assign('unit', null, 'Mental Health Act changes', null, [leaver.id, stayer.id]);
		const toStella = assign('person', stayer.id, 'After Stella’s incident', 'Stella moved team', [stayer.id]);
		expect(planAnonymisation(db, '2020-01-01').assignmentReasons).toBe(2);
		const progress = () => c.prepare('select assignment_id, person_id, due_on, met_on from assignment_people order by 1, 2').all();
		const reachedBefore = progress();

		expect(anonymiseLeavers(db, { before: '2020-01-01', actorId: null }).counts.assignmentReasons).toBe(2);
		const reasons = (id: number) => c.prepare('select reason, cancel_reason as cancelReason from assignments where id = ?').get(id);
		expect(reasons(toLena)).toEqual({ reason: ASSIGNMENT_REASON_REMOVED, cancelReason: null });
		expect(reasons(cancelled)).toEqual({ reason: ASSIGNMENT_REASON_REMOVED, cancelReason: ASSIGNMENT_REASON_REMOVED });
		expect(reasons(toUnit)).toEqual({ reason: 'Mental Health Act changes', cancelReason: null });
		expect(reasons(toStella)).toEqual({ reason: 'After Stella’s incident', cancelReason: 'Stella moved team' });
		// Who was reached, their due dates and who did it are unchanged: "1 of 2 done" stays true.
		expect(progress()).toEqual(reachedBefore);
		expect(c.prepare("select count(*) from assignments where reason like '%Lena%' or cancel_reason like '%Lena%'").pluck().get()).toBe(0);
		expect(verifyAuditChain(db).ok).toBe(true);
	});

	it('does nothing, and writes no audit entry, when run again; and an anonymised person cannot be reinstated', () => {
		anonymiseLeavers(db, { before: '2020-01-01', actorId: null });
		expect(reinstate(db, testAssignmentContent(framework), stayer.id, leaver.id)).toMatchObject({
			ok: false,
			errors: { form: expect.stringMatching(/anonymised/) }
		});
		expect(reinstate(db, testAssignmentContent(framework), stayer.id, recent.id)).toMatchObject({ ok: true });
		expect(planAnonymisation(db, '2020-01-01').people).toBe(0);
		expect(anonymiseLeavers(db, { before: '2020-01-01', actorId: null }).ids).toEqual([]);
		expect(db.$client.prepare("select count(*) from audit_log where action = 'people-anonymise'").pluck().get()).toBe(1);
	});
});
