import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { testFramework } from '$testing/framework';
import { PDF } from '$testing/certificates';
import type { Principal } from '../access/policy';
import { requiredFor } from '../competency/framework';
import { statusesOn } from '../competency/ledger';
import type { Db } from '../db';
import { auditLog, competencyStatus, evidence, mailOutbox, priorLearningClaims } from '../db/schema';
import '../mail/catalogue';
import { certificateOf, claimById, claimsOf, pendingInScope } from './claims-store';
import { reviewClaim, submitClaim } from './claims';
import type { Certificate } from './input';

const framework = testFramework();
const NOW = new Date('2026-06-15T12:00:00Z');
const LATER = new Date('2026-06-16T09:00:00Z');

const certificate: Certificate = {
	bytes: Buffer.from(PDF),
	type: 'application/pdf',
	size: PDF.length,
	sha256: createHash('sha256').update(PDF).digest('hex'),
	fileName: 'rrn-certificate.pdf'
};
const fields = { competencyId: 'safe-restraint', completedOn: '2026-03-01', provider: 'South London Trust (RRN certified)', notes: null };

function principal(person: ReturnType<typeof addPerson>, grants: Principal['grants'] = []): Principal {
	return {
		id: person.id,
		name: person.name,
		email: person.email,
		organisationId: person.organisationId,
		unitId: person.unitId,
		jobRole: person.jobRole,
		grants
	};
}

