/** One year: browsers then refuse plain http for this host, so a first request can't be downgraded. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The headers every response carries. HSTS only when the site is served over https (ORIGIN is https, or the request
 * came over TLS): over plain http it would be ignored, and on localhost it would pin a developer's browser.
 */
export function securityHeaders(url: URL, signedIn: boolean, ownCacheControl: string | null = null): Record<string, string> {
	const headers: Record<string, string> = {
		'X-Content-Type-Options': 'nosniff',
		'Referrer-Policy': 'strict-origin-when-cross-origin',
		'X-Frame-Options': 'DENY',
		'Permissions-Policy': 'camera=(), microphone=(), geolocation=()'
	};
	if (url.protocol === 'https:') headers['Strict-Transport-Security'] = HSTS;
	if (signedIn) headers['Cache-Control'] = keepsPrivate(ownCacheControl) ? ownCacheControl : 'private, no-store';
	return headers;
}

/**
 * A signed-in response is never kept by a shared cache. A route may still let the browser itself keep one (a map
 * revalidated by ETag, http/revalidated.ts) by saying `private` itself; anything else becomes `private, no-store`.
 */
function keepsPrivate(cacheControl: string | null): cacheControl is string {
	return cacheControl !== null && /(^|,)\s*private\s*(,|$)/i.test(cacheControl) && !/\bpublic\b|s-maxage/i.test(cacheControl);
}
