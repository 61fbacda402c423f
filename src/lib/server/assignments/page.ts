/**
 * What the assignment pages show: the form's choices (from the content index and the manager's scope), an
 * assignment in words, and the learner's "Assigned to you" list. Routes stay thin; nothing here writes.
 */
import { JOB_ROLES, jobRoleLabel } from '$lib/organisation-model';
import type { Principal } from '../access/policy';
import { allModules, allScenarios, contentLookup, findModule, findScenario, getFramework } from '../content';
import type { Framework } from '../competency/framework';
import type { Db } from '../db';
import { managedUnits } from '../reporting/managed-units';
import { assignmentOverdueSince, type AssignedWhat } from './rules';
import { describeWhat, type AssignmentContent } from './titles';
import type { LearnerAssignment } from './store';

type Option = { value: string; label: string };

/** The app's content, as the assignment code takes it (scripts build the same from the files on disk). */
export const appContent = (): AssignmentContent => ({ framework: getFramework(), lookup: contentLookup });

/** Whether what a form names exists in the content index. */
export function contentExists(framework: Framework, what: AssignedWhat): boolean {
	if (what.kind === 'module') return findModule(what.ref) !== undefined;
	if (what.kind === 'scenario') return findScenario(what.ref) !== undefined;
	return framework.byId.has(what.ref);
}

/** The form's lists: what may be assigned, and to whom within the manager's scope (one person when named). */
export function assignFormChoices(db: Db, framework: Framework, user: Principal, person: { id: number; name: string } | null) {
	const whats: Option[] = [
		...allModules().map((m) => ({ value: `module:${m.slug}`, label: `Module: ${m.meta.title}` })),
		...allScenarios().map((s) => ({ value: `scenario:${s.slug}`, label: `Scenario: ${s.meta.title}` })),
		...framework.competencies.map((c) => ({ value: `competency:${c.id}`, label: `Competency: ${c.title}` }))
	];
	const { units, scope } = managedUnits(db, user);
	const organisations = new Map<number, string>();
	for (const u of units)
		if (scope.kind === 'all' || (scope.kind === 'scoped' && scope.organisationIds.includes(u.organisationId)))
			organisations.set(u.organisationId, u.organisationName);
	const to: Option[] = [
		...(person ? [{ value: `person:${person.id}`, label: `${person.name} (this person only)` }] : []),
		...units.map((u) => ({ value: `unit:${u.id}`, label: `Everyone in ${u.name} (${u.organisationName})` })),
		{ value: 'job-role', label: 'Everyone with a job role (choose it below)' }
	];
	const within: Option[] = [
		...[...organisations].map(([id, name]) => ({ value: `organisation:${id}`, label: `All of ${name}` })),
		...units.map((u) => ({ value: `unit:${u.id}`, label: `${u.name} (${u.organisationName})` }))
	];
	return { whats, to, within, roles: JOB_ROLES.map((r) => ({ value: r.id, label: r.label })) };
}

type Described = AssignedWhat & { targetKind: string; targetName: string | null; jobRole: string | null; unitName: string | null; organisationName: string };

/** Who an assignment is for, in words. */
export function describeTarget(a: Described): string {
	switch (a.targetKind) {
		case 'person':
			return a.targetName ?? 'One person';
		case 'unit':
			return `Everyone in ${a.unitName}`;
		case 'job-role':
			return `Everyone in ${a.unitName ?? a.organisationName} with the job role ${jobRoleLabel(a.jobRole ?? '')}`;
		default:
			return `Everyone in ${a.organisationName} whose latest ${a.kind === 'scenario' ? 'pass' : 'completion'} is on an earlier version`;
	}
}

/** The learner's list at the top of My training: what to do, by when, why, and since when it is overdue. */
export function assignedToYou(content: AssignmentContent, rows: LearnerAssignment[]) {
	return rows.map((r) => {
		const what = describeWhat(content, r);
		return {
			id: r.id,
			label: what.label,
			href: what.href,
			dueOn: r.dueOn,
			reason: r.reason,
			overdueSince: r.state === 'overdue' ? assignmentOverdueSince(r.dueOn) : null
		};
	});
}
export type AssignedItem = ReturnType<typeof assignedToYou>[number];

/** One assignment as a manager's lists show it. */
export function assignmentSummary<R extends Described & { id: number; dueOn: string; assignedOn: string; reason: string; cancelledAt: number | null }>(
	content: AssignmentContent,
	a: R
) {
	const what = describeWhat(content, a);
	return {
		...a,
		whatTitle: `${a.kind === 'module' ? 'Module' : a.kind === 'scenario' ? 'Scenario' : 'Competency'}: ${what.title}`,
		whatHref: what.href,
		to: describeTarget(a)
	};
}

/**
 * "Do this next" with assigned training: an overdue assignment comes first; then what the induction plan or an
 * expiry already puts first when it is overdue or expired; then the assignment due soonest; then the rest.
 */
export function nextWithAssignments<N extends { competency: { status: string } }>(
	next: N | null,
	assigned: AssignedItem[]
): { assignment: AssignedItem; next: null } | { assignment: null; next: N | null } {
	const soonest = assigned[0]; // openAssignmentsOf orders by due date
	if (!soonest) return { assignment: null, next };
	if (soonest.overdueSince) return { assignment: soonest, next: null };
	if (next && (next.competency.status === 'overdue' || next.competency.status === 'expired')) return { assignment: null, next };
	return { assignment: soonest, next: null };
}
