// The demo's own mail relay: a real SMTP server (smtp-server) on 127.0.0.1, in the demo's process. It accepts every
// message, parses it (mailparser) and stores it in the demo mailbox table, which administrators see at /admin/mail.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import type { Db } from '../../src/lib/server/db';
import { storeReceivedMail } from '../../src/lib/server/mail/demo-mailbox';

const MAX_BYTES = 5 * 1024 * 1024;

export async function startDemoRelay(db: Db, port = 0): Promise<{ url: string; close: () => Promise<void> }> {
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['AUTH', 'STARTTLS'],
		size: MAX_BYTES,
		logger: false,
		banner: 'Crisis Care Academy demo relay',
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			let size = 0;
			stream.on('data', (chunk: Buffer) => {
				size += chunk.length;
				if (size <= MAX_BYTES) chunks.push(chunk);
			});
			stream.on('end', async () => {
				if (size > MAX_BYTES) return callback(Object.assign(new Error('Message too large for the demo mailbox'), { responseCode: 552 }));
				try {
					const parsed = await simpleParser(Buffer.concat(chunks));
					storeReceivedMail(db, {
						envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
						envelopeTo: session.envelope.rcptTo.map((r) => r.address),
						messageId: parsed.messageId ?? null,
						subject: parsed.subject ?? '(no subject)',
						textBody: parsed.text ?? '',
						headers: parsed.headerLines.map(({ line }) => {
							const at = line.indexOf(':');
							return [
								line.slice(0, at),
								line
									.slice(at + 1)
									.replace(/\r?\n[ \t]+/g, ' ')
									.trim()
							] as [string, string];
						}),
						size,
						receivedAt: new Date()
					});
					callback();
				} catch (error) {
					// Stored nowhere: tell the sender to try again rather than lose it.
					callback(Object.assign(new Error(`Could not store the message: ${(error as Error).message}`), { responseCode: 451 }));
				}
			});
		}
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve());
	});
	const { port: bound } = server.server.address() as AddressInfo;
	return { url: `smtp://127.0.0.1:${bound}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
