/**
 * The assignment forms, checked at the boundary: what is assigned ("module:<slug>", "scenario:<slug>",
 * "competency:<id>"), to whom ("person:<id>", "unit:<id>" or "job-role" with a role and where), the due date and
 * the reason; extending (a new due date and a reason, for everyone not yet done or one person) and cancelling.
 * Whether the target is in the manager's scope is the store's question (store.ts).
 */
import { z } from 'zod';
import { JOB_ROLE_IDS, type JobRoleId } from '$lib/organisation-model';
import { isoDate, requiredText } from '../forms/fields';
import type { AssignedWhat } from './rules';

const what = z
	.string({ error: 'Choose what to assign' })
	.regex(/^(module|scenario|competency):[a-z0-9-]{1,80}$/, 'Choose what to assign from the list')
	.transform((v): AssignedWhat => {
		const [kind, ref] = v.split(':') as [AssignedWhat['kind'], string];
		return { kind, ref };
	});

export type AssignTarget =
	| { kind: 'person'; personId: number }
	| { kind: 'unit'; unitId: number }
	| { kind: 'job-role'; jobRole: JobRoleId; within: { organisationId: number } | { unitId: number } };

const idPart = /^[1-9]\d{0,9}$/;

export const assignForm = z
	.object({
		what,
		to: z.string({ error: 'Choose who to assign it to' }).regex(/^(person:\d{1,10}|unit:\d{1,10}|job-role)$/, 'Choose who to assign it to from the list'),
		jobRole: z.string().optional(),
		within: z.string().optional(),
		dueOn: isoDate('the due date'),
		reason: requiredText('the reason', 300)
	})
	.transform((d, ctx) => {
		let target: AssignTarget | null = null;
		const [kind, id] = d.to.split(':');
		if (kind === 'person' && idPart.test(id)) target = { kind: 'person', personId: Number(id) };
		else if (kind === 'unit' && idPart.test(id)) target = { kind: 'unit', unitId: Number(id) };
		else if (kind === 'job-role') {
			const role = JOB_ROLE_IDS.find((r) => r === d.jobRole);
			if (!role) ctx.addIssue({ code: 'custom', path: ['jobRole'], message: 'Choose the job role' });
			const [where, whereId] = (d.within ?? '').split(':');
			const within = !idPart.test(whereId ?? '')
				? null
				: where === 'organisation'
					? { organisationId: Number(whereId) }
					: where === 'unit'
						? { unitId: Number(whereId) }
						: null;
			if (!within) ctx.addIssue({ code: 'custom', path: ['within'], message: 'Choose where the job role is' });
			if (role && within) target = { kind: 'job-role', jobRole: role, within };
		} else ctx.addIssue({ code: 'custom', path: ['to'], message: 'Choose who to assign it to from the list' });
		return target ? { what: d.what, target, dueOn: d.dueOn, reason: d.reason } : z.NEVER;
	});
export type AssignInput = z.infer<typeof assignForm>;

export const extendForm = z.object({
	dueOn: isoDate('the new due date'),
	reason: requiredText('the reason for the extension', 300),
	personId: z
		.string()
		.optional()
		.refine((v) => !v || idPart.test(v), 'Choose who to extend it for from the list')
		.transform((v) => (v ? Number(v) : null))
});

export const cancelForm = z.object({ cancelReason: requiredText('the reason for cancelling', 300) });
