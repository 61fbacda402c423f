-- Hand-written (drizzle-kit cannot describe a virtual table): the full-text index behind /search, SQLite FTS5.
-- Its rows are derived from the bundled content and rebuilt when the server starts (src/lib/server/search/store.ts);
-- PostgreSQL will need its own form of this (a tsvector column with a GIN index).
CREATE VIRTUAL TABLE `search_index` USING fts5(
	`kind` UNINDEXED,
	`href` UNINDEXED,
	`title`,
	`heading`,
	`body`,
	tokenize = 'porter unicode61 remove_diacritics 2'
);
