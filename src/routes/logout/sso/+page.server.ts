import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { takeSignOutCookie } from '$lib/server/sso/cookie';
import { secretKeyFromEnv } from '$lib/server/sso/secret-box';
import { checkedSignOut } from '$lib/server/sso/sign-out';
import type { PageServerLoad } from './$types';

/** After signing out of a session that came from a provider: on to the provider, to end its session too. */
export const load: PageServerLoad = async ({ cookies, url }) => {
	const target = await checkedSignOut(getDb(), takeSignOutCookie(cookies, url), secretKeyFromEnv());
	if (!target) redirect(303, '/');
	return target;
};
