import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import { signOut } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { setSignOutCookie } from '$lib/server/sso/cookie';
import { secretKeyFromEnv } from '$lib/server/sso/secret-box';
import { providerSignOut, signOutCookieValue } from '$lib/server/sso/sign-out';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/');
};

export const actions: Actions = {
	default: async ({ locals, cookies, url, setHeaders }) => {
		const db = getDb();
		// A shared work phone keeps nothing of this person: the module pages kept for offline reading, the service
		// worker and the browser's cache go (src/service-worker.ts clears its own copy too).
		setHeaders({ 'Clear-Site-Data': '"cache", "storage"' });
		// Read before the session ends: its single sign-on record goes with it.
		const provider = locals.session ? await providerSignOut(db, locals.session.id, url.origin, secretKeyFromEnv()) : null;
		if (locals.session && locals.user) signOut(db, locals.session.id, locals.user.id);
		deleteSessionCookie(cookies, url);
		if (provider) {
			setSignOutCookie(cookies, signOutCookieValue(provider), url);
			redirect(303, '/logout/sso');
		}
		redirect(303, '/');
	}
};
