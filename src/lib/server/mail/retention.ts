/**
 * Deletes sent mail older than MAIL_RETENTION_DAYS, and reminder keys of the same age whose cycle is over (the
 * person has renewed, or no longer needs the competency), in batches, with the other retention purge. Failed
 * messages are kept for the same period after their last attempt, so that someone can look into them. Queued
 * messages are never deleted. A key whose cycle is still the person's current expiry is kept whatever its age:
 * deleting it would send that reminder again.
 */
import type { Db } from '../db';
import { PURGE_BATCH } from '../auth/retention';

const DAY_MS = 24 * 60 * 60 * 1000;

export function purgeMail(db: Db, retentionDays: number, now = new Date()) {
	const c = db.$client;
	const before = now.getTime() - retentionDays * DAY_MS;
	const sent = c.prepare(`delete from mail_outbox where id in (select id from mail_outbox where status = 'sent' and sent_at < ? limit ?)`);
	const failed = c.prepare(`delete from mail_outbox where id in (select id from mail_outbox where status = 'failed' and last_attempt_at < ? limit ?)`);
	const keys = c.prepare(
		`delete from reminder_keys where rowid in (
		   select k.rowid from reminder_keys k where k.created_at < ?
		     and not exists (select 1 from competency_status s where s.person_id = k.person_id and s.competency_id = k.competency_id and s.expires_on = k.cycle)
		   limit ?)`
	);
	const mailbox = c.prepare('delete from demo_mailbox where id in (select id from demo_mailbox where received_at < ? limit ?)');
	const batches = (statement: { run: (...params: unknown[]) => { changes: number } }) => {
		const batch = c.transaction(() => statement.run(before, PURGE_BATCH).changes);
		let total = 0;
		for (;;) {
			const n = batch();
			total += n;
			if (n < PURGE_BATCH) return total;
		}
	};
	return { sent: batches(sent), failed: batches(failed), reminderKeys: batches(keys), demoMailbox: batches(mailbox) };
}
