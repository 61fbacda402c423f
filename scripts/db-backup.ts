// `npm run db:backup -- <file> [--force]`: copies DATABASE_PATH to <file> with SQLite's online backup API (safe while
// the server runs), then opens the copy and checks it. Exit 0 when the copy checks out, 1 when it was written but
// fails a check, 2 when no backup was made. See docs/operations.md for the schedule and the restore drill.
import { parseArgs } from 'node:util';
import { describeChainProblem } from '../src/lib/server/audit/verify-file';
import { backupDatabase, BackupRefused } from '../src/lib/server/db/backup';

function usage(message: string): never {
	console.error(`${message}\nUsage: npm run db:backup -- <backup file> [--force]`);
	process.exit(2);
}

let parsed;
try {
	parsed = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
} catch (e) {
	usage((e as Error).message);
}
const [target, ...rest] = parsed.positionals;
if (!target || rest.length) usage('Name exactly one file to write the backup to.');

const source = process.env.DATABASE_PATH ?? './data/academy.db';
try {
	const check = await backupDatabase(source, target, { force: parsed.values.force });
	const mb = (check.bytes / 1024 / 1024).toFixed(1);
	console.log(`Backed up ${source} to ${check.path}`);
	console.log(`  size: ${mb} MB (${check.bytes.toLocaleString('en-GB')} bytes)`);
	console.log(`  entries: ${check.auditEntries.toLocaleString('en-GB')} audit entries, ${check.people.toLocaleString('en-GB')} people`);
	console.log(`  integrity_check: ${check.integrity}`);
	console.log(
		check.audit.ok ? `  audit chain: verified, ${check.audit.entries.toLocaleString('en-GB')} entries` : `  audit chain: ${describeChainProblem(check.audit)}`
	);
	if (!check.ok) console.error('The backup was written but does not check out: do not rely on it. Keep the previous one.');
	process.exitCode = check.ok ? 0 : 1;
} catch (e) {
	// A refusal explains itself; anything else (a full disk, say) is named so it can be put right.
	console.error(e instanceof BackupRefused ? e.message : `No backup made: ${(e as Error).message}`);
	process.exitCode = 2;
}
