/** A person's email choices: how often a manager gets the digest. Refresher reminders are mandatory, so not a choice. */
import { appendAudit } from '../audit/log';
import type { Db } from '../db';
import { statementsFor } from '../db/prepared';

export const DIGEST_FREQUENCIES = ['weekly', 'monthly', 'off'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];
export const DEFAULT_DIGEST: DigestFrequency = 'weekly';

export const DIGEST_LABEL: Record<DigestFrequency, string> = {
	weekly: 'Weekly, on Monday morning',
	monthly: 'Monthly, on the first Monday of the month',
	off: 'Off: no digest'
};

function statements(db: object) {
	return statementsFor(db, 'mail-preferences', (c) => ({
		get: c.prepare('select digest from mail_preferences where person_id = ?').pluck(),
		set: c.prepare(
			'insert into mail_preferences (person_id, digest, updated_at) values (?, ?, ?) on conflict (person_id) do update set digest = excluded.digest, updated_at = excluded.updated_at'
		)
	}));
}

export function digestFrequency(db: Db, personId: number): DigestFrequency {
	return (statements(db).get.get(personId) as DigestFrequency | undefined) ?? DEFAULT_DIGEST;
}

/**
 * Sets how often the person gets the digest, with its audit entry, in one transaction. `via` says how
 * (the account page, or a one-click unsubscribe link). Returns false when nothing changed.
 */
export function setDigestFrequency(db: Db, input: { personId: number; digest: DigestFrequency; via: 'account' | 'unsubscribe-link'; now?: Date }): boolean {
	const at = input.now ?? new Date();
	return db.transaction((tx) => {
		const q = statements(tx);
		const before = (q.get.get(input.personId) as DigestFrequency | undefined) ?? DEFAULT_DIGEST;
		if (before === input.digest) return false;
		q.set.run(input.personId, input.digest, at.getTime());
		appendAudit(tx, {
			actorId: input.personId,
			action: 'mail-preferences-update',
			entity: 'person',
			entityId: input.personId,
			detail: { digest: input.digest, before, via: input.via },
			at
		});
		return true;
	});
}
