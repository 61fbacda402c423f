/**
 * Mail in a server process: the sender (when SMTP_URL is set), the planners and the purge, for hooks.server.ts.
 * Nothing here may stop the server for want of mail: without a relay, messages stay queued and /admin says why.
 */
import { londonToday } from '../competency/dates';
import type { AssignmentContent } from '../assignments/titles';
import type { Db } from '../db';
import { appSecret } from './app-secret';
import { planDigests } from './digests';
import { shareOfRate } from './rate-limit';
import { planReminders } from './reminders';
import { purgeMail } from './retention';
import { MailSender } from './sender';
import { describeRelay, mailSettings, type MailSettings } from './settings';
import { createTransport } from './transport';

export type MailService = {
	settings: MailSettings;
	sender: MailSender | null;
	planReminders: () => ReturnType<typeof planReminders>;
	planDigests: () => ReturnType<typeof planDigests>;
	purge: () => ReturnType<typeof purgeMail>;
	stop: () => Promise<void>;
};

/**
 * Reads the settings (a nonsensical number or a short APP_SECRET stops the server with a message, before it serves),
 * and starts this process's sender with its share of the rate.
 */
export function startMailService(
	db: Db,
	content: AssignmentContent,
	env: Record<string, string | undefined>,
	log: (message: string) => void = console.error
): MailService {
	const settings = mailSettings(env);
	const secret = appSecret(db, env);
	const workers = Number(env.WEB_CONCURRENCY ?? '1') || 1;
	let sender: MailSender | null = null;
	if (settings.smtpUrl) {
		sender = new MailSender({
			db,
			transport: createTransport(settings.smtpUrl),
			from: settings.from,
			ratePerMinute: shareOfRate(settings.ratePerMinute, workers),
			log
		}).start();
	} else {
		log(`Mail: ${settings.problem}`);
	}
	if (sender && env.NODE_ENV !== 'test') console.log(`Mail: sending through ${describeRelay(settings.smtpUrl!)} as ${settings.from}`);
	return {
		settings,
		sender,
		planReminders: () => planReminders(db, content.framework, { today: londonToday(), origin: settings.origin }),
		planDigests: () => planDigests(db, { now: new Date(), origin: settings.origin, secret, content }),
		purge: () => purgeMail(db, settings.retentionDays),
		stop: async () => {
			await sender?.stop();
		}
	};
}
