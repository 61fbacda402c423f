/**
 * A real SMTP server for tests (smtp-server), on a free port of 127.0.0.1: it receives over the wire, parses each
 * message with mailparser and keeps it, and answers DATA as `answer` says: accept, refuse with a code (451 to be
 * retried, 550 to fail), or hold the reply until released (to kill a sender while a message is in flight).
 */
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export type ReceivedMessage = {
	messageId: string | null;
	from: string;
	to: string[];
	subject: string;
	text: string;
	html: string;
	headers: Map<string, unknown>;
	raw: Buffer;
};
/** null accepts; a code refuses; 'hold' stores the message but replies only when `release()` is called. */
export type Answer = null | { code: number; message: string } | 'hold';

export type TestSmtp = {
	url: string;
	port: number;
	received: ReceivedMessage[];
	/** How to answer the n-th DATA (from 1), counting every attempt. */
	answer: (n: number, message: ReceivedMessage) => Answer;
	/** Resolves when a held message arrives. */
	held: Promise<ReceivedMessage>;
	release: () => void;
	close: () => Promise<void>;
};

/** A header as it was sent (unfolded), from the raw message: mailparser turns some headers into objects. */
export function rawHeader(message: ReceivedMessage, name: string): string | undefined {
	const head = message.raw
		.toString('utf8')
		.split(/\r?\n\r?\n/, 1)[0]
		.replace(/\r?\n[ \t]+/g, ' ');
	const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
	return line?.slice(name.length + 1).trim();
}

export async function startTestSmtp(answer: TestSmtp['answer'] = () => null): Promise<TestSmtp> {
	let attempts = 0;
	let onHeld: (m: ReceivedMessage) => void = () => {};
	let release: () => void = () => {};
	const smtp: TestSmtp = {
		url: '',
		port: 0,
		received: [],
		answer,
		held: new Promise((resolve) => (onHeld = resolve)),
		release: () => release(),
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['AUTH', 'STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', async () => {
				const raw = Buffer.concat(chunks);
				const parsed = await simpleParser(raw);
				const message: ReceivedMessage = {
					messageId: parsed.messageId ?? null,
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((r) => r.address),
					subject: parsed.subject ?? '',
					text: parsed.text ?? '',
					html: typeof parsed.html === 'string' ? parsed.html : '',
					headers: parsed.headers,
					raw
				};
				const reply = smtp.answer(++attempts, message);
				if (reply === null) {
					smtp.received.push(message);
					callback();
				} else if (reply === 'hold') {
					// Kept as delivered: the relay has the message even if the sender dies before hearing back.
					smtp.received.push(message);
					release = () => callback();
					onHeld(message);
				} else {
					callback(Object.assign(new Error(reply.message), { responseCode: reply.code }));
				}
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	smtp.port = (server.server.address() as AddressInfo).port;
	smtp.url = `smtp://127.0.0.1:${smtp.port}`;
	return smtp;
}
