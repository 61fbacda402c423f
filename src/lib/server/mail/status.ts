/** What administrators are told about mail: whether it is being sent, and what is waiting or has failed. */
import { formatLondonTime } from '../../london-time';
import { isDemoMode } from './demo-mailbox';
import type { outboxCounts } from './outbox-browse';
import { currentMailSettings, describeRelay } from './settings';

export function mailStatus(counts: ReturnType<typeof outboxCounts>, env: Record<string, string | undefined> = process.env) {
	const settings = currentMailSettings();
	return {
		sending: settings.smtpUrl !== null,
		relay: settings.smtpUrl ? describeRelay(settings.smtpUrl) : null,
		problem: settings.problem,
		from: settings.from,
		queued: counts.queued,
		sent: counts.sent,
		failed: counts.failed,
		oldestQueued: counts.oldestQueuedAt ? formatLondonTime(counts.oldestQueuedAt) : null,
		retentionDays: settings.retentionDays,
		demoMailbox: isDemoMode(env)
	};
}
