// `npm run demo`: migrate, seed demo London when the database is empty, start the demo's OpenID provider and its own
// mail relay (unless SMTP_URL names another), then serve the build.
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './demo/seed';
import { startDemoRelay } from './demo/mail-relay';
import { seedHistory } from './demo/history';
import { seedDemoSessions } from './demo/sessions';
import { seedDemoPriorLearning } from './demo/prior-learning';
import { seedSurveyAnswers } from './demo/surveys';
import { seedDemoAssignments } from './demo/assignments';
import { loadContentFromDisk } from '../src/lib/server/content/disk';
import { describeDemoSingleSignOn, startDemoSingleSignOn } from './demo/sso';
import { DEMO_SSO_SECRET_KEY } from './demo/sso-accounts';
import { openDb } from '../src/lib/server/db';

const path = process.env.DATABASE_PATH ?? './data/academy.db';
const port = Number(process.env.PORT ?? '3000');
// The demo seals its provider's client secret with a fixed key unless one is set; a deployment always sets its own.
process.env.SSO_SECRET_KEY ||= DEMO_SSO_SECRET_KEY;
const db = openDb(path);
const seeded = await seedDemo(db);
if (seeded) {
	const started = Date.now();
	const content = await loadContentFromDisk();
	seedHistory(db, content);
	seedDemoSessions(db, content.framework);
	seedDemoPriorLearning(db, content.framework);
	seedSurveyAnswers(db, content);
	seedDemoAssignments(db, content);
	console.log(`Seeded demo training history in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
const provider = await startDemoSingleSignOn(db, {
	port: Number(process.env.DEMO_OIDC_PORT ?? port + 1),
	origin: process.env.ORIGIN ?? `http://localhost:${port}`
});
db.$client.close();

// Demo mode: /admin/mail shows what the demo's relay received. The relay runs in this process, which stays up as
// the server (or as the primary of several server processes), and stores mail through a connection of its own.
process.env.ACADEMY_DEMO = '1';
if (process.env.SMTP_URL) {
	console.log(`Mail goes to SMTP_URL (${process.env.SMTP_URL.replace(/:[^:@/]*@/, ':****@')}), not to the demo mailbox.`);
} else {
	const relayDb = openDb(path);
	const relay = await startDemoRelay(relayDb);
	// When the server stops (SIGTERM, or Ctrl-C), the relay stops with it, or it would keep the process alive.
	const stopRelay = () => void relay.close().then(() => relayDb.$client.close());
	process.once('sveltekit:shutdown', stopRelay);
	process.env.SMTP_URL = relay.url;
	process.env.ACADEMY_DEMO_RELAY = relay.url;
	process.env.MAIL_FROM ??= 'Crisis Care Academy (demo) <academy@demo.test>';
	console.log(`Mail goes to the demo's own relay (${relay.url}); administrators read it at /admin/mail.`);
	console.log('Add a person at /admin/people/new (or import a roster): their activation email, with its link to choose a password, arrives there.');
}

console.log(seeded ? `Seeded demo data into ${path}.` : `${path} already holds data: not seeding.`);
console.log(`\nDemo accounts (password: ${DEMO_PASSWORD}):`);
for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(26)} ${a.describe}`);
console.log('');
if (provider) {
	describeDemoSingleSignOn(provider);
	// The server stops on these signals once its connections close; the provider must stop too, or the process stays.
	for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void provider.close());
}
await import('./start.js');
