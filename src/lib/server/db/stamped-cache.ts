import { connectionOf } from './prepared';

/**
 * Results kept by a stamp that says what they were computed from, for figures that do not change with every write
 * (the partnership view, frozen per day: reporting/partnership-snapshots.ts; a learner's own pages, by their learner
 * version: person-cache.ts). An entry is used only while its stamp is the one
 * the caller reads now, so no result outlives the data it came from; unlike db/read-cache.ts, writes elsewhere
 * (a learner's completion, a session) leave it alone. The caller reads the stamp from the database on every request,
 * so several server processes over one database each keep their own copy and all notice the same change. Bounded:
 * at most `maxEntries`, the least recently used going first. Callers must treat kept results as read-only.
 */
export class StampedCache<T> {
	readonly #entries = new Map<string, { stamp: string; value: T }>();

	constructor(readonly maxEntries: number) {
		if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`a cache keeps at least one entry, not ${maxEntries}`);
	}

	/** The value kept for `key` if it was computed at `stamp`; otherwise computes, keeps and gives it. */
	get(key: string, stamp: string, compute: () => T): T {
		const kept = this.#entries.get(key);
		this.#entries.delete(key);
		const entry = kept && kept.stamp === stamp ? kept : { stamp, value: compute() };
		this.#entries.set(key, entry); // last in the Map's order: the most recently used
		while (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
		return entry.value;
	}

	get size(): number {
		return this.#entries.size;
	}

	clear(): void {
		this.#entries.clear();
	}
}

/**
 * One StampedCache per database connection (each server process has its own), keeping nothing inside a transaction,
 * where what was just read or counted might yet be rolled back.
 */
export function stampedCachePerConnection<T>(maxEntries: number) {
	const caches = new WeakMap<object, StampedCache<T>>();
	/** `db`: a drizzle database or transaction (its connection's cache is used). */
	return (db: object, key: string, stamp: string, compute: () => T): T => {
		const connection = connectionOf(db);
		if (connection.inTransaction) return compute();
		let cache = caches.get(connection);
		if (!cache) caches.set(connection, (cache = new StampedCache<T>(maxEntries)));
		return cache.get(key, stamp, compute);
	};
}
