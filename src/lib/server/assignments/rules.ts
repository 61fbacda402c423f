/**
 * The rules of assigned training, pure: what an assignment counts towards, which evidence meets it, when it is
 * overdue, and the due dates it gives a person's competencies. The store (store.ts) and the ledger apply them.
 */
import { addDays, londonToday, type IsoDate } from '../competency/dates';
import { competenciesSupportedBy, type Framework } from '../competency/framework';
import type { EvidenceSource } from '../competency/ledger';
import { isOverdue, overdueSince } from '../competency/status-rule';
import { REACHED_LATE_DAYS } from '../../reached-late';

export const ASSIGNMENT_KINDS = ['module', 'scenario', 'competency'] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];
/** What is assigned: a module or scenario by slug, or a competency by id. */
export type AssignedWhat = { kind: AssignmentKind; ref: string };

/** The latest due date a manager may set: two years ahead keeps a typing slip (2062 for 2026) from hiding work. */
export const MAX_DUE_DAYS = 730;

/** The competencies an assignment counts towards: its own, or those its module or scenario supports. */
export function competenciesOf(framework: Framework, what: AssignedWhat): string[] {
	if (what.kind === 'competency') return framework.byId.has(what.ref) ? [what.ref] : [];
	const source = what.kind === 'module' ? { module: what.ref } : { scenario: what.ref };
	return competenciesSupportedBy(framework, source).map((c) => c.id);
}

/** The major part of a content version ("3.1.0" → 3); null when it has none. */
export function majorOf(version: string | null): number | null {
	const m = version ? /^(\d+)/.exec(version) : null;
	return m ? Number(m[1]) : null;
}

/**
 * The day an assignment made at this instant counts from: its London calendar day (GMT or BST), the same day
 * evidence recorded at that instant is dated. So evidence from earlier the same London day meets it, and
 * evidence from just before London midnight does not, whatever the UTC date.
 */
export const assignmentDay = (madeAt: Date): IsoDate => londonToday(madeAt);

/** An open assignment as the meeting rule needs it. */
export type OpenAssignment = AssignedWhat & { assignedOn: IsoDate; minVersion: number | null };
/** A piece of evidence just recorded: where it came from, the competencies it counts towards, its date and version. */
export type NewEvidence = { source: EvidenceSource; competencyIds: string[]; occurredOn: IsoDate; version: string | null };

/**
 * Evidence meets an assignment when it is dated on or after the day the assignment was made and is of what was
 * assigned: a completion of that module, a pass of that scenario, or any evidence for that competency. A retraining
 * also needs the evidence to be on the changed version or later.
 */
export function meetsAssignment(a: OpenAssignment, e: NewEvidence): boolean {
	if (e.occurredOn < a.assignedOn) return false;
	if (a.minVersion !== null && (majorOf(e.version) ?? 0) < a.minVersion) return false;
	switch (a.kind) {
		case 'module':
			return 'module' in e.source && e.source.module === a.ref;
		case 'scenario':
			return 'scenario' in e.source && e.source.scenario === a.ref;
		case 'competency':
			return e.competencyIds.includes(a.ref);
	}
}

export { REACHED_LATE_DAYS };

/**
 * A person's due date for a retraining that reaches them on `reachedOn` (a London day): its retrain-by date, or
 * REACHED_LATE_DAYS (28: why, in $lib/reached-late.ts) after the day reached if that is later.
 */
export function retrainingDueOn(retrainBy: IsoDate, reachedOn: IsoDate): IsoDate {
	const fair = addDays(reachedOn, REACHED_LATE_DAYS);
	return fair > retrainBy ? fair : retrainBy;
}

/**
 * The due date of something a person still owes when they come back after leaving on `returnedOn`: their own, or
 * REACHED_LATE_DAYS after the day they came back if that is later (the same fairness as for a retraining reaching
 * someone late: not overdue on their first day back).
 */
export const returnerDueOn = (dueOn: IsoDate, returnedOn: IsoDate): IsoDate => retrainingDueOn(dueOn, returnedOn);

/** A row of the evidence ledger, as the meeting rule reads it when an assignment is made. */
export type LedgerEvidence = {
	id: number;
	kind: 'module' | 'scenario' | 'observed' | 'prior-learning';
	ref: string;
	competencyId: string;
	version: string | null;
	occurredOn: IsoDate;
};

