/**
 * Statements prepared once per connection, for the queries every request runs. Building a query with drizzle
 * and preparing it in SQLite costs far more than running it; a prepared statement is built once and reused.
 * Keyed by the connection object, so tests with their own in-memory databases each get their own.
 */
const cache = new WeakMap<object, Map<string, unknown>>();

export function prepared<T>(db: object, key: string, build: () => T): T {
	let statements = cache.get(db);
	if (!statements) cache.set(db, (statements = new Map()));
	let statement = statements.get(key) as T | undefined;
	if (statement === undefined) {
		statement = build();
		statements.set(key, statement);
	}
	return statement;
}
