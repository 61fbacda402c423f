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
