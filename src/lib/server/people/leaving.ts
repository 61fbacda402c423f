import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit/log';
import type { Db } from '../db';
import { roleGrants } from '../db/schema';

type Writer = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Ends every access-role grant a person holds, each with a `role-revoke` audit entry. Leaving ends them (a leaver
 * who comes back starts as a learner, and an administrator gives any role again), so that no later change to the
 * person's record, such as a roster import reinstating them, can bring back a role on its own.
 * Call inside the transaction that marks them as left (or reinstates someone who left before this rule).
 */
export function endGrantsOnLeaving(tx: Writer, actorId: number, personId: number, detail: Record<string, unknown>, at = new Date()) {
	const grants = tx.select().from(roleGrants).where(eq(roleGrants.personId, personId)).all();
	if (!grants.length) return [];
	tx.delete(roleGrants).where(eq(roleGrants.personId, personId)).run();
	for (const g of grants) {
		appendAudit(tx, {
			actorId,
			action: 'role-revoke',
			entity: 'person',
			entityId: personId,
			detail: { role: g.role, organisationId: g.organisationId, unitId: g.unitId, ...detail },
			at
		});
	}
	return grants;
}
