/**
 * The mail sender as operations see it (src/lib/server/ops/): /readyz fails when the sender stops turning, /metrics
 * counts what it sends and reads the queue, and on shutdown the message in hand is finished first.
 */
import type { Db } from '../db';
import { expectAlive, markAlive } from '../ops/heartbeat';
import { countMailFailed, countMailSent, registerMailQueueProbe } from '../ops/mail-metrics';
import { onShutdown } from '../ops/shutdown';
import { queueState } from './outbox';
import type { MailService } from './service';

export function watchMailSender(db: Db, mail: MailService): void {
	onShutdown('mail-sender', () => mail.stop());
	registerMailQueueProbe(() => queueState(db));
	// Without SMTP_URL there is no sender: mail stays queued and /admin says why, but the server is ready.
	const sender = mail.sender;
	if (!sender) return;
	// The sender looks for mail at least every pollMs: three of those without a turn is a stall.
	expectAlive('mail-sender', 3 * sender.pollMs);
	sender.onTurn = (result) => {
		if (result === 'error') return;
		markAlive('mail-sender');
		if (result === 'sent') countMailSent();
		else if (result === 'retry') countMailFailed({ final: false });
		else if (result === 'failed') countMailFailed({ final: true });
	};
}
