import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, openDb } from './index';
import { assertMigratable, LAST_UNSQUASHED_COMMIT } from './squashed-history';

const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as { entries: { when: number }[] };

/** A database whose migration table says it stopped at `when`, as one made by an older release would. */
function migratedUntil(when: number) {
	const client = new Database(':memory:');
	client.exec('create table __drizzle_migrations (id integer primary key, hash text not null, created_at numeric)');
	client.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('older', when);
	return client;
}

describe('the squashed migration history', () => {
	it('lets a new database and one already at the newest migration through', () => {
		expect(() => assertMigratable(new Database(':memory:'), MIGRATIONS_FOLDER)).not.toThrow();
		const db = openDb(':memory:');
		expect(() => assertMigratable(db.$client, MIGRATIONS_FOLDER)).not.toThrow();
		// A database that ran every migration the baseline replaces ends at the baseline's own time.
		expect(() => assertMigratable(migratedUntil(journal.entries[0].when), MIGRATIONS_FOLDER)).not.toThrow();
	});

	it('refuses a database that stopped part-way through the old migrations, naming the release that brings it up to date', () => {
		const client = migratedUntil(journal.entries[0].when - 1);
		expect(() => assertMigratable(client, MIGRATIONS_FOLDER)).toThrow(new RegExp(`Open it once with commit ${LAST_UNSQUASHED_COMMIT}`));
		expect(client.prepare("select count(*) from sqlite_master where type = 'table'").pluck().get()).toBe(1); // nothing was tried
	});
});
