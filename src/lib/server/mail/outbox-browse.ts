/** The outbox for administrators: counts by status, and a filtered page of messages with the relay's last reply. */
import type { Db } from '../db';
import { pageWindow } from '../db/page-window';
import { prepared } from '../db/prepared';
import type { MailKind, MailStatus } from './kinds';

export const OUTBOX_PAGE_SIZE = 50;

export type OutboxFilter = { status?: MailStatus; kind?: MailKind; to?: string; page?: number };
export type OutboxRow = {
	id: number;
	personId: number | null;
	toAddress: string;
	kind: MailKind;
	subject: string;
	status: MailStatus;
	attempts: number;
	nextAttemptAt: Date;
	lastAttemptAt: Date | null;
	lastReply: string | null;
	sentAt: Date | null;
	createdAt: Date;
	messageId: string;
};

function likeTerm(text: string) {
	return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function statements(db: Db) {
	const c = db.$client;
	const where = `where (@status is null or status = @status) and (@kind is null or kind = @kind) and (@to is null or to_address like @to escape '\\')`;
	return prepared(db, 'mail-outbox-browse', () => ({
		counts: c.prepare('select status, count(*) as n from mail_outbox group by status'),
		total: c.prepare(`select count(*) from mail_outbox ${where}`).pluck(),
		page: c.prepare(
			`select id, person_id as personId, to_address as toAddress, kind, subject, status, attempts, next_attempt_at as nextAttemptAt, last_attempt_at as lastAttemptAt,
			   last_reply as lastReply, sent_at as sentAt, created_at as createdAt, message_id as messageId
			 from mail_outbox ${where} order by id desc limit @limit offset @offset`
		),
		oldestQueued: c.prepare(`select min(created_at) from mail_outbox where status = 'queued'`).pluck()
	}));
}

export function outboxCounts(db: Db): Record<MailStatus, number> & { oldestQueuedAt: Date | null } {
	const q = statements(db);
	const out = { queued: 0, sent: 0, failed: 0 };
	for (const r of q.counts.all() as { status: MailStatus; n: number }[]) out[r.status] = r.n;
	const oldest = q.oldestQueued.get() as number | null;
	return { ...out, oldestQueuedAt: oldest === null ? null : new Date(oldest) };
}

/** A page of messages, newest first, matching every filter given. */
export function listOutbox(db: Db, filter: OutboxFilter) {
	const q = statements(db);
	const params = { status: filter.status ?? null, kind: filter.kind ?? null, to: filter.to ? likeTerm(filter.to) : null };
	const total = q.total.get(params) as number;
	const { page, pages, offset } = pageWindow(total, filter.page, OUTBOX_PAGE_SIZE);
	const rows = (q.page.all({ ...params, limit: OUTBOX_PAGE_SIZE, offset }) as Record<string, unknown>[]).map(
		(r) =>
			({
				...r,
				nextAttemptAt: new Date(r.nextAttemptAt as number),
				lastAttemptAt: r.lastAttemptAt === null ? null : new Date(r.lastAttemptAt as number),
				sentAt: r.sentAt === null ? null : new Date(r.sentAt as number),
				createdAt: new Date(r.createdAt as number)
			}) as OutboxRow
	);
	return { rows, total, page, pages };
}
