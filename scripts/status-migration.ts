// Finding and writing the migration generated from the status rule (src/lib/server/competency/status-rule.ts);
// `npm run db:status-rule` (generate-status-sql.ts) runs it, and status-migration.test.ts checks it is current.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_MARKER, statusRuleMigration } from '../src/lib/server/reporting/status-triggers';

export const MIGRATION_NAME = 'status_rule';
/** What `drizzle-kit generate --custom` writes into a new migration before anyone fills it. */
const DRIZZLE_KIT_PLACEHOLDER = '-- Custom SQL migration file, put your code below! --';

type Journal = { entries: { idx: number; tag: string }[] };

export function journalEntries(folder: string) {
	return (JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as Journal).entries;
}

/** The newest migration the generator wrote (its file name and text), or null if there is none. */
export function newestGenerated(folder: string): { file: string; idx: number; text: string } | null {
	for (const entry of [...journalEntries(folder)].sort((a, b) => b.idx - a.idx)) {
		const file = `${entry.tag}.sql`;
		const text = readFileSync(join(folder, file), 'utf8');
		if (text.startsWith(GENERATED_MARKER)) return { file, idx: entry.idx, text };
	}
	return null;
}

export type Outcome = { status: 'current' | 'stale' | 'written'; file: string | null };

/**
 * Compares the newest generated migration with what the rule gives now. When they differ (or there is none) and
 * `write` is set, a new custom migration is made with drizzle-kit (it registers the migration in the journal and
 * copies the schema snapshot) and filled with the generated SQL; an empty one left by drizzle-kit is filled instead.
 * A migration already applied is never changed, since databases that ran it would not run it again.
 */
export function syncStatusMigration(folder: string, write: boolean): Outcome {
	const wanted = statusRuleMigration();
	const newest = newestGenerated(folder);
	if (newest?.text === wanted) return { status: 'current', file: newest.file };
	if (!write) return { status: 'stale', file: newest?.file ?? null };
	const target = emptyCustomMigration(folder) ?? createCustomMigration(folder);
	writeFileSync(join(folder, target), wanted);
	return { status: 'written', file: target };
}

function emptyCustomMigration(folder: string): string | null {
	const last = journalEntries(folder).at(-1);
	if (!last || !last.tag.endsWith(`_${MIGRATION_NAME}`)) return null;
	const file = `${last.tag}.sql`;
	return readFileSync(join(folder, file), 'utf8').trim() === DRIZZLE_KIT_PLACEHOLDER ? file : null;
}

function createCustomMigration(folder: string): string {
	const before = journalEntries(folder).length;
	const run = spawnSync('npx', ['drizzle-kit', 'generate', '--custom', '--name', MIGRATION_NAME], { stdio: 'inherit' });
	const entries = journalEntries(folder);
	if (run.status !== 0 || entries.length !== before + 1) throw new Error('drizzle-kit did not create the custom migration; see its output above.');
	return `${entries.at(-1)!.tag}.sql`;
}
