import { notFound, requireUser } from '$lib/server/access/guards';
import { getFramework } from '$lib/server/content';
import { getDb } from '$lib/server/db';
import { idParam } from '$lib/server/forms/query';
import { currentMailSettings } from '$lib/server/mail/settings';
import { sessionCalendar } from '$lib/server/practical/calendar';
import { sessionFor } from '$lib/server/practical/page';
import { competencyTitles } from '$lib/server/practical/store';
import type { RequestHandler } from './$types';

/** The session as a calendar file: the same UID and SEQUENCE as the emailed invitations, so it updates the same event. */
export const GET: RequestHandler = (event) => {
	const user = requireUser(event);
	const found = sessionFor(getDb(), user, idParam(event.params.id));
	if (!found) notFound();
	const { session } = found;
	const settings = currentMailSettings();
	const body = sessionCalendar(
		{ ...session, competencies: competencyTitles(getFramework(), session.competencyIds) },
		{
			method: session.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
			domain: settings.domain,
			url: `${settings.origin}/sessions/${session.id}`,
			organiser: { name: 'Crisis Care Academy', email: `no-reply@${settings.domain}` }
		}
	);
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="session-${session.id}.ics"`,
			'cache-control': 'private, no-store'
		}
	});
};
