/**
 * The search index's SQL, all of it: SQLite FTS5 (the `search_index` virtual table, in drizzle/0000_baseline.sql). The rows are
 * derived from the bundled content, so the server rebuilds them at start-up, in one transaction, and a process
 * that has not (a test, a script) does so before its first search. PostgreSQL will need its own form of this.
 */
import type { Db } from '../db';
import { connectionOf, statementsFor } from '../db/prepared';
import type { SearchDocument } from './documents';

/** Markers around the matched words in an excerpt: control characters no content contains. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

export interface SearchHit {
	readonly kind: 'module' | 'scenario';
	readonly href: string;
	readonly title: string;
	readonly heading: string;
	/** A piece of the text around the matches, with each match between MARK_START and MARK_END. */
	readonly excerpt: string;
}

const built = new WeakSet<object>();

/** Replaces every row with the given documents. */
export function rebuildSearchIndex(db: Db, docs: readonly SearchDocument[]): void {
	const client = connectionOf(db);
	client.transaction(() => {
		client.prepare('DELETE FROM search_index').run();
		const insert = client.prepare('INSERT INTO search_index (kind, href, title, heading, body) VALUES (?, ?, ?, ?, ?)');
		for (const doc of docs) insert.run(doc.kind, doc.href, doc.title, doc.heading, doc.body);
	})();
	built.add(client);
}

/** Rebuilds the index once per connection, before its first search. */
export function ensureSearchIndex(db: Db, docs: () => readonly SearchDocument[]): void {
	if (!built.has(connectionOf(db))) rebuildSearchIndex(db, docs());
}

/**
 * The best matches for an FTS5 query made by parseSearchQuery: a title counts most, then a heading, then the
 * text (bm25 weights per column).
 */
export function searchContent(db: Db, match: string, limit = 20): SearchHit[] {
	const statement = statementsFor(db, 'search-content', (client) =>
		client.prepare(
			`SELECT kind, href, title, heading, snippet(search_index, 4, ?, ?, '…', 16) AS excerpt
			 FROM search_index WHERE search_index MATCH ? ORDER BY bm25(search_index, 0, 0, 10, 5, 1) LIMIT ?`
		)
	);
	return statement.all(MARK_START, MARK_END, match, limit) as SearchHit[];
}
