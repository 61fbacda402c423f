// Test helper, run as its own process (`node --import tsx mail-sender-child.ts <database> <smtp url> <lease ms>`):
// a server process's mail sender and nothing else, until its stdin closes. Prints "started" once running.
import { openDb } from '../../src/lib/server/db';
import { MailSender } from '../../src/lib/server/mail/sender';
import { loadTemplatesFromDisk } from '../../src/lib/server/mail/templates-disk';
import { createTransport } from '../../src/lib/server/mail/transport';

const [path, smtpUrl, lease] = process.argv.slice(2);
loadTemplatesFromDisk();
const db = openDb(path);
const sender = new MailSender({
	db,
	transport: createTransport(smtpUrl),
	from: 'academy@example.org',
	ratePerMinute: 100_000,
	leaseMs: Number(lease),
	pollMs: 50
}).start();
console.log('started');
process.stdin.resume().on('end', async () => {
	await sender.stop();
	db.$client.close();
	console.log('stopped');
});
