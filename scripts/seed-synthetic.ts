// `npm run seed:synthetic -- --staff 80000 --years 5`: fills DATABASE_PATH with a deterministic synthetic London
// for benchmarks. Refuses a database that already holds organisations unless --force, which starts it afresh.
import { existsSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { hashPassword } from '../src/lib/server/auth/password';
import { loadContentFromDisk } from '../src/lib/server/content/disk';
import { openDb } from '../src/lib/server/db';
import { BENCH_PASSWORD } from './synthetic/accounts';
import { prepareContent } from './synthetic/content';
import { progressBar } from './synthetic/progress';
import { seedSynthetic } from './synthetic/seed';

const { values } = parseArgs({
	options: {
		staff: { type: 'string', default: '80000' },
		years: { type: 'string', default: '5' },
		seed: { type: 'string', default: '2013' },
		today: { type: 'string' },
		force: { type: 'boolean', default: false },
		quiet: { type: 'boolean', default: false }
	}
});
const staff = Number(values.staff);
const years = Number(values.years);
const seed = Number(values.seed);
if (!Number.isInteger(staff) || staff < 50 || staff > 500_000) throw new Error('--staff must be a whole number from 50 to 500000');
if (!Number.isInteger(years) || years < 1 || years > 20) throw new Error('--years must be a whole number from 1 to 20');
if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
const now = values.today ? new Date(`${values.today}T12:00:00Z`) : new Date();
if (Number.isNaN(now.getTime())) throw new Error('--today must be a date, YYYY-MM-DD');

const path = process.env.DATABASE_PATH ?? './data/academy.db';
const started = Date.now();
if (existsSync(path)) {
	const existing = openDb(path);
	const { n } = existing.$client.prepare('select count(*) as n from organisations').get() as { n: number };
	existing.$client.close();
	if (n > 0 && !values.force) {
		console.error(`${path} already holds ${n} organisation${n === 1 ? '' : 's'}: not seeding. Use --force to delete it and start again.`);
		process.exit(1);
	}
	// The checkpoints describe the log being deleted; the key file (if generated) is kept and reused.
	if (n > 0) for (const f of [path, `${path}-wal`, `${path}-shm`, `${path}.audit-checkpoints`]) rmSync(f, { force: true });
}

const db = openDb(path);
// A throwaway bulk load: no fsync, a big cache. The database is consistent once the script exits.
db.$client.pragma('synchronous = OFF');
db.$client.pragma('cache_size = -262144');
db.$client.pragma('temp_store = MEMORY');
const [content, passwordHash] = await Promise.all([loadContentFromDisk(), hashPassword(BENCH_PASSWORD)]);
const bar = values.quiet ? null : progressBar('Seeding people');
let stage = '';
const result = seedSynthetic(db, prepareContent(content), {
	staff,
	years,
	seed,
	now,
	passwordHash,
	onProgress: (done, total, label) => {
		if (label && label !== stage && !values.quiet) process.stderr.write(`${(stage = label)}…\n`);
		else bar?.update(done, total);
	}
});
db.$client.pragma('wal_checkpoint(TRUNCATE)');
db.$client.exec('analyze');
db.$client.close();

const c = result.counts;
const n = (x: number) => x.toLocaleString('en-GB');
console.log(`Seeded synthetic London into ${path} in ${((Date.now() - started) / 1000).toFixed(1)} s (today ${result.today}, seed ${seed}):`);
console.log(`  ${n(c.organisations)} organisations, ${n(c.units)} units, ${n(c.people)} people (${n(c.leavers)} left), ${n(c.roleGrants)} role grants`);
console.log(
	`  ${n(c.moduleCompletions)} module completions (${n(c.quizAttempts)} quiz attempts), ${n(c.scenarioRuns)} scenario runs (${n(c.scenarioSteps)} steps), ${n(c.assessments)} observed assessments`
);
console.log(`  ${n(c.evidence)} evidence records, ${n(c.competencyStatus)} competency statuses, ${n(c.competencyCycles)} cycles`);
console.log(`  ${n(c.practicalSessions)} practical sessions with ${n(c.practicalBookings)} bookings, ${n(c.surveyResponses)} survey answers`);
console.log(`  Metropolitan Police Service: ${n(result.mpsPeople)} people; bench unit: ${result.benchUnit.name} (${n(result.benchUnit.people)} people)`);
console.log(`\nBench accounts (password: ${BENCH_PASSWORD}):`);
for (const a of result.accounts) console.log(`  ${a.email.padEnd(36)} ${a.describe} (${a.unitName})`);
