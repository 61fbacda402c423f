import { beforeEach, describe, expect, it } from 'vitest';
import { desc } from 'drizzle-orm';
import { recordAttempt } from '../auth/throttle';
import { createSession } from '../auth/session';
import { recordAssessment } from '../competency/assessments';
import { requiredFor } from '../competency/framework';
import { recordEvidence, voidEvidence } from '../competency/ledger';
import type { AssignInput } from '../assignments/input';
import { cancelAssignment, createAssignment, extendAssignment } from '../assignments/store';
import type { Db } from '../db';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { auditLog, evidence, people, scenarioRuns, scenarioSteps } from '../db/schema';
import { PDF } from '$testing/certificates';
import { submitClaim } from '../prior-learning/claims';
import { validMarkdown, validQuiz } from '$testing/module-fixtures';
import { parseModule } from '../modules/parse';
import { markSectionRead, saveReflection, submitAttempt } from '../modules/progress';
import { addOrganisation, addPerson, addUnit, asTrainer, grant, testDb } from '$testing/fixtures';
import { testFramework } from '$testing/framework';
import { reminderData } from '$testing/mail';
import { exportSubjectAccess } from './subject-access';
import '../mail/catalogue';
import { queueMail } from '../mail/queue';
import { setDigestFrequency } from '../mail/preferences';
import { saveAnswer } from '../surveys/store';

const framework = testFramework();
const module = parseModule('/content/modules/07-test-module.md', validMarkdown, validQuiz);
const right = { one: ['a'], two: ['a'], three: ['a'], four: ['a'], five: ['a'], six: ['a', 'b'] };
const REFLECTION = 'I froze when he said he could not breathe, and I want to talk it through with my sergeant.';
const PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$not-a-real-hash';
const TOKEN = 'sessiontokenfortheexporttest';
const at = (minutes: number) => new Date(Date.UTC(2026, 2, 3, 9, minutes));

