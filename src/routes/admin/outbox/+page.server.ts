import { requireAdmin } from '$lib/server/access/guards';
import { formatLondonTime } from '$lib/london-time';
import { getDb } from '$lib/server/db';
import { enumParam, intParam, textParam } from '$lib/server/forms/query';
import { MAIL_KIND_LABEL, MAIL_KINDS, MAIL_STATUSES } from '$lib/server/mail/kinds';
import { listOutbox, outboxCounts } from '$lib/server/mail/outbox-browse';
import { mailStatus } from '$lib/server/mail/status';
import type { PageServerLoad } from './$types';

/** Queued, sent and failed mail, with the relay's last reply; filters by status, kind and address. */
export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const db = getDb();
	const filter = {
		status: enumParam(event.url, 'status', MAIL_STATUSES),
		kind: enumParam(event.url, 'kind', MAIL_KINDS),
		to: textParam(event.url, 'to', 254),
		page: intParam(event.url, 'page') ?? 1
	};
	const result = listOutbox(db, filter);
	const when = (d: Date | null) => (d ? formatLondonTime(d) : null);
	const query = new URLSearchParams(Object.entries({ status: filter.status, kind: filter.kind, to: filter.to }).filter((e): e is [string, string] => !!e[1]));
	return {
		filter,
		query: query.toString(),
		kinds: MAIL_KINDS.map((k) => ({ value: k, label: MAIL_KIND_LABEL[k] })),
		status: mailStatus(outboxCounts(db)),
		result: {
			...result,
			rows: result.rows.map((r) => ({
				id: r.id,
				to: r.toAddress,
				kind: MAIL_KIND_LABEL[r.kind] ?? r.kind,
				subject: r.subject,
				status: r.status,
				attempts: r.attempts,
				lastReply: r.lastReply,
				created: when(r.createdAt),
				sent: when(r.sentAt),
				next: r.status === 'queued' ? when(r.nextAttemptAt) : null,
				messageId: r.messageId
			}))
		}
	};
};
