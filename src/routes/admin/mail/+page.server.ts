import { notFound, requireAdmin } from '$lib/server/access/guards';
import { formatLondonTime } from '$lib/london-time';
import { getDb } from '$lib/server/db';
import { intParam } from '$lib/server/forms/query';
import { isDemoMode, listDemoMail } from '$lib/server/mail/demo-mailbox';
import { currentMailSettings } from '$lib/server/mail/settings';
import type { PageServerLoad } from './$types';

const SHOWN_HEADERS = ['from', 'to', 'date', 'message-id', 'list-unsubscribe', 'list-unsubscribe-post', 'auto-submitted'];

/** The demo's mailbox: what its own SMTP relay received. Only in demo mode; elsewhere the page does not exist. */
export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	if (!isDemoMode()) notFound();
	const to = (event.url.searchParams.get('to') ?? '').trim().slice(0, 200);
	const result = listDemoMail(getDb(), intParam(event.url, 'page') ?? 1, to);
	const relay = currentMailSettings().smtpUrl;
	return {
		// The demo sets SMTP_URL to its own relay unless one was given: then mail goes there, not here.
		external: relay !== null && process.env.ACADEMY_DEMO_RELAY !== relay,
		to,
		page: result.page,
		pages: result.pages,
		total: result.total,
		messages: result.rows.map((m) => ({
			id: m.id,
			subject: m.subject,
			to: m.envelopeTo.join(', '),
			iso: m.receivedAt.toISOString(),
			when: formatLondonTime(m.receivedAt),
			headers: m.headers.filter(([name]) => SHOWN_HEADERS.includes(name.toLowerCase())),
			text: m.textBody,
			size: m.size
		}))
	};
};
