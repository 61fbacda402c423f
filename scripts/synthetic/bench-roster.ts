import Database from 'better-sqlite3';
import { openDb } from '../../src/lib/server/db';
import { dryRunRoster } from '../../src/lib/server/roster/dry-run';
import { MAX_FILE_BYTES } from '../../src/lib/server/roster/format';
import { benchAccount } from './accounts';

const HEADER = 'workforce_id,name,email,unit,job_role,start_date,leaving_date';
const MARK = ' (roster bench)';

/**
 * Starts the organisation manager's apply of a roster of up to `rows` of the Met's people, each with a changed name
 * (a suffix added, or taken away on the next run, so every run changes every row and the data stays the data), and
 * returns a way to read its progress. The bench then measures other users' pages while it runs.
 */
export async function startRosterApply(origin: string, cookie: string, dbPath: string, rows: number) {
	const db = openDb(dbPath);
	const manager = db.$client.prepare('select id from people where email = ?').pluck().get(benchAccount('orgManager').email) as number;
	const organisationId = db.$client
		.prepare("select organisation_id from role_grants where person_id = ? and role = 'manager' and organisation_id is not null")
		.pluck()
		.get(manager) as number;
	const people = db.$client
		.prepare(
			`select p.workforce_id as w, p.name, p.email, u.name as unit, p.job_role as jobRole, p.start_date as start
			 from people p join units u on u.id = p.unit_id
			 where p.organisation_id = ? and p.status = 'active' and p.id not in (select person_id from role_grants) order by p.id limit ?`
		)
		.all(organisationId, rows) as { w: string; name: string; email: string; unit: string; jobRole: string; start: string }[];
	const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
	const lines = people.map((p) => {
		const name = p.name.endsWith(MARK) ? p.name.slice(0, -MARK.length) : p.name + MARK;
		return [p.w, name, p.email, p.unit, p.jobRole, p.start, ''].map(quote).join(',');
	});
	// No more rows than fit in the largest file a roster import takes.
	let size = HEADER.length + 1;
	const fitting = lines.filter((line) => (size += Buffer.byteLength(line) + 1) <= MAX_FILE_BYTES);
	const bytes = new TextEncoder().encode([HEADER, ...fitting].join('\n') + '\n');
	const dry = dryRunRoster(db, organisationId, bytes, { isAdmin: false, organisationIds: [organisationId] });
	db.$client.close();
	if (!dry.ok || dry.plan.problems.length) throw new Error(`The bench roster does not check: ${dry.ok ? dry.plan.problems[0].message : dry.message}`);

	const form = new FormData();
	form.set('fingerprint', dry.fingerprint);
	form.set('roster', new Blob([bytes], { type: 'text/csv' }), 'bench-roster.csv');
	const response = await fetch(`${origin}/roster/${organisationId}?/apply`, {
		method: 'POST',
		body: form,
		headers: { cookie, origin, accept: 'text/html' },
		redirect: 'manual'
	});
	await response.arrayBuffer();
	// 303: still applying, sent to its progress; 200: a small (smoke) roster that was applied at once.
	if (response.status !== 303 && response.status !== 200) throw new Error(`The roster apply answered ${response.status}`);

	const reader = new Database(dbPath, { readonly: true });
	const progress = () =>
		reader.prepare('select status, done, total from roster_imports where organisation_id = ? order by id desc limit 1').get(organisationId) as {
			status: string;
			done: number;
			total: number;
		};
	return { rows: fitting.length, bytes: bytes.length, progress, close: () => reader.close() };
}
