import { createHash } from 'node:crypto';
import type { RosterPlan } from './plan';

/**
 * A digest of everything a plan would do. The dry run shows it to the page and the apply recomputes it from the
 * re-uploaded file and the records as they are then: if the two differ, what would be applied is not what was shown.
 */
export function planFingerprint(plan: RosterPlan): string {
	const hash = createHash('sha256');
	hash.update(JSON.stringify({ organisationId: plan.organisationId, rows: plan.rows, problems: plan.problems.length }));
	for (const p of plan.planned) hash.update(JSON.stringify(p)).update('\n');
	return hash.digest('hex');
}

/** The file's own digest, kept in the audit summary so that an import can be traced to its file. */
export function fileDigest(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}
