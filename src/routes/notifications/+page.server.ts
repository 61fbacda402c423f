import { requireUser } from '$lib/server/access/guards';
import { formatLondonTime } from '$lib/london-time';
import { getDb } from '$lib/server/db';
import { intParam } from '$lib/server/forms/query';
import { MAIL_KIND_LABEL } from '$lib/server/mail/kinds';
import { listNotifications, markNotificationsRead } from '$lib/server/mail/notifications';
import type { PageServerLoad } from './$types';

/** What was sent to the signed-in person, newest first. Opening the page marks everything read. */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const result = listNotifications(db, user.id, intParam(event.url, 'page') ?? 1);
	markNotificationsRead(db, user.id);
	return {
		page: result.page,
		pages: result.pages,
		total: result.total,
		notifications: result.notifications.map((n) => ({
			id: n.id,
			subject: n.subject,
			kind: MAIL_KIND_LABEL[n.kind] ?? n.kind,
			unread: n.unread,
			iso: (n.sentAt ?? n.createdAt).toISOString(),
			when: formatLondonTime(n.sentAt ?? n.createdAt),
			status: n.status,
			text: n.text
		}))
	};
};
