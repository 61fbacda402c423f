/**
 * The demo's mailbox: what the demo's own SMTP relay (scripts/demo/mail-relay.ts, started by `npm run demo`)
 * received, shown to administrators at /admin/mail. Only in demo mode: everywhere else the page does not exist.
 */
import type { Db } from '../db';
import { pageWindow } from '../db/page-window';
import { prepared } from '../db/prepared';

export const DEMO_MAILBOX_PAGE_SIZE = 20;

/** `npm run demo` sets ACADEMY_DEMO=1 for the server it starts; production never does. */
export function isDemoMode(env: Record<string, string | undefined> = process.env): boolean {
	return env.ACADEMY_DEMO === '1';
}

export type ReceivedMail = {
	envelopeFrom: string;
	envelopeTo: string[];
	messageId: string | null;
	subject: string;
	textBody: string;
	headers: [string, string][];
	size: number;
	receivedAt: Date;
};

function statements(db: Db) {
	const c = db.$client;
	return prepared(db, 'demo-mailbox', () => ({
		insert: c.prepare(
			'insert into demo_mailbox (received_at, envelope_from, envelope_to, message_id, subject, text_body, headers, size) values (@receivedAt, @envelopeFrom, @envelopeTo, @messageId, @subject, @textBody, @headers, @size) returning id'
		),
		// An empty filter matches every message; otherwise the recipient list contains it (case-insensitive).
		total: c.prepare("select count(*) from demo_mailbox where lower(envelope_to) like '%' || lower(@to) || '%'").pluck(),
		page: c.prepare(
			"select id, received_at as receivedAt, envelope_from as envelopeFrom, envelope_to as envelopeTo, message_id as messageId, subject, text_body as textBody, headers, size from demo_mailbox where lower(envelope_to) like '%' || lower(@to) || '%' order by id desc limit @limit offset @offset"
		)
	}));
}

export function storeReceivedMail(db: Db, mail: ReceivedMail): number {
	const row = statements(db).insert.get({
		...mail,
		receivedAt: mail.receivedAt.getTime(),
		envelopeTo: JSON.stringify(mail.envelopeTo),
		headers: JSON.stringify(mail.headers)
	}) as { id: number };
	return row.id;
}

/** A page of the mailbox, newest first; `to` keeps the messages whose recipients contain it. */
export function listDemoMail(db: Db, page: number, to = '') {
	const q = statements(db);
	// LIKE's own wildcards in what was typed are dropped, so they match nothing special.
	const like = to.replace(/[%_]/g, '');
	const total = q.total.get({ to: like }) as number;
	const { page: current, pages, offset } = pageWindow(total, page, DEMO_MAILBOX_PAGE_SIZE);
	const rows = (q.page.all({ to: like, limit: DEMO_MAILBOX_PAGE_SIZE, offset }) as Record<string, unknown>[]).map((r) => ({
		id: r.id as number,
		receivedAt: new Date(r.receivedAt as number),
		envelopeFrom: r.envelopeFrom as string,
		envelopeTo: JSON.parse(r.envelopeTo as string) as string[],
		messageId: r.messageId as string | null,
		subject: r.subject as string,
		textBody: r.textBody as string,
		headers: JSON.parse(r.headers as string) as [string, string][],
		size: r.size as number
	}));
	return { rows, total, page: current, pages };
}
