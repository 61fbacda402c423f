/**
 * Results that are the same for everyone who asks (a scope's dashboard figures, the partnership view), kept
 * until the database changes, and not a moment longer. The check is exact and cheap: SQLite's total_changes()
 * counts every row this connection has written, triggers included, and PRAGMA data_version moves whenever
 * another connection commits. Any write at all empties the cache; what it saves is recounting for every
 * reader between writes. Never used inside a transaction, whose writes might yet be rolled back.
 * Callers must treat cached results as read-only.
 */
import type { Db } from '.';
import { prepared } from './prepared';

const MAX_ENTRIES = 500;
const caches = new WeakMap<object, { version: string; entries: Map<string, unknown> }>();

export function cachedRead<T>(db: Db, key: string, compute: () => T): T {
	const client = db.$client;
	if (client.inTransaction) return compute();
	const q = prepared(db, 'read-cache', () => ({
		changes: client.prepare('select total_changes()').pluck(),
		version: client.prepare('pragma data_version').pluck()
	}));
	const version = `${q.changes.get()}:${q.version.get()}`;
	let cache = caches.get(db);
	if (!cache || cache.version !== version) caches.set(db, (cache = { version, entries: new Map() }));
	if (cache.entries.has(key)) return cache.entries.get(key) as T;
	const value = compute();
	// Computing may itself write (moving the aggregates to a new day): key the result to the state after it.
	const after = `${q.changes.get()}:${q.version.get()}`;
	if (after !== cache.version) caches.set(db, (cache = { version: after, entries: new Map() }));
	if (cache.entries.size >= MAX_ENTRIES) cache.entries.clear();
	cache.entries.set(key, value);
	return value;
}
