import { requireUser } from '$lib/server/access/guards';
import { getDb } from '$lib/server/db';
import { excerptParts, MAX_QUERY_LENGTH, search } from '$lib/server/search';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireUser(event);
	const { query, hits } = search(getDb(), event.url.searchParams.get('q'));
	return {
		q: query.text,
		maxLength: MAX_QUERY_LENGTH,
		searched: query.ok,
		message: query.ok ? null : query.message,
		hits: hits.map((hit) => ({ ...hit, excerpt: excerptParts(hit.excerpt) }))
	};
};
