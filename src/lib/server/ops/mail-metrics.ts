import { counter, gauge } from './metrics';

/*
 * The mail outbox's numbers (what is queued shows as the queue's depth: a message is queued inside its caller's
 * transaction, which may still roll back, so a count of queued messages could not be exact). The mail area calls these; nothing here knows how mail is stored or sent.
 *   countMailSent()                   when the SMTP server accepted a message
 *   countMailFailed({ final })        when an attempt failed; final: true when the message will not be tried again
 *   registerMailQueueProbe(probe)     once at start: read at each scrape, for the queue's depth and oldest age
 */

const sent = counter({ name: 'academy_mail_sent_total', help: 'Messages the mail server accepted' });
const failed = counter({
	name: 'academy_mail_failed_total',
	help: 'Failed attempts to send a message; final="true" when it will not be tried again',
	labelNames: ['final'] as const
});
sent.inc(0);
failed.inc({ final: 'true' }, 0);
failed.inc({ final: 'false' }, 0);

export function countMailSent(count = 1): void {
	sent.inc(count);
}
export function countMailFailed({ final }: { final: boolean }, count = 1): void {
	failed.inc({ final: String(final) }, count);
}

/** What the outbox holds now: messages waiting to be sent, and when the oldest of them was queued. */
export type MailQueueProbe = () => { waiting: number; oldestQueuedAt: Date | null };
let probe: MailQueueProbe | undefined;

export function registerMailQueueProbe(read: MailQueueProbe): void {
	probe = read;
}

function readProbe() {
	try {
		return probe?.();
	} catch {
		return undefined; // a scrape never fails for this; readiness and the logs say when the database does
	}
}

// Every process reads the same outbox: the largest reading is the newest.
gauge({
	name: 'academy_mail_queue_waiting',
	help: 'Messages in the outbox waiting to be sent',
	aggregator: 'max',
	collect() {
		const now = readProbe();
		if (now) this.set(now.waiting);
	}
});
gauge({
	name: 'academy_mail_oldest_queued_age_seconds',
	help: 'How long the oldest message waiting in the outbox has waited (0 when none waits)',
	aggregator: 'max',
	collect() {
		const now = readProbe();
		if (now) this.set(now.oldestQueuedAt ? Math.max(0, (Date.now() - now.oldestQueuedAt.getTime()) / 1000) : 0);
	}
});
