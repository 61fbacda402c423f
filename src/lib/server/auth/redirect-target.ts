const FALLBACK = '/training';

/**
 * Where to send someone after they sign in: a path on this site, or /training.
 *
 * The target is resolved against our own origin and kept only when it stays on it. Control characters (tabs, CR/LF,
 * which browsers drop or which break the Location header) and backslashes (which browsers read as slashes) are refused
 * outright, and so is a resolved path starting with `//`, which a browser would read as another host.
 */
export function safeRedirectTarget(target: string | undefined | null, origin: URL): string {
	if (!target || !target.startsWith('/')) return FALLBACK;
	if (/[\u0000-\u001f\u007f\\]/.test(target)) return FALLBACK;
	let url: URL;
	try {
		url = new URL(target, origin);
	} catch {
		return FALLBACK;
	}
	if (url.origin !== origin.origin || url.pathname.startsWith('//')) return FALLBACK;
	return url.pathname + url.search + url.hash;
}
