// `npm run db:status-rule`: writes a new migration re-creating the status_counts triggers when the status rule
// (src/lib/server/competency/status-rule.ts) no longer matches the newest one. With --check it only says
// whether that migration is current (exit 1 when not), changing nothing.
import { syncStatusMigration } from './status-migration';

const check = process.argv.includes('--check');
const outcome = syncStatusMigration('drizzle', !check);
if (outcome.status === 'current') console.log(`drizzle/${outcome.file} is current with the status rule.`);
else if (outcome.status === 'written') console.log(`Wrote drizzle/${outcome.file} from the status rule: commit it with the rule.`);
else {
	console.error(`drizzle/${outcome.file ?? '(none)'} does not match the status rule: run npm run db:status-rule and commit the new migration.`);
	process.exitCode = 1;
}
