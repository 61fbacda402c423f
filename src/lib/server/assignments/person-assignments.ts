/**
 * One person's open assignments, as the evidence ledger needs them: the due dates they give the person's
 * competencies, and marking them met when new evidence arrives. Read by person (assignment_people_person), so a
 * request or a piece of evidence never looks at anyone else's assignments.
 */
import { appendAudit } from '../audit/log';
import type { Db } from '../db';
import { statementsFor } from '../db/prepared';
import type { IsoDate } from '../competency/dates';
import { firstMeeting, meetsAssignment, type AssignmentKind, type LedgerEvidence, type NewEvidence, type OpenAssignment } from './rules';

/** A database or transaction (appendAudit needs its select and insert). */
type Writer = Pick<Db, 'select' | 'insert'>;

function statements(dbOrTx: Writer) {
	return statementsFor(dbOrTx, 'person-assignments', (c) => ({
		dues: c.prepare(
			`select ac.competency_id as competencyId, min(ap.due_on) as dueOn
			 from assignment_people ap
			 join assignments a on a.id = ap.assignment_id
			 join assignment_competencies ac on ac.assignment_id = ap.assignment_id
			 where ap.person_id = ? and ap.met_at is null and a.cancelled_at is null
			 group by ac.competency_id`
		),
		open: c.prepare(
			`select a.id, a.kind, a.ref, a.assigned_on as assignedOn, a.min_version as minVersion
			 from assignment_people ap join assignments a on a.id = ap.assignment_id
			 where ap.person_id = ? and ap.met_at is null and a.cancelled_at is null`
		),
		// The person's evidence dated on or after a day, leaving out corrections and what they voided (read along evidence_person).
		evidenceSince: c.prepare(
			`select e.id, e.kind, e.ref, e.competency_id as competencyId, e.content_version as version, e.occurred_on as occurredOn
			 from evidence e
			 where e.person_id = ? and e.occurred_on >= ? and e.voids_id is null
			   and not exists (select 1 from evidence v where v.person_id = e.person_id and v.competency_id = e.competency_id and v.voids_id = e.id)`
		),
		markMet: c.prepare('update assignment_people set met_on = ?, met_evidence_id = ?, met_at = ? where assignment_id = ? and person_id = ? and met_at is null')
	}));
}

/** The earliest due date open assignments give each of the person's competencies. */
export function assignedDueDates(dbOrTx: Writer, personId: number): { competencyId: string; dueOn: IsoDate }[] {
	return statements(dbOrTx).dues.all(personId) as { competencyId: string; dueOn: IsoDate }[];
}

/**
 * Marks met every open assignment of the person that this evidence meets (rules.ts), with an audit entry each.
 * Called by recordEvidence inside its transaction, before the person's due dates are worked out again.
 */
export function markAssignmentsMet(
	tx: Writer,
	input: NewEvidence & { personId: number; evidenceId: number | null; actorId: number | null; at: Date }
): number[] {
	const q = statements(tx);
	const open = q.open.all(input.personId) as { id: number; kind: AssignmentKind; ref: string; assignedOn: IsoDate; minVersion: number | null }[];
	const met: number[] = [];
	for (const a of open) {
		if (!meetsAssignment(a, input)) continue;
		q.markMet.run(input.occurredOn, input.evidenceId, input.at.getTime(), a.id, input.personId);
		appendAudit(tx, {
			actorId: input.actorId,
			action: 'assignment-met',
			entity: 'assignment',
			entityId: a.id,
			detail: { personId: input.personId, evidenceId: input.evidenceId, occurredOn: input.occurredOn },
			at: input.at
		});
		met.push(a.id);
	}
	return met;
}

/**
 * When an assignment reaches a person: marks it met at once if their ledger already holds evidence that meets it
 * (dated on or after the assignment's day: they did it earlier that day, say), with its audit entry. Returns the
 * date of the evidence that met it, or null. Call inside the assignment's transaction.
 */
export function meetFromLedger(
	tx: Writer,
	input: { assignment: OpenAssignment & { id: number }; personId: number; actorId: number | null; at: Date }
): IsoDate | null {
	const q = statements(tx);
	const rows = q.evidenceSince.all(input.personId, input.assignment.assignedOn) as LedgerEvidence[];
	const met = firstMeeting(input.assignment, rows);
	if (met === null) return null;
	q.markMet.run(met.occurredOn, met.id, input.at.getTime(), input.assignment.id, input.personId);
	appendAudit(tx, {
		actorId: input.actorId,
		action: 'assignment-met',
		entity: 'assignment',
		entityId: input.assignment.id,
		detail: { personId: input.personId, evidenceId: met.id, occurredOn: met.occurredOn, alreadyHeld: true },
		at: input.at
	});
	return met.occurredOn;
}
