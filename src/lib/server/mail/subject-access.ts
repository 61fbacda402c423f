/** A person's email, for their subject access export (src/lib/server/people/subject-access.ts). */
import type { Db } from '../db';
import { connectionOf } from '../db/prepared';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const EMAIL_SECTION =
	'Every email queued for you (what, the values it was filled with, when it was sent and what the mail relay answered), the reminders already sent for each competency, how often you get the digest if you are a training manager, and the newest message you have seen.';

export function emailOf(tx: Tx, personId: number) {
	const c = connectionOf(tx);
	const messages = (
		c
			.prepare(
				`select id, to_address as toAddress, kind, template, subject, data, status, attempts, last_reply as lastReply, created_at as createdAt, sent_at as sentAt, message_id as messageId
				 from mail_outbox where person_id = ? order by id`
			)
			.all(personId) as { data: string; createdAt: number; sentAt: number | null }[]
	).map((m) => ({ ...m, data: JSON.parse(m.data), createdAt: new Date(m.createdAt), sentAt: m.sentAt === null ? null : new Date(m.sentAt) }));
	return {
		messages,
		remindersSent: c
			.prepare(
				'select competency_id as competencyId, cycle as expiresOn, threshold, outbox_id as messageId from reminder_keys where person_id = ? order by created_at'
			)
			.all(personId),
		digest:
			(c.prepare('select digest from mail_preferences where person_id = ?').pluck().get(personId) as string | undefined) ??
			'default (weekly, for training managers)',
		lastDigest: c.prepare('select slot, counts from manager_digests where person_id = ?').get(personId) ?? null,
		notificationsReadThrough: c.prepare('select read_through from notification_reads where person_id = ?').pluck().get(personId) ?? null
	};
}
