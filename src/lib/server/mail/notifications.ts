/**
 * A person's notifications: every message queued for them, newest first, with an unread count for the site header
 * (one indexed range count, capped) and "read" meaning "was on the notifications page when they opened it".
 */
import type { Db } from '../db';
import { pageWindow } from '../db/page-window';
import { prepared } from '../db/prepared';
import type { MailKind, MailStatus } from './kinds';
import { getTemplate } from './templates';
import type { TemplateName } from './template-variables';

export const NOTIFICATIONS_PAGE_SIZE = 20;
/** The header shows "99+" beyond this, so the count never walks a long backlog. */
export const UNREAD_CAP = 99;

export type Notification = {
	id: number;
	kind: MailKind;
	subject: string;
	status: MailStatus;
	createdAt: Date;
	sentAt: Date | null;
	text: string;
	unread: boolean;
};

function statements(db: Db) {
	const c = db.$client;
	return prepared(db, 'mail-notifications', () => ({
		readThrough: c.prepare('select read_through from notification_reads where person_id = ?').pluck(),
		unread: c
			.prepare(
				`select count(*) from (select 1 from mail_outbox where person_id = @personId and id > coalesce((select read_through from notification_reads where person_id = @personId), 0) limit ${UNREAD_CAP + 1})`
			)
			.pluck(),
		total: c.prepare('select count(*) from mail_outbox where person_id = ?').pluck(),
		page: c.prepare(
			`select id, kind, template, subject, data, status, created_at as createdAt, sent_at as sentAt from mail_outbox where person_id = ? order by id desc limit ? offset ?`
		),
		newest: c.prepare('select max(id) from mail_outbox where person_id = ?').pluck(),
		markRead: c.prepare(
			'insert into notification_reads (person_id, read_through, read_at) values (?, ?, ?) on conflict (person_id) do update set read_through = max(read_through, excluded.read_through), read_at = excluded.read_at'
		)
	}));
}

/** Messages the person has not yet seen on their notifications page, up to UNREAD_CAP + 1. */
export function unreadCount(db: Db, personId: number): number {
	return statements(db).unread.get({ personId }) as number;
}

/** One page of the person's notifications, newest first, each with its plain text. */
export function listNotifications(db: Db, personId: number, page: number) {
	const q = statements(db);
	const total = q.total.get(personId) as number;
	const { page: current, pages, offset } = pageWindow(total, page, NOTIFICATIONS_PAGE_SIZE);
	const readThrough = (q.readThrough.get(personId) as number | undefined) ?? 0;
	const rows = q.page.all(personId, NOTIFICATIONS_PAGE_SIZE, offset) as {
		id: number;
		kind: MailKind;
		template: string;
		subject: string;
		data: string;
		status: MailStatus;
		createdAt: number;
		sentAt: number | null;
	}[];
	const notifications: Notification[] = rows.map((r) => ({
		id: r.id,
		kind: r.kind,
		subject: r.subject,
		status: r.status,
		createdAt: new Date(r.createdAt),
		sentAt: r.sentAt === null ? null : new Date(r.sentAt),
		text: bodyText(r.template, r.data),
		unread: r.id > readThrough
	}));
	return { notifications, total, page: current, pages };
}

function bodyText(template: string, data: string): string {
	try {
		// The page shows the subject as a heading: the message's own heading goes, and the other headings lose their underlines.
		return getTemplate(template as TemplateName)
			.render(JSON.parse(data))
			.text.replace(/^.*\n=+\n\n/, '')
			.replace(/\n-+\n/g, '\n');
	} catch {
		return '';
	}
}

/** Marks everything queued for the person so far as read. */
export function markNotificationsRead(db: Db, personId: number, now = new Date()): void {
	const q = statements(db);
	const newest = q.newest.get(personId) as number | null;
	if (newest !== null) q.markRead.run(personId, newest, now.getTime());
}
