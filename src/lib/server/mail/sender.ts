/**
 * Delivers the outbox. Each server process runs one sender; each message is claimed by exactly one of them
 * (./outbox.ts), sent with its own stable Message-ID, and marked sent, retried later or failed. One message at a time,
 * so a crash mid-send leaves at most that one message in doubt: its claim runs out and it is sent again, with the same
 * Message-ID, so the receiving side can recognise it.
 */
import type { Transporter } from 'nodemailer';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Db } from '../db';
import { classifyFailure } from './delivery-errors';
import { claimNext, markFailed, markRetry, markSent, nextDueAt } from './outbox';
import { RateLimiter } from './rate-limit';
import { withoutSecretLinks } from './secret-links';
import { getTemplate } from './templates';
import type { TemplateName } from './template-variables';
import { nextAttempt, RETRY_DELAYS_MS } from './retry';

export type SendResult = 'none' | 'sent' | 'retry' | 'failed';

export type SenderOptions = {
	db: Db;
	transport: Pick<Transporter, 'sendMail' | 'close'>;
	from: string;
	/** This process's share of MAIL_RATE_PER_MINUTE. */
	ratePerMinute: number;
	/** How long a claim lasts: longer than any send can take (the transport's timeouts), so no claim runs out mid-send. */
	leaseMs?: number;
	/** How often to look for new mail when none is due. */
	pollMs?: number;
	retryDelays?: readonly number[];
	id?: string;
	log?: (message: string) => void;
};

export class MailSender {
	readonly id: string;
	readonly limiter: RateLimiter;
	private stopping = false;
	private running: Promise<void> | null = null;
	private wake: (() => void) | null = null;
	private readonly leaseMs: number;
	/** How often, at the longest, the sender looks for mail: its heartbeat (mail/operations.ts). */
	readonly pollMs: number;
	/** Told after every turn of the loop (src/lib/server/mail/operations.ts: heartbeat and metrics). */
	onTurn: ((result: SendResult | 'waiting' | 'error') => void) | null = null;

	constructor(private readonly options: SenderOptions) {
		this.id = options.id ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
		this.limiter = new RateLimiter(options.ratePerMinute);
		this.leaseMs = options.leaseMs ?? 5 * 60_000;
		this.pollMs = options.pollMs ?? 5_000;
	}

	/** Claims the next due message and tries to deliver it, ignoring the rate limit (the loop keeps to it). */
	async sendNext(now = new Date()): Promise<SendResult> {
		const { db } = this.options;
		const message = claimNext(db, this.id, now, new Date(now.getTime() + this.leaseMs));
		if (!message) return 'none';
		this.limiter.take(now.getTime());
		let body: { text: string; html: string };
		try {
			body = getTemplate(message.template as TemplateName).render(message.data);
		} catch (error) {
			// Not the relay's doing, and no retry will change it.
			markFailed(db, message.id, `Could not render the message: ${(error as Error).message}`, withoutSecretLinks(message.data));
			return 'failed';
		}
		try {
			const { text, html } = body;
			const info = await this.options.transport.sendMail({
				from: this.options.from,
				to: message.toAddress,
				subject: message.subject,
				text,
				html,
				messageId: message.messageId,
				headers: message.headers,
				...(message.calendar ? { icalEvent: { filename: 'session.ics', method: calendarMethod(message.calendar), content: message.calendar } } : {})
			});
			markSent(db, message.id, String(info.response ?? 'accepted'), new Date(), withoutSecretLinks(message.data));
			return 'sent';
		} catch (error) {
			const failure = classifyFailure(error);
			const next = failure.permanent ? null : nextAttempt(message.attempts, new Date(), this.options.retryDelays ?? RETRY_DELAYS_MS);
			if (next) markRetry(db, message.id, failure.reply, next);
			else markFailed(db, message.id, failure.reply, withoutSecretLinks(message.data));
			this.options.log?.(`Mail ${message.id} to ${message.toAddress}: ${failure.reply} (${next ? `retrying at ${next.toISOString()}` : 'failed'})`);
			return next ? 'retry' : 'failed';
		}
	}

	/** Sends until stopped, keeping to the rate and looking for new mail every `pollMs` when none is due. */
	start(): this {
		this.running ??= this.loop();
		return this;
	}

	private async loop() {
		while (!this.stopping) {
			const wait = this.limiter.delay(Date.now());
			if (wait > 0) {
				this.onTurn?.('waiting');
				await this.sleep(wait);
				continue;
			}
			let result: SendResult = 'none';
			try {
				result = await this.sendNext();
				this.onTurn?.(result);
			} catch (error) {
				// The database was busy or failed: try again after a pause, never crash the server for mail.
				this.options.log?.(`Mail sender: ${(error as Error).message}`);
				this.onTurn?.('error');
			}
			if (result === 'none') {
				const due = safely(() => nextDueAt(this.options.db));
				const untilDue = due ? due.getTime() - Date.now() : this.pollMs;
				await this.sleep(Math.max(50, Math.min(this.pollMs, untilDue)));
			}
		}
	}

	private sleep(ms: number) {
		return new Promise<void>((resolve) => {
			const timer = setTimeout(done, ms);
			timer.unref?.();
			function done() {
				clearTimeout(timer);
				resolve();
			}
			this.wake = done;
		}).finally(() => (this.wake = null));
	}

	/** Finishes the message in hand, then stops and closes the connection. */
	async stop(): Promise<void> {
		this.stopping = true;
		this.wake?.();
		await this.running;
		this.options.transport.close();
	}
}

function safely<T>(f: () => T): T | null {
	try {
		return f();
	} catch {
		return null;
	}
}

/** The METHOD line of an iCalendar object (REQUEST or CANCEL), which the calendar part's content type repeats. */
function calendarMethod(calendar: string): string {
	return /^METHOD:([A-Z-]+)\r?$/m.exec(calendar)?.[1] ?? 'PUBLISH';
}
