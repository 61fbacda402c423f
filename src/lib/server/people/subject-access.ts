/**
 * A subject access export: everything the academy holds about one person, for an administrator answering a request
 * under UK GDPR Article 15. Secrets are left out (password hash, session ids); everything else about them is in,
 * including their private reflections, which are their own data. See docs/data-protection.md.
 */
import { asc, eq } from 'drizzle-orm';
import { appendAudit } from '../audit/log';
import type { Db } from '../db';
import {
	accountTokens,
	assessments,
	authRequests,
	competencyCycles,
	competencyStatus,
	evidence,
	loginAttempts,
	moduleCompletions,
	moduleProgress,
	organisations,
	people,
	quizAttempts,
	reflections,
	roleGrants,
	scenarioRuns,
	scenarioSteps,
	sessions,
	ssoLinks,
	surveyAnswered,
	units
} from '../db/schema';

import { ASSIGNMENTS_SECTION, assignmentsForSubjectAccess } from '../assignments/subject-access';
import { londonToday } from '../competency/dates';
import { EMAIL_SECTION, emailOf } from '../mail/subject-access';
import { claimsForSubjectAccess } from '../prior-learning/claims-store';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const SECTIONS = {
	person: 'The record of you: name, work email, workforce id, organisation, unit, job role, dates. Whether a password is set, never the password or its hash.',
	roleGrants: 'Access roles beyond learner (trainer, manager, partnership lead, administrator), with their scope and who granted them.',
	sessions: 'How many signed-in sessions are stored and when each expires. The session ids are secrets and are not given.',
	singleSignOn:
		'Your accounts at your organisation’s single sign-on provider that you have signed in with: the provider (issuer), its id for you, and when the link was made.',
	signInAttempts:
		'Every sign-in attempt made with your email address: when, from which network address, and whether it succeeded. A failed attempt may have been made by someone else.',
	accountLinks:
		'Activation and password reset links emailed to you that can still be used: their purpose, when sent and when they run out. The links themselves are secrets and are not given (only a hash of each is stored).',
	accountRequests:
		'Password resets asked for, and single sign-on started, with your email address: when and from which network address. A request may have been made by someone else.',
	moduleProgress: 'Module sections you marked as read, with the latest time for each.',
	quizAttempts: 'Every knowledge-check attempt, with the answers you chose and the score.',
	completions: 'Modules completed, with the version and the attempt that completed them.',
	reflections: 'Your private reflections. Only you can read them in the academy; they are included here because they are your data.',
	scenarioRuns: 'Every scenario run, with each decision, when it was made and the feedback given.',
	surveysAnswered:
		'The module and scenario versions whose optional survey you have answered. What you answered is kept without any link to you (that is what keeps it anonymous), so it cannot be found or included here.',
	evidence: 'The evidence ledger for your competencies, including corrections (rows that void an earlier one, with the reason).',
	competencyStatus: 'Your current status and history for each competency, worked out from the evidence.',
	assessmentsAboutYou: 'Observed practical assessments of you, with the assessor and their notes.',
	assessmentsByYou: 'Observed practical assessments you recorded of other people.',
	priorLearning:
		'Prior learning claimed for you: the competency, date, provider, notes, who recorded and who decided it, the outcome and its reason, and the certificate’s name, type, size and SHA-256 fingerprint. The certificate files themselves are not in this export: ask for a copy of any of them.',
	assignments: ASSIGNMENTS_SECTION,
	audit:
		'Audit log entries where you made the change, or the change was to your record or your training (an assignment made to you included, leaving out entries about one other person on it).',
	email: EMAIL_SECTION
} as const;

const parseJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

