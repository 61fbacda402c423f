import { notFound } from '$lib/server/access/guards';
import { getDb } from '$lib/server/db';
import { unsubscribe, unsubscribeTarget } from '$lib/server/mail/unsubscribe';
import type { Actions, PageServerLoad } from './$types';

// No sign-in on this page: the signed link in the email is the authority (src/lib/server/mail/unsubscribe.ts).
export const load: PageServerLoad = ({ params, setHeaders }) => {
	const target = unsubscribeTarget(getDb(), params.token);
	if (!target) notFound();
	setHeaders({ 'cache-control': 'private, no-store' });
	return { address: target.address, stopped: target.digest === 'off' };
};

export const actions: Actions = {
	// Our own form's post and a mail provider's one-click post (body `List-Unsubscribe=One-Click`) alike.
	default: ({ params }) => {
		if (!unsubscribe(getDb(), params.token)) notFound();
		return { done: true };
	}
};
