// `npm run demo`: migrate, seed demo London when the database is empty, then serve the build.
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './demo/seed';
import { seedHistory } from './demo/history';
import { loadContentFromDisk } from '../src/lib/server/content/disk';
import { openDb } from '../src/lib/server/db';

const path = process.env.DATABASE_PATH ?? './data/academy.db';
const db = openDb(path);
const seeded = await seedDemo(db);
if (seeded) {
	const started = Date.now();
	seedHistory(db, await loadContentFromDisk());
	console.log(`Seeded demo training history in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
db.$client.close();

console.log(seeded ? `Seeded demo data into ${path}.` : `${path} already holds data: not seeding.`);
console.log(`\nDemo accounts (password: ${DEMO_PASSWORD}):`);
for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(26)} ${a.describe}`);
console.log('');
await import('./start.js');
