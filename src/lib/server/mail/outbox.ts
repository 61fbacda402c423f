/**
 * The sender's side of the outbox: claim one due message, then record what the relay said. The claim is one
 * UPDATE ... RETURNING whose WHERE repeats the conditions, so two senders (two processes on one database file,
 * or two PostgreSQL sessions) can never both take the same message. `claimed_by` is left as it was afterwards: it
 * says which sender made the last attempt.
 */
import type { Db } from '../db';
import { prepared } from '../db/prepared';

export type ClaimedMessage = {
	id: number;
	toAddress: string;
	template: string;
	subject: string;
	data: Record<string, string | string[]>;
	headers: Record<string, string>;
	messageId: string;
	/** Including this one. */
	attempts: number;
	/** An iCalendar object to send with it (its METHOD says whether it invites or cancels), or null. */
	calendar: string | null;
};

function statements(db: Db) {
	const c = db.$client;
	return prepared(db, 'mail-outbox', () => ({
		claim: c.prepare(
			`update mail_outbox set claimed_by = @me, claimed_until = @until, attempts = attempts + 1, last_attempt_at = @now
			 where id = (select id from mail_outbox where status = 'queued' and next_attempt_at <= @now and (claimed_until is null or claimed_until <= @now)
			             order by next_attempt_at, id limit 1)
			   and status = 'queued' and (claimed_until is null or claimed_until <= @now)
			 returning id, to_address as toAddress, template, subject, data, headers, message_id as messageId, attempts, calendar`
		),
		sent: c.prepare(
			`update mail_outbox set status = 'sent', sent_at = @now, last_reply = @reply, claimed_until = null, data = coalesce(@data, data) where id = @id and status = 'queued'`
		),
		retry: c.prepare(`update mail_outbox set next_attempt_at = @next, last_reply = @reply, claimed_until = null where id = @id and status = 'queued'`),
		failed: c.prepare(
			`update mail_outbox set status = 'failed', last_reply = @reply, claimed_until = null, data = coalesce(@data, data) where id = @id and status = 'queued'`
		),
		nextDue: c.prepare(`select min(next_attempt_at) from mail_outbox where status = 'queued'`).pluck(),
		waiting: c.prepare(`select count(*) as waiting, min(created_at) as oldest from mail_outbox where status = 'queued'`)
	}));
}

/** Takes the next due message for `sender` until `until`, or null when none is due. */
export function claimNext(db: Db, sender: string, now: Date, until: Date): ClaimedMessage | null {
	const row = statements(db).claim.get({ me: sender, now: now.getTime(), until: until.getTime() }) as
		(Omit<ClaimedMessage, 'headers' | 'data'> & { headers: string; data: string }) | undefined;
	return row ? { ...row, data: JSON.parse(row.data), headers: JSON.parse(row.headers) } : null;
}

/** `data`: the message's values to keep from now on, when they must change (secret links removed, ./secret-links.ts). */
export function markSent(db: Db, id: number, reply: string, now: Date, data: Record<string, unknown> | null = null): void {
	statements(db).sent.run({ id, reply: reply.slice(0, 1000), now: now.getTime(), data: data && JSON.stringify(data) });
}

export function markRetry(db: Db, id: number, reply: string, next: Date): void {
	statements(db).retry.run({ id, reply: reply.slice(0, 1000), next: next.getTime() });
}

export function markFailed(db: Db, id: number, reply: string, data: Record<string, unknown> | null = null): void {
	statements(db).failed.run({ id, reply: reply.slice(0, 1000), data: data && JSON.stringify(data) });
}

/** When the earliest queued message falls due (it may be claimed), or null when nothing is queued. */
export function nextDueAt(db: Db): Date | null {
	const at = statements(db).nextDue.get() as number | null;
	return at === null ? null : new Date(at);
}

/** How many messages wait to be sent, and when the oldest of them was queued (for the metrics). */
export function queueState(db: Db): { waiting: number; oldestQueuedAt: Date | null } {
	const row = statements(db).waiting.get() as { waiting: number; oldest: number | null };
	return { waiting: row.waiting, oldestQueuedAt: row.oldest === null ? null : new Date(row.oldest) };
}
