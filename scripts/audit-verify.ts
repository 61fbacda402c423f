// `npm run audit:verify`: checks the audit log's hash chain in DATABASE_PATH, read-only.
// Exit 0 when every entry is intact, 1 when the chain is broken (naming the first bad entry), 2 when it cannot be checked.
import { verifyAuditFile } from '../src/lib/server/audit/verify-file';

const verdict = verifyAuditFile(process.env.DATABASE_PATH ?? './data/academy.db');
(verdict.exitCode === 0 ? console.log : console.error)(verdict.message);
process.exitCode = verdict.exitCode;
