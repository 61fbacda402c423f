import { existsSync } from 'node:fs';
import type { Db } from '../db';
import { checkpointFileFor, readCheckpointFile } from './checkpoint';
import { verifyAuditChain, type ChainCheck } from './verify';

/**
 * Walking the whole chain costs about 15 µs an entry (an HMAC each) and blocks the server while it runs (under two
 * seconds for 100,000 entries), so the audit page reuses a recent verdict rather than walking the chain on every
 * filter change or page turn. The page says when the check ran.
 */
export const CHAIN_CHECK_MAX_AGE_MS = 60_000;

/** `checkpointFile`: the file of checkpoints the log was compared with, when there is one. */
export type ChainStatus = ChainCheck & { checkedAt: Date; checkpointFile: string | null };

let last: { db: Db; status: ChainStatus } | undefined;

export function auditChainStatus(db: Db, now = new Date()): ChainStatus {
	if (last && last.db === db && now.getTime() - last.status.checkedAt.getTime() < CHAIN_CHECK_MAX_AGE_MS) return last.status;
	const file = db.$client.memory ? null : checkpointFileFor(process.env, db.$client.name);
	const checkpointFile = file && existsSync(file) ? file : null;
	const checkpoints = checkpointFile ? readCheckpointFile(checkpointFile) : undefined;
	const status = { ...verifyAuditChain(db, { checkpoints }), checkedAt: now, checkpointFile };
	last = { db, status };
	return status;
}
