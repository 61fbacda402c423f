/** A link to the same page with some search parameters changed (null removes one). */
export function withParams(url: URL, changes: Record<string, string | number | null | undefined>): string {
	const params = new URLSearchParams(url.searchParams);
	for (const [k, v] of Object.entries(changes)) {
		if (v == null || v === '') params.delete(k);
		else params.set(k, String(v));
	}
	const query = params.toString();
	return query ? `?${query}` : url.pathname;
}

/** The links of a paged list: its filters as they stand (empty ones left out, in the order given), then the page. */
export function pageLinks(filters: Record<string, string | number | null | undefined>): (page: number) => string {
	return (page) => {
		const params = new URLSearchParams();
		for (const [k, v] of Object.entries(filters)) if (v != null && v !== '') params.set(k, String(v));
		params.set('page', String(page));
		return `?${params}`;
	};
}
