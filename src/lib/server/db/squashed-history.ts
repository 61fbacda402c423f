import type Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The last commit whose drizzle/ still held migrations 0000 to 0018 one by one (see drizzle/0000_baseline.sql). */
export const LAST_UNSQUASHED_COMMIT = '1826390';

/**
 * Refuses a database made by a release older than the first migration in `folder`. Migrations 0000 to 0018 were
 * squashed into one baseline whose journal time is the last of theirs: a database that ran all of them skips it, one
 * that stopped part-way would try to create its tables again. Drizzle would then fail inside its transaction; this
 * says why, and what to do, before anything is tried.
 */
export function assertMigratable(client: Database.Database, folder: string): void {
	const applied = client.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
	if (!applied) return; // a new database
	const last = client.prepare('select max(created_at) from __drizzle_migrations').pluck().get() as number | string | null;
	if (last === null) return;
	const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
	const first = journal.entries[0]?.when;
	if (first !== undefined && Number(last) < first)
		throw new Error(
			`This database was last migrated by an older release than the migrations in ${folder}, whose history was squashed into one baseline. ` +
				`Open it once with commit ${LAST_UNSQUASHED_COMMIT} (npm start there brings it up to date), then with this release.`
		);
}