describe('exportSubjectAccess', () => {
	let db: Db;
	let ids: { subject: number; colleague: number; admin: number; sessionId: string };

	beforeEach(() => {
		db = testDb();
		const org = addOrganisation(db);
		const unit = addUnit(db, org.id);
		const subject = addPerson(db, unit, { passwordHash: PASSWORD_HASH });
		const colleague = addPerson(db, unit);
		const admin = addPerson(db, unit);
		grant(db, subject.id, 'trainer', { organisationId: org.id });
		const sessionId = createSession(db, TOKEN, subject.id, at(0)).id;
		recordAttempt(db, subject.email, '192.0.2.10', false, at(1));
		recordAttempt(db, subject.email, '192.0.2.10', true, at(2));

		markSectionRead(db, framework, subject.id, module, 'why-this-matters', at(3));
		markSectionRead(db, framework, subject.id, module, 'warning-signs', at(4));
		submitAttempt(db, framework, subject.id, module, right, at(5));
		saveReflection(db, subject.id, module.slug, 'first-thoughts', REFLECTION, at(6));
		const run = db
			.insert(scenarioRuns)
			.values({
				personId: subject.id,
				scenarioSlug: 'street-section-136',
				scenarioVersion: '1.0.0',
				snapshot: '{"value":"approach"}',
				step: 1,
				shownAt: at(7),
				status: 'active',
				startedAt: at(7)
			})
			.returning()
			.get();
		db.insert(scenarioSteps)
			.values({
				runId: run.id,
				step: 0,
				fromState: 'start',
				event: 'ONE_VOICE',
				appliedEvent: 'ONE_VOICE',
				toState: 'approach',
				feedback: 'Good.',
				score: 2,
				flags: '[]',
				late: false,
				at: at(8)
			})
			.run();

		// The colleague assesses the subject (evidence follows), an administrator voids that evidence, and the subject assesses the colleague.
		const competencyId = requiredFor(framework, 'police-constable')[0].competency.id;
		const input = { competencyId, assessedOn: '2026-03-02', outcome: 'competent' as const, notes: 'Calm, clear, kept the airway in view.' };
		grant(db, colleague.id, 'trainer', { organisationId: org.id });
		expect(recordAssessment(db, framework, asTrainer(colleague), subject, input, at(9)).ok).toBe(true);
		const recorded = db.select().from(evidence).orderBy(desc(evidence.id)).get()!;
		expect(
			voidEvidence(db, framework, { evidenceId: recorded.id, personId: subject.id, reason: 'Recorded against the wrong person', actorId: admin.id, at: at(10) })
		).toEqual({ ok: true });
		expect(recordAssessment(db, framework, asTrainer(subject), colleague, { ...input, notes: 'Assessed by the subject.' }, at(11)).ok).toBe(true);
		submitAttempt(db, framework, colleague.id, module, right, at(12));
		ids = { subject: subject.id, colleague: colleague.id, admin: admin.id, sessionId };
	});

	it('holds every kind of record about the person, their reflection text included', () => {
		const data = exportSubjectAccess(db, { personId: ids.subject, requestedBy: ids.admin }, at(20))!;
		expect(data.person).toMatchObject({ id: ids.subject, passwordSet: true });
		expect(data.roleGrants).toMatchObject([{ role: 'trainer', unit: null }]);
		expect(data.sessions).toEqual({ count: 1, expiresAt: [expect.any(Date)] });
		expect(data.signInAttempts.map((a) => a.succeeded)).toEqual([false, true]);
		expect(data.moduleProgress).toHaveLength(2);
		expect(data.quizAttempts).toMatchObject([{ answers: right, passed: true }]);
		expect(data.completions).toHaveLength(1);
		expect(data.reflections).toMatchObject([{ reflectionId: 'first-thoughts', body: REFLECTION }]);
		expect(data.scenarioRuns).toMatchObject([
			{ scenarioSlug: 'street-section-136', position: { value: 'approach' }, steps: [{ event: 'ONE_VOICE', flags: [] }] }
		]);
		const voided = data.evidence.filter((e) => e.kind === 'observed');
		expect(voided.map((e) => e.voidsId === null)).toEqual([true, false]);
		expect(data.evidence.find((e) => e.voidsId !== null)?.reason).toBe('Recorded against the wrong person');
		expect(data.assessmentsAboutYou).toMatchObject([{ notes: 'Calm, clear, kept the airway in view.' }]);
		expect(data.assessmentsByYou).toMatchObject([{ personId: ids.colleague, notes: 'Assessed by the subject.' }]);
		expect(data.competencyStatus.current.length).toBeGreaterThan(0);
	});

	it('holds the email queued for them and their email preferences, nobody else’s', () => {
		const data = reminderData({ name: 'Sam' });
		queueMail(db, { to: ids.subject, template: 'refresher-reminder', kind: 'reminder', data });
		queueMail(db, { to: ids.colleague, template: 'refresher-reminder', kind: 'reminder', data: { ...data, name: 'Someone else' } });
		setDigestFrequency(db, { personId: ids.subject, digest: 'monthly', via: 'account' });
		const email = exportSubjectAccess(db, { personId: ids.subject, requestedBy: ids.admin }, at(20))!.email;
		expect(email.messages).toMatchObject([{ kind: 'reminder', subject: 'Due', status: 'queued', data: { name: 'Sam' } }]);
		expect(email.digest).toBe('monthly');
	});

	it('gives audit entries they made or that concern them, and nobody else’s', () => {
		const data = exportSubjectAccess(db, { personId: ids.subject, requestedBy: ids.admin }, at(20))!;
		const actions = data.audit.map((a) => `${a.action} by ${a.actorId === ids.subject ? 'them' : a.actorId === ids.colleague ? 'colleague' : 'admin'}`);
		expect(actions).toContain('quiz-attempt by them');
		expect(actions).toContain('module-complete by them');
		expect(actions).toContain('assessment-record by colleague');
		expect(actions).toContain('evidence-void by admin');
		expect(actions).toContain('assessment-record by them');
		expect(actions).not.toContain('quiz-attempt by colleague');
	});

	it('holds their prior learning claims with the certificate’s hash, never its bytes', () => {
		const subject = db.select().from(people).where(eq(people.id, ids.subject)).get()!;
		const sha256 = createHash('sha256').update(PDF).digest('hex');
		const certificate = { bytes: Buffer.from(PDF), type: 'application/pdf' as const, size: PDF.length, sha256, fileName: 'course.pdf' };
		const fields = {
			competencyId: requiredFor(framework, subject.jobRole)[0].competency.id,
			completedOn: '2026-01-05',
			provider: 'A previous force',
			notes: 'Two days'
		};
		const submitted = submitClaim(db, framework, { ...subject, grants: [] }, subject, fields, certificate, at(21));
		expect(submitted.ok).toBe(true);
		const data = exportSubjectAccess(db, { personId: ids.subject, requestedBy: ids.admin }, at(22))!;
		expect(data.priorLearning).toMatchObject([
			{ provider: 'A previous force', notes: 'Two days', fileSha256: sha256, fileSize: PDF.length, status: 'pending' }
		]);
		expect(data.priorLearning[0]).not.toHaveProperty('file');
		expect(data.audit.map((a) => a.action)).toContain('prior-learning-submit');
		// The certificate's text is nowhere in the export.
		expect(JSON.stringify(data)).not.toContain(Buffer.from(PDF).toString('base64').slice(0, 40));
		expect(JSON.stringify(data)).not.toContain('Restraint Reduction Network certified course');
	});

	it('never holds the password hash, the session id or the token', () => {
		const text = JSON.stringify(exportSubjectAccess(db, { personId: ids.subject, requestedBy: ids.admin }, at(20)));
		expect(text).toContain(REFLECTION);
		expect(text).not.toContain(PASSWORD_HASH);
		expect(text).not.toContain('argon2');
		expect(text).not.toContain(ids.sessionId);
		expect(text).not.toContain(TOKEN);
	});

	it('records who exported whose data, and nothing for someone who does not exist', () => {
		exportSubjectAccess(db, { personId: ids.subject, requestedBy: ids.admin }, at(20));
		expect(db.select().from(auditLog).orderBy(desc(auditLog.id)).get()).toMatchObject({
			action: 'subject-access-export',
			actorId: ids.admin,
			entity: 'person',
			entityId: String(ids.subject)
		});
		const entries = db.$client.prepare('select count(*) as n from audit_log').get();
		expect(exportSubjectAccess(db, { personId: 999_999, requestedBy: ids.admin })).toBeUndefined();
		expect(db.$client.prepare('select count(*) as n from audit_log').get()).toEqual(entries);
	});
});

