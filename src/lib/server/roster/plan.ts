import { accessRoleLabel } from '../../organisation-model';
import type { RawRow } from './format';
import type { LineProblem } from './parse';
import { checkRow, unitLookup, type RosterRow, type RosterUnit } from './row';

/** A person of the organisation as the records hold them now, active or left. */
export type CurrentPerson = {
	id: number;
	workforceId: string;
	name: string;
	email: string;
	unitId: number;
	jobRole: string;
	startDate: string;
	status: 'active' | 'left';
	leftDate: string | null;
	/** Marked as left by an administrator: only an administrator may reinstate them. */
	leftByAdmin: boolean;
};

/** Everything the plan is decided from. */
export type RosterContext = {
	organisation: { id: number; name: string };
	units: RosterUnit[];
	people: CurrentPerson[];
	/** Who holds each email address in the file now, in any organisation. */
	emailOwners: Map<string, number>;
	importerIsAdmin: boolean;
	/** People this import may not change, with the access roles they hold beyond the importer's (empty for an administrator). */
	beyondImporter: Map<number, string[]>;
};

export type ChangedField = 'name' | 'email' | 'unitId' | 'jobRole' | 'startDate' | 'leftDate';
export type FieldChange = { field: ChangedField; from: string | number | null; to: string | number | null };

export type PlannedRow =
	| { kind: 'create'; row: RosterRow }
	/** A new person whose row already has a leaving date: not added, as they have left. */
	| { kind: 'not-added'; row: RosterRow }
	| { kind: 'update' | 'leave' | 'reinstate'; row: RosterRow; personId: number; changes: FieldChange[] }
	| { kind: 'unchanged'; row: RosterRow; personId: number }
	/** A change this importer may not make: listed for an administrator, and not applied. */
	| { kind: 'needs-admin'; row: RosterRow; personId: number; wanted: 'update' | 'leave' | 'reinstate'; reason: string };

export type RosterPlan = {
	organisationId: number;
	rows: number;
	planned: PlannedRow[];
	/** One entry per bad line, in file order; the plan may be applied only when this is empty. */
	problems: LineProblem[];
};

/**
 * Decides what a roster would change, without changing anything: pure, so that the dry run and the apply
 * make the same decisions from the same file and records. People of the organisation who are not in the
 * file are not in the plan at all: a roster may be partial.
 */
export function planRoster(parsed: { rows: RawRow[]; problems: LineProblem[] }, context: RosterContext): RosterPlan {
	const { organisation, units, people, emailOwners } = context;
	const byUnitName = unitLookup(units);
	const byWorkforceId = new Map(people.map((p) => [p.workforceId, p]));
	const workforceIdLines = new Map<string, number>();
	const emailLines = new Map<string, number>();
	const problems: LineProblem[] = [...parsed.problems];
	const planned: PlannedRow[] = [];

	for (const raw of parsed.rows) {
		const check = checkRow(raw, organisation.name, units, byUnitName);
		const reasons = [...check.problems];
		const existing = check.workforceId ? byWorkforceId.get(check.workforceId) : undefined;
		if (check.workforceId) {
			const first = workforceIdLines.get(check.workforceId);
			if (first) reasons.push(`the same workforce id appears on line ${first}`);
			else workforceIdLines.set(check.workforceId, raw.line);
		}
		if (check.email) {
			const first = emailLines.get(check.email);
			const owner = emailOwners.get(check.email);
			if (first) reasons.push(`the same email address appears on line ${first}`);
			else {
				emailLines.set(check.email, raw.line);
				// Checked against the records as they are now: an address another row frees up is still taken.
				if (owner !== undefined && owner !== existing?.id) reasons.push('email address already belongs to someone else');
			}
		}
		const decided = check.row && needsAdministrator(decide(check.row, existing), existing, context);
		if (reasons.length || !decided) {
			problems.push({ line: raw.line, message: reasons.join('; ') });
			continue;
		}
		planned.push(decided);
	}

	problems.sort((a, b) => a.line - b.line);
	return { organisationId: organisation.id, rows: parsed.rows.length + parsed.problems.length, planned, problems };
}

/**
 * A change to someone whose access reaches beyond the importer's, or the reinstatement of someone an administrator
 * marked as left, is for an administrator: the row is listed for one instead of applied. Otherwise a manager's
 * roster could bring back, or lock out, a person whose roles they could not have given.
 */
function needsAdministrator(planned: PlannedRow, existing: CurrentPerson | undefined, context: RosterContext): PlannedRow {
	if (!existing || context.importerIsAdmin || (planned.kind !== 'update' && planned.kind !== 'leave' && planned.kind !== 'reinstate')) return planned;
	const beyond = context.beyondImporter.get(existing.id);
	const base = { kind: 'needs-admin' as const, row: planned.row, personId: existing.id, wanted: planned.kind };
	if (beyond?.length) {
		const roles = beyond.map(accessRoleLabel).join(', ');
		return { ...base, reason: `they hold an access role beyond yours (${roles}), so only an administrator can change their record` };
	}
	if (planned.kind === 'reinstate' && existing.leftByAdmin)
		return { ...base, reason: 'an administrator marked them as left, so only an administrator can reinstate them' };
	return planned;
}

function decide(row: RosterRow, existing: CurrentPerson | undefined): PlannedRow {
	if (!existing) return row.leavingDate ? { kind: 'not-added', row } : { kind: 'create', row };
	const changes: FieldChange[] = [];
	const compare = (field: Exclude<ChangedField, 'leftDate'>, to: string | number) => {
		if (existing[field] !== to) changes.push({ field, from: existing[field], to });
	};
	compare('name', row.name);
	compare('email', row.email);
	compare('unitId', row.unitId);
	compare('jobRole', row.jobRole);
	compare('startDate', row.startDate);
	if (existing.leftDate !== row.leavingDate) changes.push({ field: 'leftDate', from: existing.leftDate, to: row.leavingDate });

	const personId = existing.id;
	if (existing.status === 'active' && row.leavingDate) return { kind: 'leave', row, personId, changes };
	// Someone marked as left whose row has no leaving date is on the roster again: reinstate them.
	if (existing.status === 'left' && !row.leavingDate) return { kind: 'reinstate', row, personId, changes };
	return changes.length ? { kind: 'update', row, personId, changes } : { kind: 'unchanged', row, personId };
}

/** How many rows of each kind a plan holds. */
export function countPlan(plan: RosterPlan) {
	const counts = { create: 0, update: 0, leave: 0, reinstate: 0, unchanged: 0, 'not-added': 0, 'needs-admin': 0 };
	for (const p of plan.planned) counts[p.kind]++;
	return { ...counts, problems: plan.problems.length, toChange: counts.create + counts.update + counts.leave + counts.reinstate };
}
