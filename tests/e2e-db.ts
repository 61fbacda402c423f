import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

/** playwright.config.ts gives each E2E_PORT its own database: data/e2e-<port>.db. */
export function openE2eDb(baseURL: string): Database.Database {
	const db = new Database(`data/e2e-${new URL(baseURL).port}.db`, { readonly: true, fileMustExist: true });
	db.pragma('busy_timeout = 5000'); // the server writes while the tests read
	return db;
}

/**
 * Tables that hold records. Sessions and sign-in attempts are left out: signing in and sliding expiry write them by
 * design; so is mail (the outbox, reminder keys, digests and what has been read), which the server writes by itself.
 */
export const RECORD_TABLES = [
	'organisations',
	'units',
	'people',
	'role_grants',
	'audit_log',
	'module_progress',
	'quiz_attempts',
	'module_completions',
	'reflections',
	'scenario_runs',
	'scenario_steps',
	'evidence',
	'assessments',
	'competency_status',
	'competency_cycles',
	'sso_providers',
	'sso_domains',
	'sso_links',
	'mail_preferences',
	'practical_sessions',
	'practical_session_competencies',
	'practical_session_trainers',
	'practical_session_audience',
	'practical_bookings',
	'prior_learning_claims',
	'survey_responses',
	'survey_ratings',
	'survey_answered',
	'assignments',
	'assignment_competencies',
	'assignment_people'
] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];

/**
 * Columns that move when a page is only served, left out of the digests like sessions: a scenario run's `shown_at`
 * is the clock of its current decision, which starts again each time the play page serves it (engine/timing.ts).
 */
const SERVED_COLUMNS: Partial<Record<RecordTable, readonly string[]>> = { scenario_runs: ['shown_at'] };

/** Tables WITHOUT ROWID (the survey tables, so that insertion order cannot join them) are read in key order. */
const KEY_ORDER: Partial<Record<RecordTable, string>> = {
	survey_responses: 'id',
	survey_ratings: 'response_id, item_id',
	survey_answered: 'person_id, kind, subject_slug, subject_version'
};

function columnsOf(db: Database.Database, table: RecordTable): string {
	const skip = SERVED_COLUMNS[table];
	if (!skip) return '*';
	const columns = (db.prepare(`pragma table_info(${table})`).all() as { name: string }[]).map((c) => c.name).filter((name) => !skip.includes(name));
	return columns.map((name) => `"${name}"`).join(', ');
}

/**
 * One digest per table over every row in rowid (or key) order, so any insert, update or delete shows up.
 * `where` limits a table to some rows (an SQL condition), for "nothing outside this changed".
 */
export function tableDigests(db: Database.Database, where: Partial<Record<RecordTable, string>> = {}): Record<RecordTable, string> {
	const out = {} as Record<RecordTable, string>;
	for (const table of RECORD_TABLES) {
		const hash = createHash('sha256');
		let rows = 0;
		for (const row of db
			.prepare(`select ${columnsOf(db, table)} from ${table} where ${where[table] ?? '1'} order by ${KEY_ORDER[table] ?? 'rowid'}`)
			.raw()
			.iterate() as IterableIterator<unknown[]>) {
			hash.update(JSON.stringify(row));
			rows++;
		}
		out[table] = `${rows}:${hash.digest('hex').slice(0, 16)}`;
	}
	return out;
}

export const one = <T = number>(db: Database.Database, sql: string, ...params: unknown[]): T => {
	const row = db
		.prepare(sql)
		.raw()
		.get(...params) as unknown[] | undefined;
	if (!row) throw new Error(`no row for: ${sql} ${JSON.stringify(params)}`);
	return row[0] as T;
};

export const personId = (db: Database.Database, email: string) => one(db, 'select id from people where email = ?', email);
