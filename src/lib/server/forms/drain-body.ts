import type { Handle } from '@sveltejs/kit';

/**
 * Reads to the end any request body the app did not read (a post refused by a guard, a sign-out, a 404) before
 * answering. Node resets a connection whose request body is left unread, and a browser then shows "connection
 * reset" instead of the answer: a 5 MB roster upload after the session has ended would never reach the sign-in
 * page. adapter-node's BODY_SIZE_LIMIT still bounds what is read.
 */
export const drainUnreadBody: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const request = event.request;
	if (request.body && !request.bodyUsed) {
		try {
			await request.arrayBuffer();
		} catch {
			// over the size limit, or the client went away: nothing more to do
		}
	}
	return response;
};
