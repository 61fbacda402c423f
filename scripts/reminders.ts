// `npm run reminders -- [--on YYYY-MM-DD] [--dry-run] [--json]`: plans refresher reminders (and the managers' digests
// that are due) by hand, as the server does every hour, against DATABASE_PATH. Links point at ORIGIN. A dry run
// prints what would be queued, by kind, and writes nothing. The server's sender delivers what is queued.
import { parseArgs } from 'node:util';
import { assignmentContentFrom } from '../src/lib/server/assignments/titles';
import { loadContentFromDisk } from '../src/lib/server/content/disk';
import { londonToday } from '../src/lib/server/competency/dates';
import { openDb } from '../src/lib/server/db';
import { appSecret } from '../src/lib/server/mail/app-secret';
import { planDigests } from '../src/lib/server/mail/digests';
import { planReminders } from '../src/lib/server/mail/reminders';
import { mailSettings } from '../src/lib/server/mail/settings';
import { loadTemplatesFromDisk } from '../src/lib/server/mail/templates-disk';

const { values } = parseArgs({
	options: { on: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } }
});
const today = values.on ?? londonToday();
const parsed = Date.parse(`${today}T00:00:00Z`);
if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 10) !== today) {
	console.error(`--on must be a date, YYYY-MM-DD (it is "${values.on}").`);
	process.exit(2);
}
const dryRun = values['dry-run'];
const started = performance.now();
const settings = mailSettings(process.env);
loadTemplatesFromDisk();
const content = assignmentContentFrom(await loadContentFromDisk());
const { framework } = content;
const path = process.env.DATABASE_PATH ?? './data/academy.db';
const db = openDb(path);
// With --on, the digests due at noon that day in London (a Monday after 07:00 counts as that week's).
const now = values.on ? new Date(`${today}T12:00:00Z`) : new Date();
const planStarted = performance.now();
const reminders = planReminders(db, framework, { today, origin: settings.origin, dryRun, now });
const planSeconds = (performance.now() - planStarted) / 1000;
const digests = planDigests(db, { now, origin: settings.origin, secret: appSecret(db), content, dryRun });
db.$client.close();
const seconds = (performance.now() - started) / 1000;
const usage = process.resourceUsage();
const maxRssMb = usage.maxRSS / 1024;
const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;

if (values.json) {
	console.log(JSON.stringify({ today, dryRun, reminders, digests, seconds, planSeconds, cpuSeconds, maxRssMb }));
} else {
	const n = new Intl.NumberFormat('en-GB').format;
	console.log(`${dryRun ? 'Would queue' : 'Queued'}, for ${today} in ${path}${dryRun ? ' (dry run: nothing written)' : ''}:`);
	console.log(
		`  reminder  ${n(reminders.messages)} messages: ${n(reminders.items['due-soon'])} items due soon, ${n(reminders.items.final)} in a week, ${n(reminders.items.expired)} expired; ${n(reminders.deferred)} people already had one today and wait until tomorrow`
	);
	console.log(`  digest    ${n(digests.messages)} messages (${n(digests.managers)} managers)`);
	console.log(
		`${seconds.toFixed(1)} s (planning reminders ${planSeconds.toFixed(1)} s), peak memory ${maxRssMb.toFixed(0)} MB.${dryRun ? '' : ' The server sends what is queued.'}`
	);
}
