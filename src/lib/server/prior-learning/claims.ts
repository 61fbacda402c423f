/**
 * Prior learning: a claim that learning done elsewhere meets a competency, with its certificate, and a manager's
 * decision on it. Approval records `prior-learning` evidence in the ledger, dated when the learning was completed
 * and recorded by the approver, in the same transaction as the decision, its audit entry and the learner's email.
 */
import { canRecordPriorLearning, canReviewPriorLearning, type PersonRef, type Principal } from '../access/policy';
import { appendAudit } from '../audit/log';
import { londonToday } from '../competency/dates';
import { requiredFor, type Framework } from '../competency/framework';
import { recordEvidence } from '../competency/ledger';
import type { Db } from '../db';
import { claimById, decideClaim, insertClaim } from './claims-store';
import type { Certificate, ClaimFields, ReviewFields } from './input';
import { queueOutcomeMail } from './notify';

/** Learning completed before this is too old to be in date for any competency, and is far more likely a typing slip. */
export const EARLIEST_COMPLETION = '1990-01-01';

export type ClaimTarget = PersonRef & { jobRole: string; status: string };

/** `status` says what kind of refusal a route answers with: 400 bad input unless named (403 not yours to decide, 409 decided already). */
type Refused = { ok: false; forbidden: true } | { ok: false; forbidden: false; errors: Record<string, string>; status?: 403 | 409 };

/** The checks that need the person and the framework; the form's own shape is checked by `claimFields`. */
export function checkClaim(framework: Framework, target: ClaimTarget, input: ClaimFields, now: Date): Record<string, string> {
	const errors: Record<string, string> = {};
	if (!requiredFor(framework, target.jobRole).some((r) => r.competency.id === input.competencyId))
		errors.competencyId = 'Choose a competency from the list: it must be one this person’s job role needs';
	if (input.completedOn > londonToday(now)) errors.completedOn = 'The date the learning was completed cannot be in the future';
	else if (input.completedOn < EARLIEST_COMPLETION) errors.completedOn = 'The date the learning was completed must be in 1990 or later';
	if (target.status !== 'active') errors.form = 'This person has left; prior learning can no longer be recorded for them';
	return errors;
}

/** Records a claim for the person, by themselves or by someone who may see them; refused (nothing written) otherwise. */
export function submitClaim(
	db: Db,
	framework: Framework,
	actor: Principal,
	target: ClaimTarget,
	input: ClaimFields,
	certificate: Certificate,
	now = new Date()
): { ok: true; id: number } | Refused {
	if (!canRecordPriorLearning(actor, target)) return { ok: false, forbidden: true };
	const errors = checkClaim(framework, target, input, now);
	if (Object.keys(errors).length) return { ok: false, forbidden: false, errors };
	const id = db.transaction((tx) => {
		const claimId = insertClaim(tx, {
			personId: target.id,
			competencyId: input.competencyId,
			completedOn: input.completedOn,
			provider: input.provider,
			notes: input.notes ?? '',
			file: certificate.bytes,
			fileType: certificate.type,
			fileSize: certificate.size,
			fileSha256: certificate.sha256,
			fileName: certificate.fileName,
			submittedBy: actor.id,
			submittedAt: now
		});
		appendAudit(tx, {
			actorId: actor.id,
			action: 'prior-learning-submit',
			entity: 'prior-learning-claim',
			entityId: claimId,
			detail: {
				personId: target.id,
				competencyId: input.competencyId,
				completedOn: input.completedOn,
				provider: input.provider,
				file: { type: certificate.type, size: certificate.size, sha256: certificate.sha256 }
			},
			at: now
		});
		return claimId;
	});
	return { ok: true, id };
}

/**
 * A manager's decision on a pending claim. Out of the reviewer's scope (or unknown) is `forbidden`, which routes answer
 * 404; the person themselves, the claim's submitter, and a claim already decided are refused with a message.
 */
export function reviewClaim(db: Db, framework: Framework, reviewer: Principal, input: ReviewFields, now = new Date()): { ok: true } | Refused {
	const claim = claimById(db, input.claimId);
	if (!claim || !canRecordPriorLearning(reviewer, claim.person)) return { ok: false, forbidden: true };
	if (!canReviewPriorLearning(reviewer, claim.person, claim.submittedBy))
		return {
			ok: false,
			forbidden: false,
			status: 403,
			errors: {
				form:
					claim.person.id === reviewer.id
						? 'You cannot decide your own claim: another manager in your organisation will.'
						: claim.submittedBy === reviewer.id
							? 'You recorded this claim, so another manager must decide it.'
							: 'Only a manager of this person, or an administrator, can decide this claim.'
			}
		};
	const status = input.decision === 'approve' ? 'approved' : 'rejected';
	const reason = input.reason ?? null;
	const decided = db.transaction((tx) => {
		if (!decideClaim(tx, claim.id, { status, reviewedBy: reviewer.id, reviewedAt: now, reason })) return false;
		appendAudit(tx, {
			actorId: reviewer.id,
			action: input.decision === 'approve' ? 'prior-learning-approve' : 'prior-learning-reject',
			entity: 'prior-learning-claim',
			entityId: claim.id,
			detail: { personId: claim.person.id, competencyId: claim.competencyId, completedOn: claim.completedOn, reason },
			at: now
		});
		if (status === 'approved')
			recordEvidence(tx, framework, {
				personId: claim.person.id,
				source: { priorLearning: String(claim.id), competencyId: claim.competencyId },
				version: null,
				occurredOn: claim.completedOn,
				recordedBy: reviewer.id,
				at: now
			});
		queueOutcomeMail(tx, framework, { ...claim, status, reviewReason: reason }, now);
		return true;
	});
	if (!decided) return { ok: false, forbidden: false, status: 409, errors: { form: 'This claim has already been decided.' } };
	return { ok: true };
}
