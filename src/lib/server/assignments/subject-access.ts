/**
 * The assignments made to one person, for their subject access export (src/lib/server/people/subject-access.ts):
 * read by person (assignment_people_person), each with where they stand on it, who made it, its extensions that
 * applied to them and its cancellation. Whoever acted is named, as the export names assessors and reviewers.
 */
import type { Db } from '../db';
import { connectionOf } from '../db/prepared';
import type { IsoDate } from '../competency/dates';
import { ASSIGNEE_STATE_LABEL, assigneeState } from './rules';
import type { AssignmentRow } from './store';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const ASSIGNMENTS_SECTION =
	'Training assigned to you: what (a module, scenario or competency), to whom it was assigned (you, your unit or your job role), the reason given, when and by whom (a named training manager, or the academy when content changed), your due date and each extension that applied to you with its reason, and whether you did it (with the evidence that met it) or it was cancelled (when, by whom, why). The status is the assignment’s own (done, to do, overdue or cancelled), not your competency’s.';

/** Who made, extended or cancelled something: the academy when no person did. */
const actor = (id: number | null, name: string | null) => (id === null ? { id: null, name: 'The academy (a content change)' } : { id, name });

/** The assignment's own columns as the store reads them, with the person's due date and what met it. */
type Row = Pick<
	AssignmentRow,
	| 'id'
	| 'kind'
	| 'ref'
	| 'targetKind'
	| 'jobRole'
	| 'assignedOn'
	| 'reason'
	| 'minVersion'
	| 'createdBy'
	| 'createdByName'
	| 'createdAt'
	| 'cancelledAt'
	| 'cancelReason'
	| 'dueOn'
> & {
	organisation: string;
	unit: string | null;
	cancelledBy: number | null;
	cancelledByName: string | null;
	metOn: IsoDate | null;
	metEvidenceId: number | null;
	metAt: number | null;
	left: number;
};

type Extension = { at: number; actorId: number | null; actorName: string | null; detail: string };

export function assignmentsForSubjectAccess(tx: Tx, personId: number, today: IsoDate) {
	const c = connectionOf(tx);
	const rows = c
		.prepare(
			`select a.id, a.kind, a.ref, a.target_kind as targetKind, o.name as organisation, u.name as unit, a.job_role as jobRole,
				a.assigned_on as assignedOn, a.reason, a.min_version as minVersion,
				a.created_by as createdBy, cb.name as createdByName, a.created_at as createdAt,
				a.cancelled_at as cancelledAt, a.cancelled_by as cancelledBy, xb.name as cancelledByName, a.cancel_reason as cancelReason,
				ap.due_on as dueOn, ap.met_on as metOn, ap.met_evidence_id as metEvidenceId, ap.met_at as metAt, s.status <> 'active' as "left"
			 from assignment_people ap join people s on s.id = ap.person_id join assignments a on a.id = ap.assignment_id join organisations o on o.id = a.organisation_id
			 left join units u on u.id = a.unit_id left join people cb on cb.id = a.created_by left join people xb on xb.id = a.cancelled_by
			 where ap.person_id = ? order by a.id`
		)
		.all(personId) as Row[];
	// Extensions live in the audit log (the assignment keeps only the latest due date): one read per assignment, by its entity index.
	const extensions = c.prepare(
		`select l.at, l.actor_id as actorId, p.name as actorName, l.detail from audit_log l left join people p on p.id = l.actor_id
		 where l.entity = 'assignment' and l.entity_id = ? and l.action = 'assignment-extend' order by l.id`
	);
	return rows.map((r) => {
		const status = assigneeState({ dueOn: r.dueOn, metOn: r.metOn, cancelled: r.cancelledAt !== null, left: r.left === 1 }, today);
		const applied = (extensions.all(String(r.id)) as Extension[]).flatMap((e) => {
			const detail = JSON.parse(e.detail) as { dueOn: IsoDate; reason: string; personId: number | null };
			// One for everyone reached only those not yet done at the time; one for one person only them.
			const forThem = detail.personId === null ? r.metAt === null || r.metAt > e.at : detail.personId === personId;
			return forThem ? [{ at: new Date(e.at), dueOn: detail.dueOn, reason: detail.reason, by: actor(e.actorId, e.actorName) }] : [];
		});
		return {
			id: r.id,
			what: { kind: r.kind, ref: r.ref },
			assignedTo: { kind: r.targetKind, organisation: r.organisation, unit: r.unit, jobRole: r.jobRole },
			assignedOn: r.assignedOn,
			assignedAt: new Date(r.createdAt),
			assignedBy: actor(r.createdBy, r.createdByName),
			reason: r.reason,
			onVersionOrLater: r.minVersion,
			dueOn: r.dueOn,
			extensions: applied,
			status,
			statusLabel: ASSIGNEE_STATE_LABEL[status],
			met: r.metOn === null ? null : { on: r.metOn, evidenceId: r.metEvidenceId, recordedAt: r.metAt === null ? null : new Date(r.metAt) },
			cancelled: r.cancelledAt === null ? null : { at: new Date(r.cancelledAt), by: actor(r.cancelledBy, r.cancelledByName), reason: r.cancelReason }
		};
	});
}
