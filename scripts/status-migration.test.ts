import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addUnit } from '$testing/fixtures';
import { testFramework } from '$testing/framework';
import { recordEvidence } from '../src/lib/server/competency/ledger';
import type { Db } from '../src/lib/server/db';
import * as schema from '../src/lib/server/db/schema';
import { disableAggregates, ensureAggregates } from '../src/lib/server/reporting/aggregates';
import { GENERATED_MARKER, statusCountsTriggers, statusRuleMigration } from '../src/lib/server/reporting/status-triggers';
import { journalEntries, newestGenerated, syncStatusMigration } from './status-migration';

const folder = mkdtempSync(join(tmpdir(), 'status-migration-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A copy of drizzle/ whose journal ends before entry `idx` (or keeps everything). */
function copyOfMigrations(name: string, before = Number.POSITIVE_INFINITY) {
	const copy = join(folder, name);
	cpSync('drizzle', copy, { recursive: true });
	const journalPath = join(copy, 'meta', '_journal.json');
	const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
	journal.entries = journal.entries.filter((e: { idx: number }) => e.idx < before);
	writeFileSync(journalPath, JSON.stringify(journal, null, 2));
	return copy;
}

const statusCounts = (db: Db) =>
	db.$client.prepare('select * from status_counts where required <> 0 order by organisation_id, unit_id, job_role, competency_id').all();

describe('the migration generated from the status rule', () => {
	const newest = newestGenerated('drizzle');

	it('is committed as the generator writes it now (run npm run db:status-rule after changing the rule)', () => {
		expect(newest, 'no migration generated from the status rule in drizzle/').not.toBeNull();
		expect(newest!.text, `drizzle/${newest!.file} differs from the status rule: run npm run db:status-rule and commit the new migration`).toBe(
			statusRuleMigration()
		);
		// Registered like any other migration, with its schema snapshot.
		expect(existsSync(join('drizzle', 'meta', `${String(newest!.idx).padStart(4, '0')}_snapshot.json`))).toBe(true);
	});

	it('leaves a migrated database with exactly the generated triggers', () => {
		const client = new Database(':memory:');
		migrate(drizzle(client, { schema }), { migrationsFolder: 'drizzle' });
		for (const t of statusCountsTriggers())
			expect(client.prepare("select sql from sqlite_master where type = 'trigger' and name = ?").pluck().get(t.name)).toBe(t.sql.replace(/;$/, '')); // stored without the final semicolon
	});

	it('upgrades a database with counted aggregates to the same counts, kept exact from then on', () => {
		const framework = testFramework();
		const client = new Database(':memory:');
		const db = drizzle(client, { schema }) as Db;
		migrate(db, { migrationsFolder: copyOfMigrations('before', newest!.idx) });
		const unit = addUnit(db, addOrganisation(db, 'Police', 'police').id);
		const people = ['2024-01-01', '2024-05-01', '2025-03-01', null].map((day) => {
			const person = addPerson(db, unit, { jobRole: 'call-handler' });
			if (day)
				recordEvidence(db, framework, {
					personId: person.id,
					source: { module: 'staff-wellbeing' },
					version: '1',
					occurredOn: day,
					recordedBy: person.id,
					at: new Date(`${day}T10:00:00Z`)
				});
			return person;
		});
		ensureAggregates(db, '2026-03-01');
		const before = statusCounts(db);
		expect(before.length).toBeGreaterThan(0);

		migrate(db, { migrationsFolder: 'drizzle' });
		expect(client.prepare('select day from compliance_state').pluck().get()).toBeNull(); // marked for a rebuild
		ensureAggregates(db, '2026-03-01');
		expect(statusCounts(db)).toEqual(before);

		recordEvidence(db, framework, {
			personId: people[3].id,
			source: { module: 'staff-wellbeing' },
			version: '1',
			occurredOn: '2026-02-01',
			recordedBy: people[3].id,
			at: new Date('2026-02-01T10:00:00Z')
		});
		const kept = statusCounts(db);
		disableAggregates(db);
		ensureAggregates(db, '2026-03-01');
		expect(kept).toEqual(statusCounts(db));
		expect(kept).not.toEqual(before);
	});

	it('is reported stale when it differs from the rule, and a new empty custom migration is filled from the rule', () => {
		const copy = copyOfMigrations('stale');
		writeFileSync(join(copy, newest!.file), `${newest!.text}-- edited by hand\n`);
		expect(syncStatusMigration(copy, false)).toEqual({ status: 'stale', file: newest!.file });
		expect(readFileSync(join(copy, newest!.file), 'utf8')).not.toBe(statusRuleMigration()); // --check changes nothing

		// What `drizzle-kit generate --custom --name status_rule` leaves: a journal entry and a placeholder file.
		const journalPath = join(copy, 'meta', '_journal.json');
		const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
		const idx = journalEntries(copy).length;
		const tag = `${String(idx).padStart(4, '0')}_status_rule`;
		journal.entries.push({ idx, version: '6', when: Date.now(), tag, breakpoints: true });
		writeFileSync(journalPath, JSON.stringify(journal, null, 2));
		writeFileSync(join(copy, `${tag}.sql`), '-- Custom SQL migration file, put your code below! --');

		expect(syncStatusMigration(copy, true)).toEqual({ status: 'written', file: `${tag}.sql` });
		expect(readFileSync(join(copy, `${tag}.sql`), 'utf8')).toBe(statusRuleMigration());
		expect(newestGenerated(copy)!.text.startsWith(GENERATED_MARKER)).toBe(true);
		expect(syncStatusMigration(copy, false)).toEqual({ status: 'current', file: `${tag}.sql` });
	});

	it('checks from the command line: npm run db:status-rule -- --check', () => {
		const tsxCli = join(createRequire(import.meta.url).resolve('tsx/package.json'), '..', 'dist', 'cli.mjs');
		const run = spawnSync(process.execPath, [tsxCli, 'scripts/generate-status-sql.ts', '--check'], { encoding: 'utf8' });
		expect(run.status, run.stderr).toBe(0);
		expect(run.stdout).toContain(`drizzle/${newest!.file} is current with the status rule`);
	});
});
