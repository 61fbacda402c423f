import { and, desc, eq, lt } from 'drizzle-orm';
import { appendAudit } from '../audit/log';
import type { Db } from '../db';
import { rosterImports } from '../db/schema';
import type { Reader } from './context';
import type { countPlan } from './plan';

/** An apply not touched for this long has stopped: the server was stopped or crashed part way through. */
export const STALE_AFTER_MS = 2 * 60 * 1000;

export type ImportCounts = ReturnType<typeof countPlan>;
export type ImportState = {
	id: number;
	status: 'applying' | 'done' | 'failed';
	fileName: string;
	total: number;
	done: number;
	counts: ImportCounts;
	skippedLines: number[];
	message: string | null;
	startedAt: Date;
	finishedAt: Date | null;
};

const INTERRUPTED =
	'The import stopped part way through (the server was restarted). The rows before that point were applied; check the file again and apply it to finish: rows already applied show as unchanged.';

function stateOf(row: typeof rosterImports.$inferSelect): ImportState {
	return {
		id: row.id,
		status: row.status,
		fileName: row.fileName,
		total: row.total,
		done: row.done,
		counts: JSON.parse(row.counts) as ImportCounts,
		skippedLines: JSON.parse(row.skippedLines) as number[],
		message: row.message,
		startedAt: row.startedAt,
		finishedAt: row.finishedAt
	};
}

/** The newest import of an organisation, after marking an interrupted one as failed. */
export function latestImport(db: Db, organisationId: number, now = new Date()): ImportState | undefined {
	failStaleImports(db, organisationId, now);
	const row = db.select().from(rosterImports).where(eq(rosterImports.organisationId, organisationId)).orderBy(desc(rosterImports.id)).limit(1).get();
	return row && stateOf(row);
}

export function importById(db: Reader, id: number): ImportState | undefined {
	const row = db.select().from(rosterImports).where(eq(rosterImports.id, id)).get();
	return row && stateOf(row);
}

/**
 * Claims the organisation's one import slot: the partial unique index refuses a second row that is applying, even
 * from another process. Returns the running import instead when there is one.
 */
export function claimImport(
	db: Db,
	input: { organisationId: number; actorId: number; fileName: string; sha256: string; counts: ImportCounts },
	now = new Date()
): { ok: true; id: number } | { ok: false; running: ImportState } {
	failStaleImports(db, input.organisationId, now);
	try {
		const row = db
			.insert(rosterImports)
			.values({
				organisationId: input.organisationId,
				actorId: input.actorId,
				fileName: input.fileName,
				sha256: input.sha256,
				status: 'applying',
				total: input.counts.toChange,
				done: 0,
				counts: JSON.stringify(input.counts),
				startedAt: now,
				updatedAt: now
			})
			.returning({ id: rosterImports.id })
			.get();
		return { ok: true, id: row.id };
	} catch (e) {
		if (!/UNIQUE constraint failed/.test(String(e))) throw e;
		const running = db
			.select()
			.from(rosterImports)
			.where(and(eq(rosterImports.organisationId, input.organisationId), eq(rosterImports.status, 'applying')))
			.get();
		if (!running) throw e;
		return { ok: false, running: stateOf(running) };
	}
}

/** Moves an import on by a chunk, inside that chunk's transaction. */
export function recordProgress(tx: Reader, id: number, done: number, skippedLines: number[], now: Date) {
	tx.update(rosterImports)
		.set({ done, skippedLines: JSON.stringify(skippedLines), updatedAt: now })
		.where(eq(rosterImports.id, id))
		.run();
}

export function finishImport(tx: Reader, id: number, now: Date) {
	tx.update(rosterImports).set({ status: 'done', finishedAt: now, updatedAt: now }).where(eq(rosterImports.id, id)).run();
}

/** Marks an import failed, with an audit entry saying how far it got; what it applied before stays applied. */
export function failImport(db: Db, id: number, message: string, now = new Date()) {
	db.transaction((tx) => {
		const row = tx.select().from(rosterImports).where(eq(rosterImports.id, id)).get();
		if (!row || row.status !== 'applying') return;
		tx.update(rosterImports).set({ status: 'failed', message, finishedAt: now, updatedAt: now }).where(eq(rosterImports.id, id)).run();
		appendAudit(tx, {
			actorId: row.actorId,
			action: 'roster-import-stopped',
			entity: 'organisation',
			entityId: row.organisationId,
			detail: { file: row.fileName, sha256: row.sha256, applied: row.done, of: row.total, reason: message },
			at: now
		});
	});
}

function failStaleImports(db: Db, organisationId: number, now: Date) {
	const stale = db
		.select({ id: rosterImports.id })
		.from(rosterImports)
		.where(
			and(
				eq(rosterImports.organisationId, organisationId),
				eq(rosterImports.status, 'applying'),
				lt(rosterImports.updatedAt, new Date(now.getTime() - STALE_AFTER_MS))
			)
		)
		.all();
	for (const { id } of stale) failImport(db, id, INTERRUPTED, now);
}
