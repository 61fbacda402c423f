/**
 * What a page derives from one person's own training, kept per person, so that a learner's repeated visits re-read
 * and re-derive nothing. Several server processes (and next, several instances) write the same database, so a kept
 * value is used only while the person's learner version is unchanged: one primary-key read per use. The triggers of
 * migration learner_versions move it with every write to evidence, statuses, module progress, attempts, completions,
 * scenario passes and assignments, whoever writes them. The caller's key holds everything else the value depends on
 * (the day, the job role, the start date).
 */
import type Database from 'better-sqlite3';
import { statementsFor } from './prepared';
import { stampedCachePerConnection } from './stamped-cache';

/** The person's learner version: 0 until anything about their training is first written. */
export function learnerVersion(dbOrTx: object, personId: number): number {
	const q = statementsFor(dbOrTx, 'learner-version', (c: Database.Database) => ({
		version: c.prepare('select version from learner_versions where person_id = ?').pluck()
	}));
	return (q.version.get(personId) as number | undefined) ?? 0;
}

/**
 * A cache of one kind of value per person, up to `maxPeople` of them per connection (tests open many connections),
 * the least recently used going first; nothing is kept inside a transaction. Values are shared between requests:
 * callers treat them as read-only.
 */
export function personCache<T>(maxPeople: number) {
	const kept = stampedCachePerConnection<T>(maxPeople);
	return {
		/** `compute()`, or the value kept for the person while their version and `key` still match. */
		get(db: object, personId: number, key: string, compute: () => T): T {
			// The version is read before computing: a write in between leaves a value kept under the older version, never the reverse.
			return kept(db, String(personId), `${learnerVersion(db, personId)}|${key}`, compute);
		}
	};
}