describe('prior learning claims', () => {
	let db: Db;
	let learner: ReturnType<typeof addPerson>;
	let manager: Principal;
	let otherManager: Principal;
	let outsideManager: Principal;
	beforeEach(() => {
		db = testDb();
		const org = addOrganisation(db);
		const unit = addUnit(db, org.id);
		learner = addPerson(db, unit, { jobRole: 'police-constable', startDate: '2026-05-01' });
		manager = principal(addPerson(db, unit), [{ role: 'manager', organisationId: org.id, unitId: null }]);
		otherManager = principal(addPerson(db, unit), [{ role: 'manager', organisationId: null, unitId: unit.id }]);
		const elsewhere = addOrganisation(db);
		outsideManager = principal(addPerson(db, addUnit(db, elsewhere.id)), [{ role: 'manager', organisationId: elsewhere.id, unitId: null }]);
	});
	const submitAsLearner = () => {
		const result = submitClaim(db, framework, principal(learner), learner, fields, certificate, NOW);
		if (!result.ok) throw new Error(JSON.stringify(result));
		return result.id;
	};
	const restraint = () => statusesOn(db, framework, learner, '2026-06-16').find((c) => c.competency.id === 'safe-restraint')!;

	it('stores the claim pending, with the file, its hash, size and checked type, and audits it', () => {
		const id = submitAsLearner();
		expect(claimById(db, id)).toMatchObject({ status: 'pending', provider: fields.provider, fileSize: PDF.length, fileSha256: certificate.sha256 });
		const file = certificateOf(db, id)!;
		expect(file.fileType).toBe('application/pdf');
		expect(Buffer.compare(file.file, Buffer.from(PDF))).toBe(0);
		expect(
			db
				.select()
				.from(auditLog)
				.all()
				.map((a) => a.action)
		).toEqual(['prior-learning-submit']);
		expect(pendingInScope(db, { kind: 'scoped', organisationIds: [learner.organisationId], unitIds: [] }).rows.map((r) => r.id)).toEqual([id]);
		expect(pendingInScope(db, { kind: 'scoped', organisationIds: [outsideManager.organisationId], unitIds: [] }).total).toBe(0);
	});

	it('approval records prior learning evidence dated when it was completed, by the approver, and tells the learner', () => {
		const id = submitAsLearner();
		expect(restraint().status).toBe('not-achieved');
		expect(reviewClaim(db, framework, manager, { claimId: id, decision: 'approve', reason: null }, LATER)).toEqual({ ok: true });
		expect(db.select().from(evidence).all()).toMatchObject([
			{ personId: learner.id, competencyId: 'safe-restraint', kind: 'prior-learning', ref: String(id), occurredOn: '2026-03-01', recordedBy: manager.id }
		]);
		// Prior learning meets every part of the competency: module, scenario and observed assessment alike.
		expect(restraint()).toMatchObject({ status: 'current', achievedOn: '2026-03-01', expiresOn: '2027-03-01' });
		expect(
			db
				.select()
				.from(competencyStatus)
				.all()
				.find((s) => s.competencyId === 'safe-restraint')
		).toMatchObject({ achievedOn: '2026-03-01' });
		expect(claimById(db, id)).toMatchObject({ status: 'approved', reviewedBy: manager.id, reviewedByName: manager.name });
		const mail = db.select().from(mailOutbox).all();
		expect(mail).toMatchObject([{ personId: learner.id, template: 'prior-learning-outcome', kind: 'prior-learning' }]);
		expect(mail[0].subject).toContain('approved');
		expect(
			db
				.select()
				.from(auditLog)
				.all()
				.map((a) => a.action)
		).toEqual(['prior-learning-submit', 'prior-learning-approve', 'evidence-record']);
	});

	it('rejection records no evidence and tells the learner the reason', () => {
		const id = submitAsLearner();
		const reason = 'The certificate does not name the restraint standard.';
		expect(reviewClaim(db, framework, manager, { claimId: id, decision: 'reject', reason }, LATER)).toEqual({ ok: true });
		expect(db.select().from(evidence).all()).toEqual([]);
		expect(restraint().status).toBe('not-achieved');
		expect(claimsOf(db, learner.id)[0]).toMatchObject({ status: 'rejected', reviewReason: reason });
		const [mail] = db.select().from(mailOutbox).all();
		expect(mail.subject).toContain('not approved');
		expect(JSON.parse(mail.data).details).toContain(`Reason from the manager: ${reason}`);
	});

	it('no one approves their own claim, or one they recorded for someone else', () => {
		const asManager = principal(learner, [{ role: 'manager', organisationId: learner.organisationId, unitId: null }]);
		const own = submitAsLearner();
		expect(reviewClaim(db, framework, asManager, { claimId: own, decision: 'approve', reason: null }, LATER)).toMatchObject({ ok: false, forbidden: false });
		const recorded = submitClaim(db, framework, manager, learner, fields, certificate, NOW);
		expect(recorded.ok).toBe(true);
		const recordedId = (recorded as { id: number }).id;
		expect(reviewClaim(db, framework, manager, { claimId: recordedId, decision: 'approve', reason: null }, LATER)).toMatchObject({
			ok: false,
			errors: { form: expect.stringContaining('another manager') }
		});
		expect(db.select().from(evidence).all()).toEqual([]);
		expect(reviewClaim(db, framework, otherManager, { claimId: recordedId, decision: 'approve', reason: null }, LATER)).toEqual({ ok: true });
	});

	it('out of scope is refused as not found, for recording and for deciding, and nothing changes', () => {
		const id = submitAsLearner();
		expect(reviewClaim(db, framework, outsideManager, { claimId: id, decision: 'approve', reason: null }, LATER)).toEqual({ ok: false, forbidden: true });
		expect(reviewClaim(db, framework, manager, { claimId: id + 100, decision: 'approve', reason: null }, LATER)).toEqual({ ok: false, forbidden: true });
		expect(submitClaim(db, framework, outsideManager, learner, fields, certificate, NOW)).toEqual({ ok: false, forbidden: true });
		// Another learner is not a reviewer, even of a colleague in the same unit.
		const colleague = principal(addPerson(db, { id: learner.unitId, organisationId: learner.organisationId }));
		expect(reviewClaim(db, framework, colleague, { claimId: id, decision: 'approve', reason: null }, LATER)).toEqual({ ok: false, forbidden: true });
		expect(db.select().from(evidence).all()).toEqual([]);
		expect(claimById(db, id)!.status).toBe('pending');
		expect(db.select().from(priorLearningClaims).all()).toHaveLength(1);
	});

	it('a claim is decided once', () => {
		const id = submitAsLearner();
		expect(reviewClaim(db, framework, manager, { claimId: id, decision: 'reject', reason: 'Not enough detail' }, LATER).ok).toBe(true);
		expect(reviewClaim(db, framework, otherManager, { claimId: id, decision: 'approve', reason: null }, LATER)).toMatchObject({
			ok: false,
			errors: { form: 'This claim has already been decided.' }
		});
		expect(db.select().from(evidence).all()).toEqual([]);
		expect(db.select().from(mailOutbox).all()).toHaveLength(1);
	});

	it('refuses a competency the job role does not need, a future date and a leaver, writing nothing', () => {
		const notNeeded = framework.competencies.find((c) => !requiredFor(framework, 'police-constable').some((r) => r.competency.id === c.id))!;
		const me = principal(learner);
		expect(submitClaim(db, framework, me, learner, { ...fields, competencyId: notNeeded.id }, certificate, NOW)).toMatchObject({
			ok: false,
			errors: { competencyId: expect.stringContaining('job role needs') }
		});
		expect(submitClaim(db, framework, me, learner, { ...fields, competencyId: 'no-such-thing' }, certificate, NOW)).toMatchObject({ ok: false });
		expect(submitClaim(db, framework, me, learner, { ...fields, completedOn: '2026-06-16' }, certificate, NOW)).toMatchObject({
			ok: false,
			errors: { completedOn: 'The date the learning was completed cannot be in the future' }
		});
		expect(submitClaim(db, framework, me, { ...learner, status: 'left' }, fields, certificate, NOW)).toMatchObject({
			ok: false,
			errors: { form: expect.any(String) }
		});
		expect(db.select().from(priorLearningClaims).all()).toEqual([]);
		expect(db.select().from(auditLog).all()).toEqual([]);
	});
});
