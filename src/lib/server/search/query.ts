/**
 * A search box's text as an FTS5 query. Only words are kept (letters and digits), each quoted and matched
 * as a prefix, so nothing a person types is read as FTS5 syntax (quotes, NEAR, column filters, `*`).
 */
export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 8;

export type SearchQuery = { ok: true; text: string; match: string } | { ok: false; text: string; message: string | null };

export function parseSearchQuery(raw: string | null): SearchQuery {
	const text = (raw ?? '').trim();
	if (text === '') return { ok: false, text, message: null };
	if (text.length > MAX_QUERY_LENGTH) return { ok: false, text: '', message: `Keep your search to ${MAX_QUERY_LENGTH} characters or fewer.` };
	const words = [...new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].slice(0, MAX_TERMS);
	if (words.length === 0) return { ok: false, text, message: 'Type at least one word to search for.' };
	return { ok: true, text, match: words.map((word) => `"${word}"*`).join(' ') };
}
