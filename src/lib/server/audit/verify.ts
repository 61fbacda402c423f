import type Database from 'better-sqlite3';
import type { Db } from '../db';
import { checkpointSignatureValid, type Checkpoint, type CheckpointRead } from './checkpoint';
import { EVIDENCE_ROW_SQL, evidenceClaim, evidenceDigest, evidenceRangeDigest, type EvidenceClaim, type EvidenceRow } from './evidence-digest';
import { auditKeyringFor, type AuditKey, type AuditKeyring } from './keys';
import { GENESIS, keyedHash, SEQUENCE_SQL, unkeyedHash, type EntryContents } from './log';

export type VerifyOptions = {
	/** The keys to check keyed entries with; by default the connection's own (the environment, or the key file beside the database). */
	keyring?: AuditKeyring;
	/** Checkpoints kept outside the database, read with readCheckpointFile; without them, deleting the newest entries cannot be seen. */
	checkpoints?: CheckpointRead;
	/** Accept a log none of whose entries is keyed (a backup from before the chain was keyed). */
	allowUnkeyed?: boolean;
};

export type ChainVerified = {
	ok: true;
	entries: number;
	/** The first keyed entry: every entry before it was written before the chain was keyed, and is sealed by it. */
	keyedFrom: number | null;
	/** The ids of the keys that signed entries, oldest first. */
	keyIds: string[];
	/** Evidence rows checked against the audit entries that recorded them. */
	evidenceRows: number;
	/** Null when no checkpoints were given. */
	checkpoints: { matched: number; newest: { at: Date; lastId: number } | null } | null;
};

/** `brokenAt`, `at` and `action` name the audit entry where the problem shows, when there is one. */
export type ChainBroken = {
	ok: false;
	entries: number;
	brokenAt: number | null;
	at: Date | null;
	action: string | null;
	reason: string;
	/** The check could not be made (no key for keyed entries): not evidence of tampering by itself. */
	unverifiable?: true;
};

export type ChainCheck = ChainVerified | ChainBroken;

type StoredEntry = EntryContents & { id: number; prevHash: string; hash: string; keyId: string | null };

/**
 * Walks the audit log in id order and checks, for every entry: that ids run on without a gap from 1, that it links
 * to the one before, its HMAC under the key it names (or, for entries from before the chain was keyed, its plain
 * hash, and that none follows a keyed one), that keys are used in the order they were configured, and that it
 * matches any checkpoint taken at it. Evidence rows are checked against the entries that recorded them, in the
 * same pass. Then: that the log has keyed entries, and that nothing is missing from its end (SQLite's id counter,
 * the checkpoints) or from the end of the evidence ledger. Reports the first problem found.
 * Only the raw client is needed, so a read-only connection (scripts/audit-verify.ts) can be checked too.
 */
export function verifyAuditChain(db: Pick<Db, '$client'>, options: VerifyOptions = {}): ChainCheck {
	// One read transaction: the log, the ledger and the id counters as of one moment, however busy the server is.
	// (Checkpoints are read before it starts, so none can record an entry this snapshot lacks.)
	return db.$client.transaction(() => verifySnapshot(db.$client, options))();
}