function asNewEvidence(row: LedgerEvidence): NewEvidence {
	const source: EvidenceSource =
		row.kind === 'module'
			? { module: row.ref }
			: row.kind === 'scenario'
				? { scenario: row.ref }
				: row.kind === 'observed'
					? { observed: row.ref, competencyId: row.competencyId }
					: { priorLearning: row.ref, competencyId: row.competencyId };
	return { source, competencyIds: [row.competencyId], occurredOn: row.occurredOn, version: row.version };
}

/**
 * The evidence already in the ledger that meets an assignment as it is made (the same rule as new evidence:
 * someone who did it earlier that day has done it): the earliest dated, or null. Pass rows not voided.
 */
export function firstMeeting(a: OpenAssignment, rows: readonly LedgerEvidence[]): LedgerEvidence | null {
	let first: LedgerEvidence | null = null;
	for (const row of rows) {
		if (!meetsAssignment(a, asNewEvidence(row))) continue;
		if (first === null || row.occurredOn < first.occurredOn || (row.occurredOn === first.occurredOn && row.id < first.id)) first = row;
	}
	return first;
}

/**
 * The due date of each competency: the earlier of the induction plan's and those of open assignments counting
 * towards it. This is what competency_status.due_on holds, so "Overdue" follows in every list and count.
 */
export function mergeDueDates(induction: ReadonlyMap<string, IsoDate>, assigned: Iterable<{ competencyId: string; dueOn: IsoDate }>): Map<string, IsoDate> {
	const due = new Map(induction);
	for (const { competencyId, dueOn } of assigned) {
		const before = due.get(competencyId);
		if (before === undefined || dueOn < before) due.set(competencyId, dueOn);
	}
	return due;
}

export type AssigneeState = 'done' | 'overdue' | 'open' | 'cancelled' | 'left';

/**
 * Where one person stands on an assignment on `today`. A leaver (`left`: someone marked as left) no longer owes it: never "To do" or "Overdue", and not counted as outstanding; their row is kept for the
 * record, and what they did before leaving still counts as done. Someone who comes back owes it again.
 */
export function assigneeState(row: { dueOn: IsoDate; metOn: IsoDate | null; cancelled: boolean; left?: boolean }, today: IsoDate): AssigneeState {
	if (row.metOn !== null) return 'done';
	if (row.left) return 'left';
	if (row.cancelled) return 'cancelled';
	return isOverdue(row.dueOn, today) ? 'overdue' : 'open';
}

export const ASSIGNEE_STATE_LABEL: Record<AssigneeState, string> = { done: 'Done', overdue: 'Overdue', open: 'To do', cancelled: 'Cancelled', left: 'Left' };

/**
 * An assignment's progress: `total` counts those who owe it or did it (a leaver who had not is left out, and
 * counted in `leavers` instead), `done` those who did it, `overdue` those past their own due date who still owe it:
 * assigneeState over each row, counted in SQL by store.ts progressOf.
 */
export type Progress = { total: number; done: number; overdue: number; leavers: number };
export const NO_PROGRESS: Progress = { total: 0, done: 0, overdue: 0, leavers: 0 };

/** "Overdue since …": the day after the due date. */
export const assignmentOverdueSince = (dueOn: IsoDate): IsoDate => overdueSince(dueOn);

/** A due date a manager may set on `today`: from today to MAX_DUE_DAYS ahead. Returns the problem, or null. */
export function dueDateProblem(dueOn: IsoDate, today: IsoDate): string | null {
	if (dueOn < today) return 'The due date must be today or later';
	if (dueOn > addDays(today, MAX_DUE_DAYS)) return `The due date must be within ${MAX_DUE_DAYS / 365} years`;
	return null;
}

/** A progress line for a manager: "12 of 40 done, 3 overdue (2 more left before doing it)". */
export function progressText(p: Progress): string {
	const leavers = p.leavers ? ` (${p.leavers} more left before doing it)` : '';
	return `${p.done} of ${p.total} done${p.overdue ? `, ${p.overdue} overdue` : ''}${leavers}`;
}
