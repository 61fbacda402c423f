/** The SMTP connection to the relay, from SMTP_URL, with nodemailer. */
import nodemailer, { type Transporter } from 'nodemailer';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/**
 * `smtp://user:pass@relay.example.org:587` upgrades with STARTTLS (required when a password is sent to another
 * machine); `smtps://...:465` is TLS from the start. One pooled connection, reused between messages.
 */
export function createTransport(smtpUrl: string, timeouts = { connection: 30_000, greeting: 30_000, socket: 60_000 }): Transporter {
	const url = new URL(smtpUrl);
	const secure = url.protocol === 'smtps:';
	const auth = url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined;
	return nodemailer.createTransport({
		host: url.hostname.replace(/^\[|\]$/g, ''),
		port: Number(url.port) || (secure ? 465 : 587),
		secure,
		requireTLS: !secure && !!auth && !LOOPBACK.test(url.hostname),
		auth,
		pool: true,
		maxConnections: 1,
		connectionTimeout: timeouts.connection,
		greetingTimeout: timeouts.greeting,
		socketTimeout: timeouts.socket
	});
}
