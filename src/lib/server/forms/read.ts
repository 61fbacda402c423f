import { error } from '@sveltejs/kit';

/**
 * The posted form. A body that is not a readable form (a broken multipart body, or text/plain, which browsers
 * may send) makes undici throw a TypeError, which SvelteKit would answer as a server error: answer 400 instead.
 */
export async function readForm(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch (e) {
		// adapter-node stops reading a body over BODY_SIZE_LIMIT with a 413 of its own
		if ((e as { status?: number }).status === 413) error(413, 'The form was too large to send.');
		error(400, 'The form could not be read. Go back to the page and try again.');
	}
}
