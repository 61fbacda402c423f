import { json, text, type Handle } from '@sveltejs/kit';

/**
 * SvelteKit's cross-site form check, done here instead of by SvelteKit (svelte.config.js trusts every origin so
 * that this hook decides): a form post from another origin is refused, exactly as SvelteKit would, except the
 * one-click unsubscribe of RFC 8058. A mail provider posts `List-Unsubscribe=One-Click` to the link from its own
 * servers, with no Origin of ours; the signed token in the address is the whole of that post's authority, and
 * it uses no cookie, so there is nothing for a cross-site post to borrow.
 */
const ONE_CLICK = /^\/unsubscribe\/[^/]+\/?$/;
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain', 'application/x-sveltekit-formdata'];
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isCrossSiteForm(request: Request, url: URL): boolean {
	const type = request.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase() ?? '';
	return UNSAFE.has(request.method) && FORM_TYPES.includes(type) && request.headers.get('origin') !== url.origin;
}

export const checkOrigin: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	if (isCrossSiteForm(request, url) && !(request.method === 'POST' && ONE_CLICK.test(url.pathname))) {
		const message = `Cross-site ${request.method} form submissions are forbidden`;
		return request.headers.get('accept') === 'application/json' ? json({ message }, { status: 403 }) : text(message, { status: 403 });
	}
	return resolve(event);
};
