import { z } from 'zod';
import { JOB_ROLE_IDS } from '../../organisation-model';
import { email, id, isoDate, requiredText } from '../forms/fields';
import { PASSWORD_MAX, PASSWORD_MIN } from '../auth/password';

export const personInput = z.object({
	name: requiredText('the full name', 120),
	email,
	organisationId: id('an organisation'),
	unitId: id('a unit'),
	jobRole: z.enum(JOB_ROLE_IDS, { error: 'Choose a job role' }),
	workforceId: requiredText('the workforce identifier', 40).pipe(
		z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 \-/]*$/, 'The workforce identifier may contain only letters, numbers, spaces, hyphens and slashes')
	),
	startDate: isoDate('the start date')
});
export type PersonInput = z.infer<typeof personInput>;

export const markLeftInput = z.object({ leftDate: isoDate('the leaving date') });

/** Which of a person's access roles to remove. */
export const revokeInput = z.object({ grantId: id('a role') });

export const grantInput = z
	.object({
		role: z.enum(['trainer', 'manager', 'partnership-lead', 'admin'], { error: 'Choose an access role' }),
		scope: z.string().optional()
	})
	.transform((v, ctx) => {
		// scope is "org:<id>", "unit:<id>" or empty; which one is needed depends on the role.
		// An id is positive: "org:0" would otherwise pass as "no scope" and then fail the foreign key.
		const m = /^(org|unit):([1-9]\d{0,14})$/.exec(v.scope ?? '');
		if (v.scope && !m) {
			ctx.addIssue({ code: 'custom', path: ['scope'], message: 'Choose a scope from the list' });
			return z.NEVER;
		}
		const organisationId = m?.[1] === 'org' ? Number(m[2]) : null;
		const unitId = m?.[1] === 'unit' ? Number(m[2]) : null;
		if (v.role === 'manager' && !organisationId && !unitId) {
			ctx.addIssue({ code: 'custom', path: ['scope'], message: 'Choose the unit or organisation this manager covers' });
			return z.NEVER;
		}
		if (v.role === 'trainer' && !organisationId) {
			ctx.addIssue({ code: 'custom', path: ['scope'], message: 'Choose the organisation this trainer assesses for' });
			return z.NEVER;
		}
		if ((v.role === 'admin' || v.role === 'partnership-lead') && (organisationId || unitId)) {
			ctx.addIssue({ code: 'custom', path: ['scope'], message: 'This role covers everything: leave the scope empty' });
			return z.NEVER;
		}
		return { role: v.role, organisationId, unitId };
	});
export type GrantInput = z.infer<typeof grantInput>;

const newPassword = z
	.string({ error: 'Enter a new password' })
	.min(PASSWORD_MIN, `Your new password must be at least ${PASSWORD_MIN} characters`)
	.max(PASSWORD_MAX, `Your new password must be ${PASSWORD_MAX} characters or fewer`);

export const passwordChangeInput = z
	.object({
		current: z.string({ error: 'Enter your current password' }).min(1, 'Enter your current password').max(PASSWORD_MAX, 'Enter your current password'),
		password: newPassword,
		confirm: z.string({ error: 'Enter the new password again' })
	})
	.refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two new passwords do not match' });

/** Setting a password from an activation or reset link: the same rules as changing it, without the current one. */
export const passwordSetInput = z
	.object({ password: newPassword, confirm: z.string({ error: 'Enter the new password again' }) })
	.refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two new passwords do not match' });

/** "Forgotten your password?": only an address, checked for its form (whether anyone has it is never said). */
export const passwordResetRequestInput = z.object({ email });
