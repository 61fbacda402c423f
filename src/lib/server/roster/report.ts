import { jobRoleLabel } from '../../organisation-model';
import type { DryRun } from './dry-run';
import type { LineProblem } from './parse';
import { countPlan, type ChangedField, type FieldChange, type PlannedRow } from './plan';
import type { RosterRow, RosterUnit } from './row';

/** Lists longer than this are cut short on the page (the counts stay exact), so that a large file still gives a usable page. */
export const SHOWN_PER_LIST = 500;
export const SHOWN_PROBLEMS = 1000;

export type ReportPerson = {
	line: number;
	workforceId: string;
	name: string;
	unit: string;
	jobRole: string;
	leavingDate: string | null;
	changes: { field: string; from: string; to: string }[];
};
export type ReportList<T> = { total: number; shown: T[] };
/** A row only an administrator may apply, and why. */
export type ReportNeedsAdmin = { line: number; workforceId: string; name: string; wanted: string; reason: string };

export type RosterReport = {
	counts: ReturnType<typeof countPlan>;
	rows: number;
	problems: ReportList<LineProblem>;
	create: ReportList<ReportPerson>;
	update: ReportList<ReportPerson>;
	leave: ReportList<ReportPerson>;
	reinstate: ReportList<ReportPerson>;
	unchanged: ReportList<ReportPerson>;
	notAdded: ReportList<ReportPerson>;
	needsAdmin: ReportList<ReportNeedsAdmin>;
	ignoredColumns: string[];
	fingerprint: string;
};

const WANTED: Record<'update' | 'leave' | 'reinstate', string> = { update: 'Update', leave: 'Mark as left', reinstate: 'Reinstate' };

const FIELD_LABELS: Record<ChangedField, string> = {
	name: 'Name',
	email: 'Email address',
	unitId: 'Unit',
	jobRole: 'Job role',
	startDate: 'Start date',
	leftDate: 'Leaving date'
};

/** Shapes a dry run for the page: names instead of ids, and lists cut to a size a browser can show. */
export function reportOf(dryRun: Extract<DryRun, { ok: true }>): RosterReport {
	const { plan } = dryRun;
	const unitNames = new Map(dryRun.units.map((u: RosterUnit) => [u.id, u.name]));
	const show = (value: string | number | null, field: ChangedField) => {
		if (value === null || value === '') return 'none';
		if (field === 'unitId') return unitNames.get(Number(value)) ?? 'another unit';
		if (field === 'jobRole') return jobRoleLabel(String(value));
		return String(value);
	};
	const person = (row: RosterRow, changes: FieldChange[] = []): ReportPerson => ({
		line: row.line,
		workforceId: row.workforceId,
		name: row.name,
		unit: unitNames.get(row.unitId) ?? '',
		jobRole: jobRoleLabel(row.jobRole),
		leavingDate: row.leavingDate,
		changes: changes.map((c) => ({ field: FIELD_LABELS[c.field], from: show(c.from, c.field), to: show(c.to, c.field) }))
	});
	const list = (kind: PlannedRow['kind']): ReportList<ReportPerson> => {
		const of = plan.planned.filter((p) => p.kind === kind);
		return { total: of.length, shown: of.slice(0, SHOWN_PER_LIST).map((p) => person(p.row, 'changes' in p ? p.changes : [])) };
	};
	return {
		counts: countPlan(plan),
		rows: plan.rows,
		problems: { total: plan.problems.length, shown: plan.problems.slice(0, SHOWN_PROBLEMS) },
		create: list('create'),
		update: list('update'),
		leave: list('leave'),
		reinstate: list('reinstate'),
		unchanged: list('unchanged'),
		notAdded: list('not-added'),
		needsAdmin: needsAdminList(plan.planned),
		ignoredColumns: dryRun.ignoredColumns,
		fingerprint: dryRun.fingerprint
	};
}

function needsAdminList(planned: PlannedRow[]): ReportList<ReportNeedsAdmin> {
	const of = planned.filter((p): p is Extract<PlannedRow, { kind: 'needs-admin' }> => p.kind === 'needs-admin');
	return {
		total: of.length,
		shown: of
			.slice(0, SHOWN_PER_LIST)
			.map((p) => ({ line: p.row.line, workforceId: p.row.workforceId, name: p.row.name, wanted: WANTED[p.wanted], reason: p.reason }))
	};
}
