/**
 * Erasure at the end of retention: people who left before a date keep their place in the aggregate history (organisation,
 * unit, job role, dates, training evidence) under a stable pseudonym, and lose everything that names or reaches them.
 * The audit chain is never rewritten (docs/data-protection.md says what it still holds, and why).
 */
import { and, count, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { appendAudit } from '../audit/log';
import type { IsoDate } from '../competency/dates';
import type { Db } from '../db';
import {
	assessments,
	assignments,
	loginAttempts,
	mailOutbox,
	mailPreferences,
	managerDigests,
	notificationReads,
	people,
	priorLearningClaims,
	reflections,
	reminderKeys,
	sessions,
	ssoLinks,
	surveyAnswered
} from '../db/schema';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Reader = Db | Tx;

/** What a person becomes: the same for the same id, whenever it is run. */
export const pseudonymOf = (id: number) => ({ name: `Former staff member #${id}`, email: `former-${id}@anonymised.invalid`, workforceId: `ANON-${id}` });

/** What is deleted for each person, by table: each row reaches or names them and keeps nothing aggregate history needs. */
const BY_PERSON: [string, SQLiteTable, SQLiteColumn][] = [
	['sessions', sessions, sessions.personId],
	['singleSignOnLinks', ssoLinks, ssoLinks.personId],
	['reflections', reflections, reflections.personId],
	['reminderKeys', reminderKeys, reminderKeys.personId],
	['mailPreferences', mailPreferences, mailPreferences.personId],
	['managerDigests', managerDigests, managerDigests.personId],
	['notificationReads', notificationReads, notificationReads.personId],
	// The claim, its notes and its certificate (which names the person) go; an approved claim's evidence row stays.
	['priorLearningClaims', priorLearningClaims, priorLearningClaims.personId],
	// Which survey versions they answered for (never what they answered: the answers carry no person id and stay).
	['surveyMarks', surveyAnswered, surveyAnswered.personId]
];

/**
 * What an assignment made to one person alone says instead of its reasons: a manager's free text about that person
 * ("after the incident on 3 May"). The assignment and whether they did it stay, for its progress and the history.
 */
export const ASSIGNMENT_REASON_REMOVED = 'Reason removed when the person was anonymised';

/** Assignments made to one of the candidates alone (not to their unit or job role, whose reasons are about a group). */
const assignedToThemAlone = (ids: ReturnType<typeof candidates> | number[]) =>
	and(eq(assignments.targetKind, 'person'), inArray(assignments.targetPersonId, ids));

export type AnonymisationCounts = Record<string, number> & { people: number };

function candidates(db: Reader, before: IsoDate) {
	return db
		.select({ id: people.id })
		.from(people)
		.where(and(eq(people.status, 'left'), lt(people.leftDate, before), isNull(people.anonymisedAt)));
}
function candidateEmails(db: Reader, before: IsoDate) {
	return db
		.select({ email: people.email })
		.from(people)
		.where(and(eq(people.status, 'left'), lt(people.leftDate, before), isNull(people.anonymisedAt)));
}

function conditionsFor(db: Reader, before: IsoDate): Record<string, [SQLiteTable, SQL]> {
	const ids = candidates(db, before);
	return {
		...Object.fromEntries(BY_PERSON.map(([name, table, column]) => [name, [table, inArray(column, ids)]])),
		// Attempts are found by the email typed: the person's own, as it is now.
		signInAttempts: [loginAttempts, inArray(loginAttempts.email, candidateEmails(db, before))],
		mail: [mailOutbox, or(inArray(mailOutbox.personId, ids), inArray(mailOutbox.toAddress, candidateEmails(db, before)))!]
	};
}

/** How many people would be anonymised, and how many rows of each kind would go: the dry run. */
export function planAnonymisation(db: Reader, before: IsoDate): AnonymisationCounts {
	const counts: AnonymisationCounts = { people: db.select({ n: count() }).from(candidates(db, before).as('c')).get()!.n };
	for (const [name, [table, where]] of Object.entries(conditionsFor(db, before))) counts[name] = db.select({ n: count() }).from(table).where(where).get()!.n;
	counts.assessmentNotes = db
		.select({ n: count() })
		.from(assessments)
		.where(and(inArray(assessments.personId, candidates(db, before)), sql`${assessments.notes} <> ''`))
		.get()!.n;
	counts.assignmentReasons = db
		.select({ n: count() })
		.from(assignments)
		.where(assignedToThemAlone(candidates(db, before)))
		.get()!.n;
	return counts;
}

/**
 * Anonymises everyone who left before `before`, in one transaction with one audit entry holding the counts and the
 * ids (ids only: the entry must not undo what it records). Running it again changes nothing.
 */
export function anonymiseLeavers(db: Db, input: { before: IsoDate; actorId: number | null; now?: Date }): { counts: AnonymisationCounts; ids: number[] } {
	const now = input.now ?? new Date();
	return db.transaction((tx) => {
		const ids = candidates(tx, input.before)
			.all()
			.map((r) => r.id);
		const counts = planAnonymisation(tx, input.before);
		if (!ids.length) return { counts, ids };
		for (const [table, where] of Object.values(conditionsFor(tx, input.before))) tx.delete(table).where(where).run();
		// The assessor's notes describe the person in free text; the assessment (date, outcome) stays as evidence.
		tx.update(assessments).set({ notes: '' }).where(inArray(assessments.personId, ids)).run();
		// So are the reasons given for training assigned to them alone, and for cancelling it; what was assigned, when,
		// by whom, the due dates and whether they did it stay, so the assignment's progress and history still add up.
		tx.update(assignments)
			.set({
				reason: ASSIGNMENT_REASON_REMOVED,
				cancelReason: sql`case when ${assignments.cancelReason} is null then null else ${ASSIGNMENT_REASON_REMOVED} end`
			})
			.where(assignedToThemAlone(ids))
			.run();
		tx.update(people)
			.set({
				name: sql`'Former staff member #' || ${people.id}`,
				email: sql`'former-' || ${people.id} || '@anonymised.invalid'`,
				workforceId: sql`'ANON-' || ${people.id}`,
				passwordHash: null,
				anonymisedAt: now,
				updatedAt: now
			})
			.where(inArray(people.id, ids))
			.run();
		appendAudit(tx, {
			actorId: input.actorId,
			action: 'people-anonymise',
			entity: 'people',
			entityId: null,
			detail: { leftBefore: input.before, counts, ids },
			at: now
		});
		return { counts, ids };
	});
}
