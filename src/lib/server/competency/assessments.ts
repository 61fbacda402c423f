import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { canAssess, type Principal } from '../access/policy';
import { appendAudit } from '../audit/log';
import type { Db } from '../db';
import { assessments, people } from '../db/schema';
import { isoDate, optionalText } from '../forms/fields';
import { londonToday } from './dates';
import { requiredFor, type Framework } from './framework';
import { recordEvidence } from './ledger';

function assessmentSchema(framework: Framework) {
	const ids = framework.competencies.map((c) => c.id) as [string, ...string[]];
	return z.object({
		competencyId: z.enum(ids, { error: 'Choose the competency assessed' }),
		assessedOn: isoDate('the date of the assessment'),
		outcome: z.enum(['competent', 'not-yet-competent'], { error: 'Choose the outcome' }),
		notes: optionalText('the notes', 2000)
	});
}
export type AssessmentInput = z.infer<ReturnType<typeof assessmentSchema>>;

const schemas = new WeakMap<Framework, ReturnType<typeof assessmentSchema>>();

/** The form of an observed assessment; the competencies are those the framework defines. */
export function assessmentInput(framework: Framework) {
	let schema = schemas.get(framework);
	if (!schema) schemas.set(framework, (schema = assessmentSchema(framework)));
	return schema;
}

export type AssessmentTarget = { id: number; organisationId: number; unitId: number; jobRole: string; startDate: string; status: string };

type Outcome = { ok: true; id: number } | { ok: false; forbidden: true } | { ok: false; forbidden: false; errors: Record<string, string> };
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** A sign-off: the framework it is checked against, who signs, whom, what, and when it is recorded (now by default). */
type SignOff = [framework: Framework, assessor: Principal, target: AssessmentTarget, input: AssessmentInput, now?: Date];

/**
 * A trainer's sign-off of an observed practical assessment. Nobody signs themselves off, and a trainer
 * assesses only people in an organisation they train for. A "competent" outcome becomes evidence.
 */
export function recordAssessment(db: Db, ...signOff: SignOff): Outcome {
	return db.transaction((tx) => recordAssessmentIn(tx, ...signOff));
}

/**
 * The same, inside a caller's transaction (a session's register records several with the attendance): refused
 * (and nothing written) for the same reasons.
 */
export function recordAssessmentIn(tx: Tx, ...[framework, assessor, target, input, now = new Date()]: SignOff): Outcome {
	const refused = checkAssessment(framework, assessor, target, input, now);
	if (refused) return refused;
	return { ok: true, id: writeAssessment(tx, framework, assessor, target, input, now) };
}

function checkAssessment(
	framework: Framework,
	assessor: Principal,
	target: AssessmentTarget,
	input: AssessmentInput,
	now: Date
): Exclude<Outcome, { ok: true }> | null {
	if (!canAssess(assessor, target)) return { ok: false, forbidden: true };
	const errors: Record<string, string> = {};
	if (!requiredFor(framework, target.jobRole).some((r) => r.competency.id === input.competencyId))
		errors.competencyId = 'This person’s job role does not need that competency';
	if (input.assessedOn > londonToday(now)) errors.assessedOn = 'The date of the assessment cannot be in the future';
	else if (input.assessedOn < target.startDate) errors.assessedOn = 'The date of the assessment must be on or after the person’s start date';
	if (target.status !== 'active') errors.form = 'This person has left; assessments can no longer be recorded for them';
	return Object.keys(errors).length ? { ok: false, forbidden: false, errors } : null;
}

function writeAssessment(tx: Tx, framework: Framework, assessor: Principal, target: AssessmentTarget, input: AssessmentInput, now: Date): number {
	const row = tx
		.insert(assessments)
		.values({
			personId: target.id,
			competencyId: input.competencyId,
			assessedOn: input.assessedOn,
			outcome: input.outcome,
			notes: input.notes ?? '',
			assessorId: assessor.id,
			recordedAt: now
		})
		.returning({ id: assessments.id })
		.get();
	appendAudit(tx, {
		actorId: assessor.id,
		action: 'assessment-record',
		entity: 'assessment',
		entityId: row.id,
		detail: { personId: target.id, competencyId: input.competencyId, assessedOn: input.assessedOn, outcome: input.outcome },
		at: now
	});
	if (input.outcome === 'competent')
		recordEvidence(tx, framework, {
			personId: target.id,
			source: { observed: String(row.id), competencyId: input.competencyId },
			version: null,
			occurredOn: input.assessedOn,
			recordedBy: assessor.id,
			at: now
		});
	return row.id;
}

export function listAssessments(db: Db, personId: number) {
	return db
		.select({
			id: assessments.id,
			competencyId: assessments.competencyId,
			assessedOn: assessments.assessedOn,
			outcome: assessments.outcome,
			notes: assessments.notes,
			assessorName: people.name,
			recordedAt: assessments.recordedAt
		})
		.from(assessments)
		.innerJoin(people, eq(people.id, assessments.assessorId))
		.where(eq(assessments.personId, personId))
		.orderBy(desc(assessments.assessedOn), desc(assessments.id))
		.all();
}

/** The assessments a trainer has signed off, newest first (at most `limit`): for their own list on /assess. */
export function assessmentsSignedOffBy(db: Db, assessorId: number, limit = 100) {
	return db
		.select({
			id: assessments.id,
			personId: assessments.personId,
			personName: people.name,
			competencyId: assessments.competencyId,
			assessedOn: assessments.assessedOn,
			outcome: assessments.outcome
		})
		.from(assessments)
		.innerJoin(people, eq(people.id, assessments.personId))
		.where(eq(assessments.assessorId, assessorId))
		.orderBy(desc(assessments.assessedOn), desc(assessments.id))
		.limit(limit)
		.all();
}