function verifySnapshot(client: Database.Database, options: VerifyOptions): ChainCheck {
	let ring: AuditKeyring | null = null;
	let keyProblem = '';
	try {
		ring = options.keyring ?? auditKeyringFor(client);
	} catch (e) {
		keyProblem = (e as Error).message;
	}
	const keys = new Map<string, { key: AuditKey; order: number }>((ring?.keys ?? []).map((key, order) => [key.id, { key, order }]));

	const checkpoints = checkpointsByLastId(options.checkpoints, ring);
	if ('problem' in checkpoints)
		return {
			ok: false,
			entries: 0,
			brokenAt: null,
			at: null,
			action: null,
			reason: checkpoints.problem,
			...(checkpoints.unverifiable ? { unverifiable: true as const } : {})
		};

	const ledger = evidenceCursor(client);
	let count = 0;
	let prevId = 0;
	let prevHash = GENESIS;
	let keyedFrom: number | null = null;
	let lastKeyOrder = -1;
	const keyIds: string[] = [];
	let matched = 0;
	const fail = (r: StoredEntry | null, reason: string, unverifiable = false): ChainBroken => ({
		ok: false,
		entries: count,
		brokenAt: r?.id ?? null,
		at: r ? new Date(r.at) : null,
		action: r?.action ?? null,
		reason,
		...(unverifiable ? { unverifiable: true as const } : {})
	});
	try {
		// Iterate rather than load: the log grows without bound.
		const rows = client
			.prepare(
				'select id, at, actor_id as actorId, action, entity, entity_id as entityId, detail, prev_hash as prevHash, hash, key_id as keyId from audit_log order by id'
			)
			.iterate() as IterableIterator<StoredEntry>;
		for (const r of rows) {
			count++;
			if (r.id !== prevId + 1)
				return fail(r, r.id === prevId + 2 ? `entry #${prevId + 1} before it is missing` : `entries #${prevId + 1} to #${r.id - 1} before it are missing`);
			if (r.prevHash !== prevHash) return fail(r, 'link to the previous entry does not match');
			if (r.keyId === null) {
				if (keyedFrom !== null)
					return fail(r, `it is not keyed, but the chain is keyed from entry #${keyedFrom}: it was added or rewritten outside the application`);
				if (unkeyedHash(prevHash, r) !== r.hash) return fail(r, 'contents do not match the stored hash');
			} else {
				const known = keys.get(r.keyId);
				if (!known)
					return fail(
						r,
						ring
							? `it is signed with key ${r.keyId}, which is not among the keys given (${ring.source})`
							: `it is keyed, and there is no key to check it with: ${keyProblem}`,
						true
					);
				if (known.order < lastKeyOrder)
					return fail(r, `it is signed with key ${r.keyId}, which was retired before an earlier entry was signed with a newer key`);
				if (keyedHash(known.key, r.id, prevHash, r) !== r.hash) return fail(r, 'contents do not match the stored HMAC');
				keyedFrom ??= r.id;
				if (known.order !== lastKeyOrder) keyIds.push(r.keyId);
				lastKeyOrder = known.order;
			}
			for (const cp of checkpoints.map.get(r.id) ?? []) {
				if (cp.head !== r.hash || cp.entries !== count)
					return fail(r, `it differs from the checkpoint of ${cp.at.toISOString()} (${cp.source} line ${cp.line}): the log was rewritten up to here`);
				matched++;
			}
			const claim = evidenceClaim(r);
			if (claim) {
				const problem = ledger.take(claim);
				if (problem) return fail(r, problem);
			}
			prevHash = r.hash;
			prevId = r.id;
		}
		if (keyedFrom === null && count > 0 && !options.allowUnkeyed)
			return fail(
				null,
				`none of the ${count} entries is keyed: anyone with the database could have written them. A log the server has run on since the chain was keyed always ends in keyed entries, so it was rewritten, unless it is a copy from before then`
			);
		const sequence = (client.prepare(SEQUENCE_SQL).pluck().get() as number | undefined) ?? 0;
		if (sequence > prevId)
			return fail(
				null,
				`the log ends at entry #${prevId}, but SQLite gave out ids up to #${sequence}: the newest ${sequence - prevId === 1 ? 'entry was' : `${sequence - prevId} entries were`} deleted`
			);
		const ledgerEnd = ledger.finish();
		if (ledgerEnd) return fail(null, ledgerEnd);
		const beyond = checkpoints.all.filter((cp) => cp.lastId > prevId).sort((a, b) => b.lastId - a.lastId)[0];
		if (beyond)
			return fail(
				null,
				`the log ends at entry #${prevId}, but the checkpoint of ${beyond.at.toISOString()} (${beyond.source} line ${beyond.line}) recorded ${beyond.entries} entries up to #${beyond.lastId}: entries were deleted from the end`
			);
	} finally {
		ledger.close();
	}
	const newest = checkpoints.all.reduce<Checkpoint | null>((a, b) => (!a || b.lastId > a.lastId || (b.lastId === a.lastId && b.at > a.at) ? b : a), null);
	return {
		ok: true,
		entries: count,
		keyedFrom,
		keyIds,
		evidenceRows: ledger.checked(),
		checkpoints: options.checkpoints ? { matched, newest: newest ? { at: newest.at, lastId: newest.lastId } : null } : null
	};
}

