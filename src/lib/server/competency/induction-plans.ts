/**
 * Induction plans (content/induction-plans.yaml): per job role, which competencies a new starter must achieve
 * within how many days of their start date, in the order to do them. Parsed and checked against the framework
 * by the content index; the due date they give is stored per status row (`competency_status.due_on`) so that
 * the dashboards count "overdue" in SQL like any other status.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { JOB_ROLE_IDS } from '../../organisation-model';
import { readYamlFile } from '../content/yaml-file';
import { addDays, type IsoDate } from './dates';
import { FrameworkError, type Framework, type InductionPlans, type InductionStep } from './framework';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a slug');
const step = z.object({ competency: slug, withinDays: z.number().int().min(1).max(3650) }).strict();
const plansFile = z.object({ plans: z.partialRecord(z.enum(JOB_ROLE_IDS), z.array(step).min(1)) }).strict();

export type { InductionPlans, InductionStep };

/** Parses and checks the plans: known roles, competencies the role needs, each once, due dates in the plan's order. */
export function parseInductionPlans(path: string, source: string, framework: Framework): InductionPlans {
	const file = readYamlFile(path, source, plansFile, (message) => new FrameworkError(message));
	const errors: string[] = [];
	const byRole = new Map<string, InductionStep[]>();
	for (const [role, steps] of Object.entries(file.plans)) {
		const seen = new Set<string>();
		steps.forEach((s, i) => {
			const where = `${path}: plan for ${role}, step ${i + 1}`;
			const competency = framework.byId.get(s.competency);
			if (!competency) errors.push(`${where} names competency "${s.competency}", which the framework does not define`);
			else if (!(role in competency.months)) errors.push(`${where} names competency "${s.competency}", which ${role} does not need`);
			if (seen.has(s.competency)) errors.push(`${where} names competency "${s.competency}" a second time`);
			seen.add(s.competency);
			// The order is the order to do things in: a later step may not fall due before an earlier one.
			if (i > 0 && s.withinDays < steps[i - 1].withinDays) errors.push(`${where} is due within ${s.withinDays} days, before the step above it`);
		});
		byRole.set(
			role,
			steps.map((s) => ({ competencyId: s.competency, withinDays: s.withinDays }))
		);
	}
	if (errors.length) throw new FrameworkError(errors.join('\n'));
	const fingerprint = createHash('sha256')
		.update(JSON.stringify([...byRole].sort(([a], [b]) => a.localeCompare(b))))
		.digest('hex')
		.slice(0, 16);
	return { byRole, fingerprint };
}

/** The date a step is due by: the last day on which achieving it is on time. */
export function dueBy(startDate: IsoDate, withinDays: number): IsoDate {
	return addDays(startDate, withinDays);
}

/** Competency id -> due-by date, for a person of `jobRole` who started on `startDate`. */
export function dueDatesFor(plans: InductionPlans, jobRole: string, startDate: IsoDate): Map<string, IsoDate> {
	return new Map((plans.byRole.get(jobRole) ?? []).map((s) => [s.competencyId, dueBy(startDate, s.withinDays)]));
}

/** A role's plan position for a competency (0 first), or null when the plan does not name it. */
export function planOrder(plans: InductionPlans, jobRole: string): Map<string, number> {
	return new Map((plans.byRole.get(jobRole) ?? []).map((s, i) => [s.competencyId, i]));
}
