/**
 * Checkpoints anchor the head of the audit chain outside the database. The keyed chain stops anyone without the key
 * from changing or adding entries, but not from deleting the newest ones: only a record of how far the log had got,
 * kept somewhere else, shows that. The server appends a signed line (entry count, last id, last hash) to a file and
 * prints it to its log every ten minutes when the log has grown; the verifier, given those lines, reports a log
 * that is shorter than a checkpoint or differs from it.
 */
import { HMAC } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type Database from 'better-sqlite3';
import { appendFileSync, closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AuditKey, AuditKeyring } from './keys';
import { LAST_ENTRY_SQL } from './log';

export type CheckpointFields = { at: Date; entries: number; lastId: number; head: string; keyId: string };
export type Checkpoint = CheckpointFields & { mac: string; source: string; line: number };

const PREFIX = 'audit-checkpoint v1';
const PATTERN = /audit-checkpoint v1 at=(\S+) entries=(\d+) last=(\d+) head=([0-9a-f]{64}) key=([0-9a-f]{16}) mac=([0-9a-f]{64})/;

export const defaultCheckpointFile = (databasePath: string) => `${resolve(databasePath)}.audit-checkpoints`;
export const checkpointFileFor = (env: Record<string, string | undefined>, databasePath: string) =>
	env.AUDIT_CHECKPOINT_FILE?.trim() || defaultCheckpointFile(databasePath);

function unsigned(f: CheckpointFields): string {
	return `${PREFIX} at=${f.at.toISOString()} entries=${f.entries} last=${f.lastId} head=${f.head} key=${f.keyId}`;
}

function macOf(key: AuditKey, text: string): string {
	const mac = new HMAC(SHA256, key.secret);
	mac.update(new TextEncoder().encode(text));
	return encodeHexLowerCase(mac.digest());
}

export function signCheckpoint(key: AuditKey, fields: Omit<CheckpointFields, 'keyId'>): string {
	const text = unsigned({ ...fields, keyId: key.id });
	return `${text} mac=${macOf(key, text)}`;
}

/** Whether a checkpoint was signed by one of the keys; null when its key is not among them. */
export function checkpointSignatureValid(cp: Checkpoint, ring: AuditKeyring): boolean | null {
	const key = ring.keys.find((k) => k.id === cp.keyId);
	return key ? macOf(key, unsigned(cp)) === cp.mac : null;
}

export type CheckpointRead = { checkpoints: Checkpoint[]; problems: string[] };

/**
 * Finds checkpoint lines anywhere in a text: the checkpoint file, or the server's log as shipped elsewhere (each
 * printed line carries one). A line that mentions a checkpoint but does not parse is a problem to report.
 */
export function parseCheckpoints(text: string, source: string): CheckpointRead {
	const checkpoints: Checkpoint[] = [];
	const problems: string[] = [];
	text.split('\n').forEach((lineText, i) => {
		if (!lineText.includes(PREFIX)) return;
		const m = PATTERN.exec(lineText);
		const at = m ? new Date(m[1]) : null;
		if (!m || !at || Number.isNaN(at.getTime())) {
			problems.push(`${source} line ${i + 1} looks like a checkpoint but cannot be read`);
			return;
		}
		checkpoints.push({ at, entries: Number(m[2]), lastId: Number(m[3]), head: m[4], keyId: m[5], mac: m[6], source, line: i + 1 });
	});
	return { checkpoints, problems };
}

export function readCheckpointFile(path: string): CheckpointRead {
	return parseCheckpoints(readFileSync(path, 'utf8'), path);
}

/** The newest checkpoint in a file, from its last few kilobytes: the file grows by a line every ten minutes. */
function lastCheckpointIn(path: string): Checkpoint | undefined {
	if (!existsSync(path)) return undefined;
	const fd = openSync(path, 'r');
	try {
		const size = fstatSync(fd).size;
		const length = Math.min(size, 8192);
		const buffer = Buffer.alloc(length);
		readSync(fd, buffer, 0, length, size - length);
		return parseCheckpoints(buffer.toString('utf8'), path).checkpoints.at(-1);
	} finally {
		closeSync(fd);
	}
}

export type CheckpointOutcome = { line: string | null; warning: string | null };

/**
 * Writes a checkpoint of the log as it is now, unless the newest one in the file already says the same. First it
 * compares the log with that newest checkpoint, and warns when the log no longer reaches or matches it.
 */
export function writeCheckpoint(client: Database.Database, ring: AuditKeyring, path: string, now = new Date()): CheckpointOutcome {
	const newest = client.prepare(LAST_ENTRY_SQL).get() as { id: number; hash: string } | undefined;
	if (!newest) return { line: null, warning: null };
	const previous = lastCheckpointIn(path);
	let warning: string | null = null;
	if (previous) {
		const valid = checkpointSignatureValid(previous, ring);
		const then = client.prepare('select hash from audit_log where id = ?').pluck().get(previous.lastId) as string | undefined;
		if (!valid) warning = `The newest checkpoint in ${path} (line ${previous.line}) is not signed by any configured audit key.`;
		else if (then === undefined)
			warning = `The audit log ends at entry #${newest.id}, but the checkpoint of ${previous.at.toISOString()} recorded entries up to #${previous.lastId}: entries were deleted. Run npm run audit:verify.`;
		else if (then !== previous.head)
			warning = `Audit entry #${previous.lastId} differs from the checkpoint of ${previous.at.toISOString()}: the log was rewritten. Run npm run audit:verify.`;
		if (!warning && previous.lastId === newest.id) return { line: null, warning: null };
	}
	// Counted up to the newest entry read above, not whatever has been appended since.
	const entries = client.prepare('select count(*) from audit_log where id <= ?').pluck().get(newest.id) as number;
	const line = signCheckpoint(ring.current, { at: now, entries, lastId: newest.id, head: newest.hash });
	appendFileSync(path, `${line}\n`, { mode: 0o640 });
	return { line, warning };
}
