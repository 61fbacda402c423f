// `npm run people:anonymise -- --before <YYYY-MM-DD> [--apply]`
// Erasure at the end of retention: lists how many people who left before the date would be anonymised, and how many
// rows of each kind would be deleted; with --apply, does it in one transaction with one audit entry. See
// docs/data-protection.md.
import { parseArgs } from 'node:util';
import { openDb } from '../src/lib/server/db';
import { londonToday } from '../src/lib/server/competency/dates';
import { anonymiseLeavers, planAnonymisation } from '../src/lib/server/people/anonymise';
import { retentionDateError } from '../src/lib/server/people/anonymise-input';

const { values } = parseArgs({ options: { before: { type: 'string' }, apply: { type: 'boolean', default: false } } });
const problem = retentionDateError(values.before, londonToday());
if (problem) {
	console.error(`${problem}\nUsage: npm run people:anonymise -- --before <YYYY-MM-DD> [--apply]`);
	process.exit(2);
}
const before = values.before!;
const db = openDb(process.env.DATABASE_PATH ?? './data/academy.db');
const show = (counts: Record<string, number>) =>
	Object.entries(counts)
		.map(([k, v]) => `  ${k.padEnd(20)} ${v}`)
		.join('\n');
if (!values.apply) {
	console.log(`Dry run: people who left before ${before} and are not yet anonymised, and what would go:\n${show(planAnonymisation(db, before))}`);
	console.log('Nothing was changed. Run again with --apply to anonymise them.');
} else {
	const { counts } = anonymiseLeavers(db, { before, actorId: null });
	console.log(`Anonymised people who left before ${before}:\n${show(counts)}\nOne audit entry (people-anonymise) records the run.`);
}
db.$client.close();
