import type { Db } from '.';

/**
 * Keeps SQLite's table statistics current, as SQLite advises for long-lived connections. The query planner picks
 * indexes by them, and statistics gathered while a table was small, or missing for an index added since, lead it
 * to plans that read a whole table. The analysis limit samples each index instead of reading it all, so a run
 * takes milliseconds even on the 80,000-person database, and most runs find nothing to do.
 */
export function refreshStatistics(db: Db, { allTables }: { allTables: boolean }) {
	db.$client.pragma('analysis_limit = 1000');
	// 0x10002: analyse every table that needs it, not only those queried since the connection opened (for the first run).
	db.$client.pragma(allTables ? 'optimize = 0x10002' : 'optimize');
}