describe('exportSubjectAccess and assigned training', () => {
	it('lists each assignment made to them: what, why, due, extensions that applied to them, done or cancelled, and by whom', () => {
		const db = testDb();
		const org = addOrganisation(db);
		const unit = addUnit(db, org.id);
		const subject = addPerson(db, unit, { jobRole: 'police-constable' });
		const colleague = addPerson(db, unit, { jobRole: 'police-constable' });
		const boss = addPerson(db, unit, { name: 'Sergeant Amara Okafor', jobRole: 'police-sergeant' });
		const admin = addPerson(db, unit);
		grant(db, boss.id, 'manager', { unitId: unit.id });
		const manager = { ...boss, grants: [{ role: 'manager' as const, organisationId: null, unitId: unit.id }] };
		const content = { framework, lookup: { moduleTitle: () => 'A module', scenarioTitle: () => undefined } };
		const made = (what: string, target: AssignInput['target'], reason: string) => {
			const result = createAssignment(db, content, manager, { what: { kind: 'module', ref: what }, target, dueOn: '2026-03-31', reason }, () => true, at(30));
			return (result as { id: number }).id;
		};
		const unitWide = made('recognising-distress', { kind: 'unit', unitId: unit.id }, 'Mental Health Act changes');
		const cancelled = made('de-escalation', { kind: 'person', personId: subject.id }, 'After the incident on 3 March');
		expect(
			extendAssignment(db, content, manager, unitWide, { dueOn: '2026-04-10', reason: 'Only the colleague is on leave', personId: colleague.id }, at(31)).ok
		).toBe(true);
		expect(extendAssignment(db, content, manager, unitWide, { dueOn: '2026-04-30', reason: 'Rota pressure in March', personId: null }, at(32)).ok).toBe(true);
		expect(cancelAssignment(db, content, manager, cancelled, 'Sent to the wrong person', at(33)).ok).toBe(true);
		recordEvidence(db, framework, {
			personId: subject.id,
			source: { module: 'recognising-distress' },
			version: '1.0.0',
			occurredOn: '2026-03-05',
			recordedBy: subject.id,
			at: new Date('2026-03-05T10:00:00Z')
		});

		const data = exportSubjectAccess(db, { personId: subject.id, requestedBy: admin.id }, new Date('2026-05-01T10:00:00Z'))!;
		expect(data.sections.assignments).toMatch(/not your competency’s/);
		expect(data.assignments).toEqual([
			expect.objectContaining({
				id: unitWide,
				what: { kind: 'module', ref: 'recognising-distress' },
				assignedTo: expect.objectContaining({ kind: 'unit', unit: unit.name }),
				assignedOn: '2026-03-03',
				assignedBy: { id: boss.id, name: 'Sergeant Amara Okafor' },
				reason: 'Mental Health Act changes',
				dueOn: '2026-04-30',
				extensions: [expect.objectContaining({ dueOn: '2026-04-30', reason: 'Rota pressure in March', by: { id: boss.id, name: 'Sergeant Amara Okafor' } })],
				status: 'done',
				statusLabel: 'Done',
				met: expect.objectContaining({ on: '2026-03-05', evidenceId: expect.any(Number) }),
				cancelled: null
			}),
			expect.objectContaining({
				id: cancelled,
				assignedTo: expect.objectContaining({ kind: 'person' }),
				status: 'cancelled',
				met: null,
				extensions: [],
				cancelled: expect.objectContaining({ by: { id: boss.id, name: 'Sergeant Amara Okafor' }, reason: 'Sent to the wrong person' })
			})
		]);
		// Their assignments' audit entries are in; the colleague's own extension is not, here or in the audit section.
		const actions = data.audit.filter((a) => a.entity === 'assignment').map((a) => a.action);
		expect(actions).toEqual(['assignment-create', 'assignment-create', 'assignment-extend', 'assignment-cancel', 'assignment-met']);
		expect(JSON.stringify(data)).not.toContain('Only the colleague is on leave');
		// The colleague's export, two months on, shows theirs overdue with both extensions.
		const theirs = exportSubjectAccess(db, { personId: colleague.id, requestedBy: admin.id }, new Date('2026-05-01T10:00:00Z'))!.assignments;
		expect(theirs).toMatchObject([{ id: unitWide, status: 'overdue', statusLabel: 'Overdue', dueOn: '2026-04-30' }]);
		expect(theirs[0].extensions.map((e) => e.reason)).toEqual(['Only the colleague is on leave', 'Rota pressure in March']);
	});

	it('names the academy for a retraining made when content changed', () => {
		const db = testDb();
		const unit = addUnit(db, addOrganisation(db).id);
		const person = addPerson(db, unit);
		db.$client
			.prepare(
				"insert into assignments (kind, ref, target_kind, organisation_id, assigned_on, due_on, reason, min_version, system_key, created_by, created_at) values ('module', 'de-escalation', 'content-change', ?, '2026-03-01', '2026-06-30', 'Content changed: time and distance', 2, 'k', null, 0)"
			)
			.run(unit.organisationId);
		db.$client.prepare("insert into assignment_people (assignment_id, person_id, due_on) values (1, ?, '2026-06-30')").run(person.id);
		const [a] = exportSubjectAccess(db, { personId: person.id, requestedBy: person.id }, at(1))!.assignments;
		expect(a).toMatchObject({ assignedBy: { id: null, name: 'The academy (a content change)' }, onVersionOrLater: 2, status: 'open', statusLabel: 'To do' });
	});
});

describe('exportSubjectAccess and learner evaluation surveys', () => {
	it('lists the versions the person answered for, and nothing of what they answered (it is not linked to them)', () => {
		const db = testDb();
		const unit = addUnit(db, addOrganisation(db).id);
		const person = addPerson(db, unit);
		const admin = addPerson(db, unit);
		saveAnswer(
			db,
			person,
			{ kind: 'module', slug: 'restraint-safety', version: '1.0.0' },
			{ ratings: { a: 5, b: 4, c: 3 }, comment: 'Only the learner wrote this' },
			at(1)
		);
		const data = exportSubjectAccess(db, { personId: person.id, requestedBy: admin.id }, at(2))!;
		expect(data.surveysAnswered).toEqual([{ kind: 'module', slug: 'restraint-safety', version: '1.0.0' }]);
		expect(JSON.stringify(data)).not.toContain('Only the learner wrote this');
		expect(data.sections.surveysAnswered).toMatch(/without any link to you/);
	});
});
