import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';
import { assertMigratable } from './squashed-history';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = resolve(process.env.MIGRATIONS_PATH ?? 'drizzle');

/** Opens a database with the settings every connection needs, and applies migrations. */
export function openDb(path: string): Db {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const client = new Database(path);
	client.pragma('journal_mode = WAL');
	client.pragma('foreign_keys = ON');
	client.pragma('busy_timeout = 5000');
	// WAL with NORMAL sync is durable across process crashes (not power loss of the host).
	client.pragma('synchronous = NORMAL');
	const db = drizzle(client, { schema }) as Db;
	assertMigratable(client, MIGRATIONS_FOLDER);
	migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
	return db;
}

let instance: Db | undefined;

/** The server's one connection, opened on first use so that `vite build` never opens it. */
export function getDb(): Db {
	instance ??= openDb(process.env.DATABASE_PATH ?? './data/academy.db');
	return instance;
}
