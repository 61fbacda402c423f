/**
 * A response the browser may keep and must check again before each use (`Cache-Control: private, no-cache` with an
 * ETag): it asks with If-None-Match and, while the content is unchanged, gets an empty 304 instead of the body. For
 * content that stays the same between two writes (the insights map), drawn once and sent once per browser.
 * `private`: never kept by a shared cache, only by the signed-in browser that asked (see access/security-headers.ts).
 */
export const REVALIDATE = 'private, no-cache';

/** Whether an If-None-Match header names this ETag (a list, a weak form "W/…", or "*"). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	return ifNoneMatch.split(',').some((tag) => {
		const t = tag.trim();
		return t === '*' || t === etag || t === `W/${etag}`;
	});
}

export function revalidatedResponse(request: Request, body: string, etag: string, contentType: string, headers: Record<string, string> = {}): Response {
	const common = { etag, 'cache-control': REVALIDATE, ...headers };
	if (matchesEtag(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers: common });
	return new Response(body, { headers: { 'content-type': contentType, ...common } });
}
