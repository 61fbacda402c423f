/**
 * Mail settings from the environment (README, "Configuration"). A missing SMTP_URL is not an error: the server
 * runs, keeps messages queued and says so at /admin. Numbers that make no sense stop the server with a message,
 * as the other retention setting does.
 */
export const DEFAULT_RATE_PER_MINUTE = 600;
export const DEFAULT_MAIL_RETENTION_DAYS = 180;

export type MailSettings = {
	/** The relay, or null when mail is kept queued. */
	smtpUrl: string | null;
	/** Why mail is not being sent, for /admin; null when it is. */
	problem: string | null;
	from: string;
	/** The domain of the sender's address: Message-IDs are made in it. */
	domain: string;
	ratePerMinute: number;
	retentionDays: number;
	/** Where links in messages point: ORIGIN, as the server serves it. */
	origin: string;
};

function wholeNumber(env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number): number {
	const raw = env[name]?.trim();
	if (raw === undefined || raw === '') return fallback;
	const n = Number(raw);
	if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min || n > max)
		throw new Error(`${name} must be a whole number from ${min} to ${max} (it is "${raw}").`);
	return n;
}

/** The address part of "Name <address>" or of a bare address. */
export function addressOf(from: string): string | null {
	const m = /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from) ?? /^\s*([^<>\s]+@[^<>\s]+)\s*$/.exec(from);
	return m ? m[1] : null;
}

export function mailSettings(env: Record<string, string | undefined>): MailSettings {
	const origin = (env.ORIGIN?.trim() || `http://localhost:${env.PORT?.trim() || '3000'}`).replace(/\/+$/, '');
	let smtpUrl: string | null = env.SMTP_URL?.trim() || null;
	let problem: string | null = null;
	if (smtpUrl === null) problem = 'SMTP_URL is not set, so mail is kept queued and nothing is sent.';
	else {
		let protocol = '';
		try {
			protocol = new URL(smtpUrl).protocol;
		} catch {
			// reported below
		}
		if (protocol !== 'smtp:' && protocol !== 'smtps:') {
			problem = 'SMTP_URL is not an smtp:// or smtps:// address, so mail is kept queued and nothing is sent.';
			smtpUrl = null;
		}
	}
	const host = new URL(origin).hostname || 'localhost';
	const from = env.MAIL_FROM?.trim() || `Crisis Care Academy <no-reply@${host}>`;
	const address = addressOf(from);
	if (!address) throw new Error(`MAIL_FROM must be an email address, or a name and an address in angle brackets (it is "${from}").`);
	return {
		smtpUrl,
		problem,
		from,
		domain: address.split('@')[1].toLowerCase(),
		ratePerMinute: wholeNumber(env, 'MAIL_RATE_PER_MINUTE', DEFAULT_RATE_PER_MINUTE, 1, 100_000),
		retentionDays: wholeNumber(env, 'MAIL_RETENTION_DAYS', DEFAULT_MAIL_RETENTION_DAYS, 1, 3650),
		origin
	};
}

/** The relay address with any password hidden, for /admin and logs. */
export function describeRelay(smtpUrl: string): string {
	const url = new URL(smtpUrl);
	if (url.password) url.password = '****';
	return url.toString();
}

let current: MailSettings | undefined;

/** This process's settings, read once from its environment. */
export function currentMailSettings(): MailSettings {
	current ??= mailSettings(process.env);
	return current;
}
