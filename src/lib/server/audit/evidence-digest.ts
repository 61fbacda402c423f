/**
 * How the audit chain vouches for the evidence ledger. Every evidence row is recorded by an audit entry written in
 * the same transaction: `evidence-record` or `evidence-void` (one row, with the row's digest), or
 * `evidence-bulk-load` (a range of rows loaded at once, with one digest over them all). The verifier recomputes
 * the digests from the evidence table, so a row changed, deleted or added outside the application shows.
 */
import { createHash } from 'node:crypto';

export type EvidenceRow = {
	id: number;
	personId: number;
	competencyId: string;
	kind: string;
	ref: string;
	contentVersion: string | null;
	occurredOn: string;
	recordedAt: number;
	recordedBy: number | null;
	voidsId: number | null;
	reason: string | null;
};

export const EVIDENCE_ROW_SQL =
	'id, person_id as personId, competency_id as competencyId, kind, ref, content_version as contentVersion, occurred_on as occurredOn, recorded_at as recordedAt, recorded_by as recordedBy, voids_id as voidsId, reason';

function canonical(r: EvidenceRow): string {
	return JSON.stringify([r.id, r.personId, r.competencyId, r.kind, r.ref, r.contentVersion, r.occurredOn, r.recordedAt, r.recordedBy, r.voidsId, r.reason]);
}

/** The digest an `evidence-record` or `evidence-void` entry carries: every column of the row. */
export function evidenceDigest(row: EvidenceRow): string {
	return createHash('sha256').update(canonical(row)).digest('hex');
}

/** One digest over consecutive rows, in id order, for `evidence-bulk-load`. */
export function evidenceRangeDigest() {
	const hash = createHash('sha256');
	let rows = 0;
	return {
		add(row: EvidenceRow) {
			hash.update(canonical(row)).update('\n');
			rows++;
		},
		rows: () => rows,
		digest: () => hash.digest('hex')
	};
}

/** What an audit entry says about the evidence ledger. */
export type EvidenceClaim =
	/** One row; `digest` null for an entry written before rows carried digests, when `expected` rebuilds the row from the entry. */
	| { kind: 'row'; evidenceId: number; digest: string | null; expected: (voided: EvidenceRow | undefined) => EvidenceRow | null; voids: number | null }
	| { kind: 'range'; firstId: number; lastId: number; rows: number; digest: string };

export const EVIDENCE_ACTIONS = new Set(['evidence-record', 'evidence-void', 'evidence-bulk-load']);

type Entry = { at: number; actorId: number | null; action: string; entity: string; entityId: string | null; detail: string };

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const num = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);

/**
 * The claim an entry makes, or null when it makes none. Entries from before rows carried digests recorded the
 * row's values (recordEvidence and voidEvidence wrote them, with the entry's time and actor as the row's), so the
 * row is rebuilt from them; a correction copies the voided row's source, which is checked before it.
 */
export function evidenceClaim(entry: Entry): EvidenceClaim | null {
	if (entry.entity !== 'evidence' || !EVIDENCE_ACTIONS.has(entry.action)) return null;
	let d: Record<string, unknown>;
	try {
		d = JSON.parse(entry.detail) as Record<string, unknown>;
	} catch {
		d = {};
	}
	if (entry.action === 'evidence-bulk-load') {
		return { kind: 'range', firstId: num(d.firstId) ?? 0, lastId: num(d.lastId) ?? -1, rows: num(d.rows) ?? -1, digest: str(d.digest) ?? '' };
	}
	const evidenceId = Number(entry.entityId);
	const digest = str(d.digest);
	const base = { id: evidenceId, personId: num(d.personId) ?? -1, competencyId: str(d.competencyId) ?? '', recordedAt: entry.at, recordedBy: entry.actorId };
	if (entry.action === 'evidence-record') {
		const row: EvidenceRow = {
			...base,
			kind: str(d.kind) ?? '',
			ref: str(d.ref) ?? '',
			contentVersion: str(d.version),
			occurredOn: str(d.occurredOn) ?? '',
			voidsId: null,
			reason: null
		};
		return { kind: 'row', evidenceId, digest, expected: () => row, voids: null };
	}
	const voids = num(d.voids);
	return {
		kind: 'row',
		evidenceId,
		digest,
		voids,
		expected: (voided) =>
			voided
				? {
						...base,
						kind: voided.kind,
						ref: voided.ref,
						contentVersion: voided.contentVersion,
						occurredOn: voided.occurredOn,
						voidsId: voids,
						reason: str(d.reason)
					}
				: null
	};
}
