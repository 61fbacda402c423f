import type { z } from 'zod';
import { JOB_ROLES, type JobRoleId } from '../../organisation-model';
import { personInput } from '../people/validation';
import type { RawRow, RosterColumn } from './format';

/** A row whose every value is well formed, in the shape a person record takes. */
export type RosterRow = {
	line: number;
	workforceId: string;
	name: string;
	email: string;
	unitId: number;
	jobRole: JobRoleId;
	startDate: string;
	leavingDate: string | null;
};

export type RosterUnit = { id: number; name: string };
/** The checked row when every value is good; otherwise the problems, plus the identifying values that were good, for the checks across rows. */
export type RowCheck = { line: number; problems: string[]; row: RosterRow | null; workforceId: string | null; email: string | null };

const LABELS: Record<RosterColumn, string> = {
	workforce_id: 'workforce id',
	name: 'name',
	email: 'email address',
	unit: 'unit',
	job_role: 'job role',
	start_date: 'start date',
	leaving_date: 'leaving date'
};

// The same rules as the person form, so that an import can never store what the form would refuse.
const rules = personInput.shape;
// Tabs and line breaks too: a roster value never needs them, and they usually mean a broken export.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const JOB_ROLE_BY_NAME = new Map<string, JobRoleId>(JOB_ROLES.flatMap((r) => [[r.id, r.id] as const, [r.label.toLowerCase(), r.id] as const]));

/** Unit names of one organisation, compared trimmed and without regard to capitals. */
export function unitLookup(units: RosterUnit[]) {
	const byName = new Map<string, RosterUnit[]>();
	for (const u of units) {
		const key = u.name.trim().toLowerCase();
		byName.set(key, [...(byName.get(key) ?? []), u]);
	}
	return byName;
}

/** Checks one row's values on their own; checks across rows and against the records are in plan.ts. */
export function checkRow(raw: RawRow, organisationName: string, units: RosterUnit[], byName = unitLookup(units)): RowCheck {
	const problems: string[] = [];
	const value = (column: RosterColumn) => {
		const v = (raw.values[column] ?? '').trim();
		if (CONTROL.test(v)) {
			problems.push(`the ${LABELS[column]} contains a control character, such as a tab or a line break inside the value`);
			return undefined;
		}
		return v;
	};
	const required = (column: RosterColumn) => {
		const v = value(column);
		if (v === '') problems.push(`the ${LABELS[column]} is missing`);
		return v || undefined;
	};
	const checked = <T>(column: RosterColumn, v: string | undefined, schema: z.ZodType<T>, formatProblem: string): T | undefined => {
		if (v === undefined) return undefined;
		const result = schema.safeParse(v);
		if (result.success) return result.data;
		const issue = result.error.issues[0];
		problems.push(issue.code === 'too_big' ? `the ${LABELS[column]} is longer than ${issue.maximum} characters` : formatProblem);
		return undefined;
	};

	const workforceIdText = required('workforce_id');
	const workforceId = checked(
		'workforce_id',
		workforceIdText,
		rules.workforceId,
		`workforce id ${quote(workforceIdText)} may contain only letters, numbers, spaces, hyphens and slashes`
	);
	const nameText = required('name');
	const name = checked('name', nameText, rules.name, `the name ${quote(nameText)} is not allowed`);
	const emailText = required('email');
	const email = checked('email', emailText, rules.email, `email address ${quote(emailText)} is not in the right format, like name@example.org`);

	const unitText = required('unit');
	const unitMatches = unitText === undefined ? [] : (byName.get(unitText.toLowerCase()) ?? []);
	const unitId = unitMatches.length === 1 ? unitMatches[0].id : undefined;
	if (unitText !== undefined && unitMatches.length > 1)
		problems.push(`unit ${quote(unitText)} matches more than one unit of ${organisationName}; ask an administrator to rename one of them`);
	else if (unitText !== undefined && !unitId) {
		const known = units.length && units.length <= 8 ? ` (its units are ${units.map((u) => u.name).join(', ')})` : '';
		problems.push(`unit ${quote(unitText)} is not a unit of ${organisationName}${known}`);
	}

	const jobRoleText = required('job_role');
	const jobRole = jobRoleText === undefined ? undefined : JOB_ROLE_BY_NAME.get(jobRoleText.toLowerCase());
	if (jobRoleText !== undefined && !jobRole)
		problems.push(`job role ${quote(jobRoleText)} is not a job role we know; use one of the ids or names listed in the roster format`);

	const dateProblem = (column: RosterColumn, v: string | undefined) =>
		`the ${LABELS[column]} ${quote(v)} is not a real date written as YYYY-MM-DD, like 2026-03-14`;
	const startText = required('start_date');
	const startDate = checked('start_date', startText, rules.startDate, dateProblem('start_date', startText));
	const leavingText = value('leaving_date');
	const leavingDate = leavingText ? checked('leaving_date', leavingText, rules.startDate, dateProblem('leaving_date', leavingText)) : null;
	if (startDate && leavingDate && leavingDate < startDate) problems.push(`the leaving date (${leavingDate}) is before the start date (${startDate})`);

	const complete = !problems.length && workforceId && name && email && unitId && jobRole && startDate && leavingDate !== undefined;
	return {
		line: raw.line,
		problems,
		row: complete ? { line: raw.line, workforceId, name, email, unitId, jobRole, startDate, leavingDate } : null,
		workforceId: workforceId ?? null,
		email: email ?? null
	};
}

/** Quotes a value for a message, shortened so that a pasted essay does not fill the page. */
function quote(v: string | undefined) {
	const s = v ?? '';
	return `"${s.length > 60 ? `${s.slice(0, 57)}…` : s}"`;
}