type CheckpointIndex = { map: Map<number, Checkpoint[]>; all: Checkpoint[] } | { problem: string; unverifiable: boolean };

function checkpointsByLastId(read: CheckpointRead | undefined, ring: AuditKeyring | null): CheckpointIndex {
	const map = new Map<number, Checkpoint[]>();
	if (!read) return { map, all: [] };
	if (read.problems.length) return { problem: `${read.problems[0]}: the checkpoints were altered`, unverifiable: false };
	for (const cp of read.checkpoints) {
		const valid = ring ? checkpointSignatureValid(cp, ring) : null;
		if (valid === null)
			return {
				problem: `the checkpoint at ${cp.source} line ${cp.line} is signed with key ${cp.keyId}, which is not among the keys given`,
				unverifiable: true
			};
		if (!valid)
			return { problem: `the checkpoint at ${cp.source} line ${cp.line} does not match its signature: the checkpoints were altered`, unverifiable: false };
		const list = map.get(cp.lastId) ?? [];
		list.push(cp);
		map.set(cp.lastId, list);
	}
	return { map, all: read.checkpoints };
}

/**
 * The evidence ledger read in id order beside the audit log. Entries record evidence rows in the order the rows were
 * written (each row and its entry share a transaction), so the two are walked together: a claim for a row further
 * on than the next unclaimed row means that row has no entry; a claim for a row already passed means it is gone.
 */
function evidenceCursor(client: Database.Database) {
	const iterator = client.prepare(`select ${EVIDENCE_ROW_SQL} from evidence order by id`).iterate() as IterableIterator<EvidenceRow>;
	const byId = client.prepare(`select ${EVIDENCE_ROW_SQL} from evidence where id = ?`);
	let current = iterator.next();
	let checked = 0;
	let lastId = 0;
	const advance = () => {
		lastId = (current.value as EvidenceRow).id;
		checked++;
		current = iterator.next();
	};
	const unclaimed = (id: number) => `evidence #${id} has no audit entry: it was added outside the application`;
	return {
		take(claim: EvidenceClaim): string | null {
			const first = claim.kind === 'row' ? claim.evidenceId : claim.firstId;
			if (first <= lastId) return `it records evidence #${first}, but the ledger had already passed that id: the entries or the ledger were rewritten`;
			if (!current.done && current.value.id < first) return unclaimed(current.value.id);
			if (current.done || current.value.id > first) return `evidence #${first}, which this entry recorded, is missing from the ledger: it was deleted`;
			if (claim.kind === 'row') {
				const row = current.value;
				const voided = claim.voids === null ? undefined : (byId.get(claim.voids) as EvidenceRow | undefined);
				const expected =
					claim.digest ??
					(() => {
						const rebuilt = claim.expected(voided);
						return rebuilt ? evidenceDigest(rebuilt) : null;
					})();
				if (evidenceDigest(row) !== expected) return `evidence #${row.id} is not what this entry recorded: it was changed outside the application`;
				advance();
				return null;
			}
			const range = evidenceRangeDigest();
			while (!current.done && current.value.id <= claim.lastId) {
				range.add(current.value);
				advance();
			}
			if (range.rows() !== claim.rows || claim.lastId - claim.firstId + 1 !== claim.rows || range.digest() !== claim.digest)
				return `evidence #${claim.firstId} to #${claim.lastId} is not what this bulk load recorded: rows were changed, added or deleted`;
			return null;
		},
		/** The ledger after the last claim: any row left has no entry; ids given out past the last row were deleted. */
		finish(): string | null {
			if (!current.done) return unclaimed(current.value.id);
			const sequence = (client.prepare("select seq from sqlite_sequence where name = 'evidence'").pluck().get() as number | undefined) ?? 0;
			if (sequence > lastId) return `the evidence ledger ends at #${lastId}, but SQLite gave out ids up to #${sequence}: the newest evidence was deleted`;
			return null;
		},
		checked: () => checked,
		close: () => iterator.return?.()
	};
}
