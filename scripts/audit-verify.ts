// `npm run audit:verify -- [--key-file <file>] [--checkpoints <file>]... [--no-checkpoints] [--allow-unkeyed]`:
// checks the audit log's keyed hash chain in DATABASE_PATH, and the evidence ledger against it, read-only.
// Exit 0 when every check passes, 1 when something was changed or removed (naming the first problem), 2 when it
// cannot be checked. See docs/audit.md for what is and is not detected.
import { parseArgs } from 'node:util';
import { verifyAuditFile } from '../src/lib/server/audit/verify-file';

const USAGE = `Usage: npm run audit:verify -- [options]
  --key-file <file>      audit keys, one a line, oldest first (default: AUDIT_KEY, AUDIT_KEY_FILE, or <database>.audit-key)
  --checkpoints <file>   checkpoint lines to compare with: the checkpoint file, or a copy of the server's log; may be repeated
                         (default: AUDIT_CHECKPOINT_FILE, or <database>.audit-checkpoints when it exists)
  --no-checkpoints       compare with no checkpoints (a backup taken before the newest checkpoints)
  --allow-unkeyed        accept a log none of whose entries is keyed (a copy from before the chain was keyed)`;

let values;
try {
	({ values } = parseArgs({
		options: {
			'key-file': { type: 'string' },
			checkpoints: { type: 'string', multiple: true },
			'no-checkpoints': { type: 'boolean', default: false },
			'allow-unkeyed': { type: 'boolean', default: false },
			help: { type: 'boolean', default: false }
		}
	}));
} catch (e) {
	console.error(`${(e as Error).message}\n${USAGE}`);
	process.exit(2);
}
if (values.help) {
	console.log(USAGE);
	process.exit(0);
}

const verdict = verifyAuditFile(process.env.DATABASE_PATH ?? './data/academy.db', {
	keyFile: values['key-file'],
	checkpointFiles: values.checkpoints,
	noCheckpoints: values['no-checkpoints'],
	allowUnkeyed: values['allow-unkeyed']
});
(verdict.exitCode === 0 ? console.log : console.error)(verdict.message);
process.exitCode = verdict.exitCode;
