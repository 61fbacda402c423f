/**
 * A major change, as a module or a scenario declares it in its frontmatter (docs/authoring.md): this version is one
 * that everyone trained on an earlier major version must learn again, by `retrainBy`, and `whatChanged` tells them
 * why in plain words (assignments/retraining.ts assigns it; the module and scenario pages show it). One schema for
 * both, so the two kinds of content cannot drift apart.
 */
import { z } from 'zod';

/** YAML may hand over an unquoted date as a Date: either way it becomes YYYY-MM-DD, and must be a real day. */
const isoDay = z
	.union([z.string(), z.date()])
	.transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
	.pipe(z.iso.date('must be a date written YYYY-MM-DD'));

export const majorChangeSchema = z
	.object({
		version: z.number().int().min(2, 'must be the major version (2 or more) that changed'),
		retrainBy: isoDay,
		whatChanged: z.string().trim().min(10, 'must say what changed').max(500, 'must be at most 500 characters: say what changed, not the whole change')
	})
	.strict();
export type MajorChange = z.infer<typeof majorChangeSchema>;

/**
 * The checks that span fields, for a frontmatter schema's superRefine: the declared version must be the major part
 * of the content's version, and the retrain-by date must not come before the review that made the change.
 */
export function checkMajorChange(meta: { version: string; reviewed: string; majorChange?: MajorChange }, ctx: z.RefinementCtx): void {
	const change = meta.majorChange;
	if (!change) return;
	const major = Number(/^(\d+)\./.exec(meta.version)?.[1]);
	if (major !== change.version)
		ctx.addIssue({ code: 'custom', path: ['majorChange', 'version'], message: `must be the major part of the version (${meta.version})` });
	if (change.retrainBy < meta.reviewed)
		ctx.addIssue({ code: 'custom', path: ['majorChange', 'retrainBy'], message: `must not be before the reviewed date (${meta.reviewed})` });
}