function personRecord(tx: Tx, personId: number) {
	const row = tx
		.select({
			id: people.id,
			name: people.name,
			email: people.email,
			workforceId: people.workforceId,
			jobRole: people.jobRole,
			organisation: organisations.name,
			unit: units.name,
			startDate: people.startDate,
			status: people.status,
			leftDate: people.leftDate,
			passwordHash: people.passwordHash,
			createdAt: people.createdAt,
			updatedAt: people.updatedAt
		})
		.from(people)
		.innerJoin(organisations, eq(organisations.id, people.organisationId))
		.innerJoin(units, eq(units.id, people.unitId))
		.where(eq(people.id, personId))
		.get();
	if (!row) return undefined;
	const { passwordHash, ...rest } = row;
	return { ...rest, passwordSet: passwordHash !== null };
}

function roleGrantsOf(tx: Tx, personId: number) {
	return tx
		.select({
			id: roleGrants.id,
			role: roleGrants.role,
			organisation: organisations.name,
			unit: units.name,
			grantedBy: roleGrants.grantedBy,
			createdAt: roleGrants.createdAt
		})
		.from(roleGrants)
		.leftJoin(organisations, eq(organisations.id, roleGrants.organisationId))
		.leftJoin(units, eq(units.id, roleGrants.unitId))
		.where(eq(roleGrants.personId, personId))
		.orderBy(asc(roleGrants.id))
		.all();
}

function sessionsOf(tx: Tx, personId: number) {
	const rows = tx.select({ expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.personId, personId)).orderBy(asc(sessions.expiresAt)).all();
	return { count: rows.length, expiresAt: rows.map((r) => r.expiresAt) };
}

function scenarioRunsOf(tx: Tx, personId: number) {
	return tx
		.select()
		.from(scenarioRuns)
		.where(eq(scenarioRuns.personId, personId))
		.orderBy(asc(scenarioRuns.id))
		.all()
		.map(({ snapshot, flags, ...run }) => ({
			...run,
			flags: parseJson(flags),
			position: parseJson(snapshot),
			steps: tx
				.select()
				.from(scenarioSteps)
				.where(eq(scenarioSteps.runId, run.id))
				.orderBy(asc(scenarioSteps.step))
				.all()
				.map(({ flags: stepFlags, ...step }) => ({ ...step, flags: parseJson(stepFlags) }))
		}));
}

type AuditRow = { id: number; at: number; actorId: number | null; action: string; entity: string; entityId: string | null; detail: string };

/** Entries they made, and entries about their record or about rows that belong to them. */
function auditOf(db: Db, personId: number) {
	const mine = (entity: string, table: string) => `(entity = '${entity}' and entity_id in (select cast(id as text) from ${table} where person_id = @id))`;
	const rows = db.$client
		.prepare(
			`select id, at, actor_id as actorId, action, entity, entity_id as entityId, detail from audit_log
			 where actor_id = @id or (entity = 'person' and entity_id = cast(@id as text))
			 or ${mine('quiz_attempt', 'quiz_attempts')} or ${mine('module_completion', 'module_completions')}
			 or ${mine('scenario_run', 'scenario_runs')} or ${mine('evidence', 'evidence')} or ${mine('assessment', 'assessments')}
			 or ${mine('prior-learning-claim', 'prior_learning_claims')}
			 or (entity = 'assignment' and entity_id in (select cast(assignment_id as text) from assignment_people where person_id = @id))
			 order by id`
		)
		.all({ id: personId }) as AuditRow[];
	// An assignment's entries about one other person on it (met, extended for them) are theirs, not this person's.
	const aboutSomeoneElse = (r: AuditRow, detail: unknown) =>
		r.entity === 'assignment' &&
		r.actorId !== personId &&
		typeof (detail as { personId?: unknown }).personId === 'number' &&
		(detail as { personId: number }).personId !== personId;
	return rows.flatMap((r) => {
		const detail = parseJson(r.detail);
		return aboutSomeoneElse(r, detail) ? [] : [{ ...r, at: new Date(r.at), detail }];
	});
}

