import { linkIsUsable } from '$lib/server/auth/password-reset';
import { setPasswordAction } from '$lib/server/auth/set-password-form';
import { getDb } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

// No sign-in on this page: the single-use link in the email is the authority (src/lib/server/auth/tokens.ts).
export const load: PageServerLoad = ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store' });
	return { usable: linkIsUsable(getDb(), params.token, 'reset') };
};

export const actions: Actions = {
	default: (event) => setPasswordAction(event, 'reset')
};
