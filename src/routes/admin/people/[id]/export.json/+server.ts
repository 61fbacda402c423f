import { json } from '@sveltejs/kit';
import { notFound, requireAdmin } from '$lib/server/access/guards';
import { londonToday } from '$lib/server/competency/dates';
import { getDb } from '$lib/server/db';
import { idParam } from '$lib/server/forms/query';
import { exportSubjectAccess } from '$lib/server/people/subject-access';
import type { RequestHandler } from './$types';

/** A subject access export: everything held about one person, for administrators only; each download is audited. */
export const GET: RequestHandler = (event) => {
	const user = requireAdmin(event);
	const personId = idParam(event.params.id);
	const data = personId ? exportSubjectAccess(getDb(), { personId, requestedBy: user.id }) : undefined;
	if (!data) notFound();
	return json(data, {
		headers: { 'content-disposition': `attachment; filename="subject-access-${personId}-${londonToday()}.json"`, 'cache-control': 'private, no-store' }
	});
};
