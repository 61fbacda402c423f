// `npm run bench:reminders [-- --db <file>] [--on YYYY-MM-DD]`: how long planning refresher reminders takes over the
// synthetic London, and how much memory. Uses the bench database of `npm run bench` (data/bench-synthetic-80000x5.db,
// made by `npm run seed:synthetic -- --staff 80000 --years 5`), clears its mail, then runs the planner as its own
// process three times: a dry run, the first real run (everything due is queued) and a second run the same day (which
// must queue nothing). The planner is bundled with esbuild and run by plain node, as the built server runs it, so the
// figures do not include tsx compiling TypeScript. Prints a table and writes bench/reminders.json. See docs/benchmarks.md.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openDb } from '../src/lib/server/db';

const { values } = parseArgs({
	options: {
		db: { type: 'string', default: 'data/bench-synthetic-80000x5.db' },
		on: { type: 'string' },
		out: { type: 'string', default: 'bench/reminders.json' }
	}
});
const TARGET_SECONDS = 10;
const TARGET_MB = 200;
const dbPath = resolve(values.db!);
if (!existsSync(dbPath)) {
	console.error(`${dbPath} does not exist: make it with \`DATABASE_PATH=${values.db} npm run seed:synthetic -- --staff 80000 --years 5\` (about 70 s, 2 GB).`);
	process.exit(2);
}

// Only ever a synthetic database: the next step deletes its mail.
const db = openDb(dbPath);
const seed = db.$client.prepare("select detail from audit_log where action = 'synthetic-seed' order by id desc limit 1").pluck().get() as string | undefined;
if (!seed) {
	console.error(`${dbPath} is not a synthetic London (no synthetic-seed entry in its audit log): not touching it.`);
	process.exit(2);
}
const seeded = JSON.parse(seed) as { staff: number; years: number; today: string };
const today = values.on ?? seeded.today;
db.$client.exec('delete from reminder_keys; delete from mail_outbox; delete from manager_digests; delete from notification_reads;');
db.$client.pragma('wal_checkpoint(TRUNCATE)');
db.$client.close();

mkdirSync('bench/tmp', { recursive: true });
const bundle = resolve('bench/tmp/reminders.mjs');
await build({
	entryPoints: ['scripts/reminders.ts'],
	bundle: true,
	platform: 'node',
	format: 'esm',
	packages: 'external',
	outfile: bundle,
	logLevel: 'warning'
});

type Result = {
	reminders: { messages: number; items: Record<string, number>; deferred: number };
	digests: { messages: number };
	seconds: number;
	planSeconds: number;
	cpuSeconds: number;
	maxRssMb: number;
};
function run(label: string, args: string[]): Result & { label: string; load: number } {
	const load = loadavg()[0];
	const child = spawnSync(process.execPath, [bundle, '--on', today, '--json', ...args], { env: { ...process.env, DATABASE_PATH: dbPath }, encoding: 'utf8' });
	if (child.status !== 0) throw new Error(`${label} failed (${child.status}):\n${child.stderr}`);
	const result = JSON.parse(child.stdout.trim().split('\n').pop()!) as Result;
	return { label, load, ...result };
}

const runs = [run('dry run', ['--dry-run']), run('first run', []), run('second run, same day', [])];
const n = new Intl.NumberFormat('en-GB').format;
console.log(`\nRefresher reminders over ${n(seeded.staff)} staff, ${seeded.years} years, on ${today} (${dbPath})\n`);
console.log('| run | reminders queued | items | planning | whole process (wall) | CPU | peak memory | load |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of runs) {
	const items = Object.values(r.reminders.items).reduce((a, b) => a + b, 0);
	console.log(
		`| ${r.label} | ${n(r.reminders.messages)} | ${n(items)} | ${r.planSeconds.toFixed(2)} s | ${r.seconds.toFixed(2)} s | ${r.cpuSeconds.toFixed(2)} s | ${r.maxRssMb.toFixed(0)} MB | ${r.load.toFixed(1)} |`
	);
}
const [, first, second] = runs;
const problems = [
	...runs.filter((r) => r.seconds >= TARGET_SECONDS).map((r) => `${r.label} took ${r.seconds.toFixed(1)} s (target < ${TARGET_SECONDS} s)`),
	...runs.filter((r) => r.maxRssMb >= TARGET_MB).map((r) => `${r.label} peaked at ${r.maxRssMb.toFixed(0)} MB (target < ${TARGET_MB} MB)`),
	...(second.reminders.messages !== 0 ? [`the second run queued ${second.reminders.messages} reminders (should be 0)`] : []),
	...(first.reminders.messages === 0 ? ['the first run queued nothing'] : [])
];
console.log(
	problems.length
		? `\nShort of the targets: ${problems.join('; ')}`
		: `\nWithin the targets: every run under ${TARGET_SECONDS} s and ${TARGET_MB} MB; the second run queued nothing.`
);
const check = new Database(dbPath, { readonly: true });
const queued = check.prepare("select count(*) from mail_outbox where kind = 'reminder'").pluck().get() as number;
check.close();
mkdirSync(resolve(values.out!, '..'), { recursive: true });
writeFileSync(
	resolve(values.out!),
	JSON.stringify(
		{ at: new Date().toISOString(), db: values.db, today, staff: seeded.staff, years: seeded.years, runs, queuedInOutbox: queued, problems },
		null,
		2
	) + '\n'
);
console.log(`Results written to ${values.out}.`);
process.exit(problems.length ? 1 : 0);
