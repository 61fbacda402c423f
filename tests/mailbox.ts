import type Database from 'better-sqlite3';
import { budget } from './budget';

/**
 * Links in the mail the demo's own SMTP relay received (scripts/demo/mail-relay.ts stores each message it is sent in
 * `demo_mailbox`): the server queued the message, its sender delivered it over SMTP, and the relay parsed it.
 */
export type LinkKind = 'activate' | 'reset-password';

/** The newest message id received so far, to wait for one that arrives after it. */
export const lastMailId = (db: Database.Database) => (db.prepare('select coalesce(max(id), 0) from demo_mailbox').pluck().get() as number) ?? 0;

/** Messages to an address received after `afterId`, oldest first. */
export function mailTo(db: Database.Database, address: string, afterId = 0): { id: number; subject: string; text: string }[] {
	return db
		.prepare('select id, subject, text_body as text from demo_mailbox where envelope_to = ? and id > ? order by id')
		.all(JSON.stringify([address]), afterId) as { id: number; subject: string; text: string }[];
}

/** Waits for a message to `address` after `afterId` that holds a link of `kind`, and returns the link's path. */
export async function waitForLink(db: Database.Database, address: string, kind: LinkKind, afterId = 0): Promise<string> {
	const deadline = Date.now() + budget(30_000);
	const pattern = new RegExp(`https?://[^/\\s]+(/${kind}/[a-z2-7]{32})\\b`);
	for (;;) {
		for (const m of mailTo(db, address, afterId)) {
			const found = pattern.exec(m.text);
			if (found) return found[1];
		}
		if (Date.now() > deadline) throw new Error(`No ${kind} link arrived for ${address}: ${JSON.stringify(mailTo(db, address, afterId).map((m) => m.subject))}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}
