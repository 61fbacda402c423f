import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { testFramework } from '$testing/framework';
import { verifyAuditChain } from '../audit/verify';
import { createSession, generateSessionToken } from '../auth/session';
import { recordAttempt } from '../auth/throttle';
import { recordEvidence } from '../competency/ledger';
import type { Db } from '../db';
import { assessments, competencyStatus, evidence, mailOutbox, people, priorLearningClaims, reflections, ssoLinks, surveyAnswered } from '../db/schema';
import { PDF } from '$testing/certificates';
import { anonymiseLeavers, planAnonymisation } from './anonymise';
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
			assessmentNotes: 1
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

	it('does nothing, and writes no audit entry, when run again; and an anonymised person cannot be reinstated', () => {
		anonymiseLeavers(db, { before: '2020-01-01', actorId: null });
		expect(reinstate(db, stayer.id, leaver.id)).toMatchObject({ ok: false, errors: { form: expect.stringMatching(/anonymised/) } });
		expect(reinstate(db, stayer.id, recent.id)).toMatchObject({ ok: true });
		expect(planAnonymisation(db, '2020-01-01').people).toBe(0);
		expect(anonymiseLeavers(db, { before: '2020-01-01', actorId: null }).ids).toEqual([]);
		expect(db.$client.prepare("select count(*) from audit_log where action = 'people-anonymise'").pluck().get()).toBe(1);
	});
});