function build(db: Db, tx: Tx, personId: number, requestedBy: number, now: Date) {
	const person = personRecord(tx, personId);
	if (!person) return undefined;
	return {
		generatedAt: now,
		requestedBy,
		sections: SECTIONS,
		person,
		roleGrants: roleGrantsOf(tx, personId),
		sessions: sessionsOf(tx, personId),
		singleSignOn: tx
			.select({ issuer: ssoLinks.issuer, subject: ssoLinks.subject, createdAt: ssoLinks.createdAt })
			.from(ssoLinks)
			.where(eq(ssoLinks.personId, personId))
			.orderBy(asc(ssoLinks.id))
			.all(),
		signInAttempts: tx
			.select({ at: loginAttempts.at, address: loginAttempts.address, succeeded: loginAttempts.succeeded })
			.from(loginAttempts)
			.where(eq(loginAttempts.email, person.email))
			.orderBy(asc(loginAttempts.at))
			.all(),
		accountLinks: tx
			.select({ purpose: accountTokens.purpose, createdAt: accountTokens.createdAt, expiresAt: accountTokens.expiresAt })
			.from(accountTokens)
			.where(eq(accountTokens.personId, personId))
			.orderBy(asc(accountTokens.createdAt))
			.all(),
		accountRequests: tx
			.select({ kind: authRequests.kind, at: authRequests.at, address: authRequests.address })
			.from(authRequests)
			.where(eq(authRequests.email, person.email))
			.orderBy(asc(authRequests.at))
			.all(),
		moduleProgress: tx.select().from(moduleProgress).where(eq(moduleProgress.personId, personId)).all(),
		quizAttempts: tx
			.select()
			.from(quizAttempts)
			.where(eq(quizAttempts.personId, personId))
			.orderBy(asc(quizAttempts.id))
			.all()
			.map((a) => ({ ...a, answers: parseJson(a.answers) })),
		completions: tx.select().from(moduleCompletions).where(eq(moduleCompletions.personId, personId)).orderBy(asc(moduleCompletions.id)).all(),
		reflections: tx.select().from(reflections).where(eq(reflections.personId, personId)).all(),
		scenarioRuns: scenarioRunsOf(tx, personId),
		surveysAnswered: tx
			.select({ kind: surveyAnswered.kind, slug: surveyAnswered.subjectSlug, version: surveyAnswered.subjectVersion })
			.from(surveyAnswered)
			.where(eq(surveyAnswered.personId, personId))
			.all(),
		evidence: tx.select().from(evidence).where(eq(evidence.personId, personId)).orderBy(asc(evidence.id)).all(),
		competencyStatus: {
			current: tx.select().from(competencyStatus).where(eq(competencyStatus.personId, personId)).all(),
			cycles: tx.select().from(competencyCycles).where(eq(competencyCycles.personId, personId)).all()
		},
		assessmentsAboutYou: tx.select().from(assessments).where(eq(assessments.personId, personId)).orderBy(asc(assessments.id)).all(),
		assessmentsByYou: tx.select().from(assessments).where(eq(assessments.assessorId, personId)).orderBy(asc(assessments.id)).all(),
		priorLearning: claimsForSubjectAccess(tx, personId),
		assignments: assignmentsForSubjectAccess(tx, personId, londonToday(now)),
		audit: auditOf(db, personId),
		email: emailOf(tx, personId)
	};
}

export type SubjectAccessExport = NonNullable<ReturnType<typeof build>>;

/**
 * Builds the export from one consistent moment and records, in the same transaction, who exported whose data:
 * an administrator reading someone's private reflections must leave a trace. Undefined for an unknown person.
 */
export function exportSubjectAccess(db: Db, input: { personId: number; requestedBy: number }, now = new Date()): SubjectAccessExport | undefined {
	return db.transaction((tx) => {
		const data = build(db, tx, input.personId, input.requestedBy, now);
		if (data) appendAudit(tx, { actorId: input.requestedBy, action: 'subject-access-export', entity: 'person', entityId: input.personId, detail: {}, at: now });
		return data;
	});
}
