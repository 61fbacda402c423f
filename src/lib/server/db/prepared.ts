/**
 * Statements prepared once per connection, for the queries every request runs. Building a query with drizzle
 * and preparing it in SQLite costs far more than running it (most of all for a write that fires triggers:
 * their programs are compiled into the statement); a prepared statement is built once and reused.
 * Keyed by the connection object, so tests with their own in-memory databases each get their own.
 */
import Database from 'better-sqlite3';

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

/**
 * The better-sqlite3 connection behind a drizzle database or transaction, so that code running inside a
 * transaction can use the connection's prepared statements (they run inside the same transaction).
 * drizzle keeps it at `session.client` on both; checked here so that a change in drizzle fails loudly.
 */
export function connectionOf(dbOrTx: object): Database.Database {
	const client = (dbOrTx as { session?: { client?: unknown } }).session?.client;
	if (!(client instanceof Database)) throw new Error('connectionOf: not a drizzle better-sqlite3 database or transaction');
	return client;
}

/** Statements prepared once per connection, from a drizzle database or transaction. */
export function statementsFor<T>(dbOrTx: object, key: string, build: (client: Database.Database) => T): T {
	const client = connectionOf(dbOrTx);
	return prepared(client, key, () => build(client));
}
