/** Search across the modules and scenarios: what the /search route and the server's start-up call. */
import { allModules, allScenarios, moduleMarkdown } from '../content';
import type { Db } from '../db';
import { searchDocuments } from './documents';
import { parseSearchQuery, type SearchQuery } from './query';
import { ensureSearchIndex, rebuildSearchIndex, searchContent, type SearchHit } from './store';

export { MARK_END, MARK_START, type SearchHit } from './store';
export { MAX_QUERY_LENGTH } from './query';

function contentDocuments() {
	return searchDocuments(
		allModules().map((module) => ({ module, markdown: moduleMarkdown(module.slug) ?? '' })),
		allScenarios()
	);
}

/** At start-up: the index from the content this server was built with. */
export function buildSearchIndex(db: Db): void {
	rebuildSearchIndex(db, contentDocuments());
}

export function search(db: Db, raw: string | null): { query: SearchQuery; hits: SearchHit[] } {
	const query = parseSearchQuery(raw);
	if (!query.ok) return { query, hits: [] };
	ensureSearchIndex(db, contentDocuments);
	return { query, hits: searchContent(db, query.match) };
}

/** An excerpt as pieces of text, the matched words marked, for the page to render without raw HTML. */
export function excerptParts(excerpt: string): { text: string; mark: boolean }[] {
	const parts: { text: string; mark: boolean }[] = [];
	for (const [i, piece] of excerpt.split(/[\u0002\u0003]/).entries()) if (piece) parts.push({ text: piece, mark: i % 2 === 1 });
	return parts;
}
