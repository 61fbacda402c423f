import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Db } from '../db';
import type { CheckResult } from './readiness';

/** The database opens and answers a query. `open` is getDb for the server (it retries opening after a failure). */
export function databaseCheck(open: () => Pick<Db, '$client'>): () => CheckResult {
	return () => {
		open().$client.prepare('select 1').pluck().get();
		return { ok: true, detail: 'answers' };
	};
}

/**
 * Every migration in the migrations folder has been applied. Drizzle's migrator applies those newer than the
 * newest it has recorded, so the record must reach the newest on disk. The folder is read once.
 */
export function migrationsCheck(open: () => Pick<Db, '$client'>, migrationsFolder: string): () => CheckResult {
	const onDisk = readMigrationFiles({ migrationsFolder });
	const newest = Math.max(0, ...onDisk.map((m) => m.folderMillis));
	return () => {
		const row = open().$client.prepare('select count(*) as applied, max(created_at) as latest from __drizzle_migrations').get() as {
			applied: number;
			latest: number | null;
		};
		const latest = Number(row.latest ?? 0);
		return latest >= newest
			? { ok: true, detail: `all ${onDisk.length} applied` }
			: { ok: false, detail: `${row.applied} of ${onDisk.length} applied: the newest is missing` };
	};
}
