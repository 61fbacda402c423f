import { z } from 'zod';
import { JOB_ROLE_IDS, type JobRoleId } from '../../organisation-model';
import { readYamlFile } from '../content/yaml-file';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a slug');
const roleList = z.array(z.enum(JOB_ROLE_IDS)).min(1).optional();

const requirement = z.union([
	z.object({ module: slug, roles: roleList }).strict(),
	z.object({ scenarios: z.array(slug).min(1), roles: roleList }).strict(),
	z.object({ observed: z.literal(true), roles: roleList }).strict()
]);

const competency = z
	.object({
		id: slug,
		title: z.string().min(5).max(140),
		short: z.string().min(2).max(20),
		descriptor: z.string().min(20).max(500),
		roles: z.partialRecord(z.enum(JOB_ROLE_IDS), z.number().int().min(1).max(60)),
		evidence: z.array(requirement).min(1)
	})
	.strict()
	.superRefine((c, ctx) => {
		if (Object.keys(c.roles).length === 0) ctx.addIssue({ code: 'custom', path: ['roles'], message: 'must name at least one job role' });
		c.evidence.forEach((r, i) => {
			for (const role of r.roles ?? [])
				if (!(role in c.roles))
					ctx.addIssue({ code: 'custom', path: ['evidence', i, 'roles'], message: `names ${role}, which this competency does not apply to` });
		});
	});

const frameworkFile = z.object({ competencies: z.array(competency).min(1) }).strict();

export type Requirement =
	{ kind: 'module'; key: string; module: string } | { kind: 'scenario'; key: string; scenarios: string[] } | { kind: 'observed'; key: string };
export type Competency = {
	/** Defined here, in content/competencies.yaml: modules, scenarios and evidence refer to it. */
	id: string;
	title: string;
	/** A few words for table headings. */
	short: string;
	descriptor: string;
	/** Refresher period in months, per job role that needs it. */
	months: Partial<Record<JobRoleId, number>>;
	evidence: (Requirement & { roles?: JobRoleId[] })[];
};
/** One step of a role's induction: the competency, due within `withinDays` of the start date (induction-plans.ts). */
export type InductionStep = { competencyId: string; withinDays: number };
/** Job role -> its induction steps in the order to do them; the fingerprint changes whenever any plan does. */
export type InductionPlans = { byRole: ReadonlyMap<string, readonly InductionStep[]>; fingerprint: string };
export const NO_PLANS: InductionPlans = { byRole: new Map(), fingerprint: 'none' };

/** The framework, with the induction plans the content index adds (content/induction-plans.yaml). */
export type Framework = { competencies: Competency[]; byId: Map<string, Competency>; induction: InductionPlans };

export class FrameworkError extends Error {}

/** Parses and checks the framework; `known` lets it check module and scenario slugs against the catalogues. */
export function parseFramework(path: string, source: string, known?: { modules: Set<string>; scenarios: Set<string> }): Framework {
	const file = readYamlFile(path, source, frameworkFile, (message) => new FrameworkError(message));
	const errors: string[] = [];
	const seen = new Set<string>();
	const competencies = file.competencies.map((c) => {
		if (seen.has(c.id)) errors.push(`${path}: competency "${c.id}" is defined twice`);
		seen.add(c.id);
		const evidence = c.evidence.map((r) => {
			const roles = r.roles;
			if ('module' in r) {
				if (known && !known.modules.has(r.module)) errors.push(`${path}: competency "${c.id}" names module "${r.module}", which does not exist`);
				return { kind: 'module' as const, key: `module:${r.module}`, module: r.module, roles };
			}
			if ('scenarios' in r) {
				for (const s of r.scenarios)
					if (known && !known.scenarios.has(s)) errors.push(`${path}: competency "${c.id}" names scenario "${s}", which does not exist`);
				return { kind: 'scenario' as const, key: `scenario:${[...r.scenarios].sort().join('|')}`, scenarios: r.scenarios, roles };
			}
			return { kind: 'observed' as const, key: 'observed', roles };
		});
		return { id: c.id, title: c.title, short: c.short, descriptor: c.descriptor, months: c.roles, evidence };
	});
	if (errors.length) throw new FrameworkError(errors.join('\n'));
	return { competencies, byId: new Map(competencies.map((c) => [c.id, c])), induction: NO_PLANS };
}

/** The competencies a job role needs, each with its refresher period and the requirements that apply to the role. */
export function requiredFor(framework: Framework, jobRole: string) {
	return framework.competencies
		.filter((c) => jobRole in c.months)
		.map((c) => ({
			competency: c,
			months: c.months[jobRole as JobRoleId]!,
			requirements: c.evidence.filter((r) => !r.roles || r.roles.includes(jobRole as JobRoleId))
		}));
}
export type RoleRequirement = ReturnType<typeof requiredFor>[number];

/** The competencies a module completion or scenario pass counts towards. */
export function competenciesSupportedBy(framework: Framework, source: { module: string } | { scenario: string }) {
	return framework.competencies.filter((c) =>
		c.evidence.some((r) =>
			'module' in source ? r.kind === 'module' && r.module === source.module : r.kind === 'scenario' && r.scenarios.includes(source.scenario)
		)
	);
}
