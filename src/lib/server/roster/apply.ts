import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit/log';
import { queueActivation } from '../auth/activation';
import { invalidatePersonSessions } from '../auth/session';
import { refreshPerson } from '../competency/ledger';
import type { AssignmentContent } from '../assignments/titles';
import type { Db } from '../db';
import { people } from '../db/schema';
import { resumeAssignmentsOnReturn } from '../assignments/store';
import { endGrantsOnLeaving } from '../people/leaving';
import { loadRosterContext, type Reader, type RosterImporter } from './context';
import { logger } from '../ops/logger';
import { fileDigest } from './fingerprint';
import type { DryRun } from './dry-run';
import type { RawRow } from './format';
import { claimImport, failImport, finishImport, importById, recordProgress, type ImportState } from './imports-store';
import { countPlan, planRoster, type FieldChange, type PlannedRow, type RosterPlan } from './plan';
import { workerTasks, type RosterTasks } from './tasks';

export type ApplyInput = {
	actorId: number;
	importer: RosterImporter;
	organisationId: number;
	bytes: Uint8Array;
	fileName: string;
	/** The fingerprint of the plan the person saw in the dry run. */
	fingerprint: string;
};

export type ApplyOutcome =
	/** Nothing to change: nothing written. */
	| { ok: true; counts: ReturnType<typeof countPlan>; importId?: undefined }
	/** Started: `finished` settles when the last chunk is in (or the import failed), with the import's final state. */
	| { ok: true; counts: ReturnType<typeof countPlan>; importId: number; finished: Promise<ImportState> }
	/** Refused; when the file could be read, with a fresh dry run to show instead. */
	| { ok: false; message: string; dryRun?: Extract<DryRun, { ok: true }> };

export type ApplyOptions = { now?: () => Date; tasks?: RosterTasks; chunkSize?: number };

/** People changed per transaction: small enough that other requests wait at most a moment for the write lock. */
export const APPLY_CHUNK = 250;

/**
 * Applies a roster in chunks. The file is parsed and the plan re-made (in a worker thread) from the records as they
 * are now; it is applied only if it is exactly the plan the dry run showed. Then each chunk of rows runs in a
 * transaction of its own, re-checked against the records as they are at that moment, and the event loop is given
 * back between chunks, so that other requests are served while a 50,000-row roster is applied. Progress is kept in
 * `roster_imports`, which also allows one import per organisation at a time.
 */
export async function applyRoster(db: Db, content: AssignmentContent, input: ApplyInput, options: ApplyOptions = {}): Promise<ApplyOutcome> {
	const clock = options.now ?? (() => new Date());
	const tasks = options.tasks ?? workerTasks;
	const parsed = await tasks.parse(input.bytes);
	if (!parsed.ok) return { ok: false, message: parsed.message };
	const context = loadRosterContext(db, input.organisationId, parsed.rows, input.importer);
	if (!context) return { ok: false, message: 'This organisation no longer exists.' };
	const { plan, fingerprint } = await tasks.plan(parsed, context);
	const again = { dryRun: { ok: true as const, plan, fingerprint, ignoredColumns: parsed.ignoredColumns, units: context.units } };
	if (plan.problems.length)
		return {
			ok: false,
			message: 'Nothing has been changed: the file has rows with problems. Correct every row listed below, then check the file again.',
			...again
		};
	if (fingerprint !== input.fingerprint)
		return {
			ok: false,
			message:
				'Nothing has been changed: this file, or the records, are not the same as when the file was checked. Here is what the file would change now; check it before applying.',
			...again
		};
	const counts = countPlan(plan);
	// Applying a roster that changes nothing writes nothing, not even the summary, so a re-import is a true no-op.
	if (counts.toChange === 0) return { ok: true, counts };
	const sha256 = fileDigest(input.bytes);
	const claim = claimImport(db, { organisationId: context.organisation.id, actorId: input.actorId, fileName: input.fileName, sha256, counts }, clock());
	if (!claim.ok)
		return {
			ok: false,
			message: `Nothing has been changed: another roster import for ${context.organisation.name} (${claim.running.fileName}) is being applied, ${claim.running.done.toLocaleString('en-GB')} of ${claim.running.total.toLocaleString('en-GB')} rows so far. Wait for it to finish, then check this file again.`
		};
	const run = { importId: claim.id, plan, rows: parsed.rows, sha256, counts, chunkSize: options.chunkSize ?? APPLY_CHUNK, clock };
	const finished = applyChunks(db, content, input, run).catch((e: unknown) => {
		logger.error({ err: e, importId: claim.id }, 'roster import failed');
		failImport(
			db,
			claim.id,
			`The import stopped part way through: ${e instanceof Error ? e.message : String(e)}. The rows before that point were applied; check the file again and apply it to finish.`,
			clock()
		);
		return importById(db, claim.id)!;
	});
	return { ok: true, counts, importId: claim.id, finished };
}

type Run = { importId: number; plan: RosterPlan; rows: RawRow[]; sha256: string; counts: ReturnType<typeof countPlan>; chunkSize: number; clock: () => Date };

async function applyChunks(db: Db, content: AssignmentContent, input: ApplyInput, run: Run): Promise<ImportState> {
	const changing = run.plan.planned.filter((p) => p.kind === 'create' || p.kind === 'update' || p.kind === 'leave' || p.kind === 'reinstate');
	const rawByLine = new Map(run.rows.map((r) => [r.line, r]));
	const skipped: number[] = [];
	for (let start = 0; start < changing.length; start += run.chunkSize) {
		// Give the event loop back first: requests that arrived meanwhile are answered before the next write.
		await new Promise((resolve) => setImmediate(resolve));
		const chunk = changing.slice(start, start + run.chunkSize);
		const last = start + run.chunkSize >= changing.length;
		db.transaction((tx) => {
			const now = run.clock();
			for (const p of stillPlanned(tx, input, chunk, rawByLine)) {
				if (p.current) applyRow(tx, content, input, run.plan.organisationId, p.planned, now);
				else skipped.push(p.planned.row.line);
			}
			recordProgress(tx, run.importId, start + chunk.length, skipped, now);
			if (!last) return;
			appendAudit(tx, {
				actorId: input.actorId,
				action: 'roster-import',
				entity: 'organisation',
				entityId: run.plan.organisationId,
				detail: {
					file: input.fileName,
					sha256: run.sha256,
					rows: run.plan.rows,
					created: run.counts.create,
					updated: run.counts.update,
					left: run.counts.leave,
					reinstated: run.counts.reinstate,
					unchanged: run.counts.unchanged,
					notAdded: run.counts['not-added'],
					needsAdministrator: run.counts['needs-admin'],
					...(skipped.length ? { skippedAsChangedMeanwhile: skipped } : {})
				},
				at: now
			});
			finishImport(tx, run.importId, now);
		});
	}
	return importById(db, run.importId)!;
}

/**
 * Each chunk is planned again against its people as they are now, inside its transaction: a row whose record someone
 * changed since the plan (or whose email address was taken meanwhile) is skipped, never applied over the change.
 */
function stillPlanned(tx: Reader, input: ApplyInput, chunk: PlannedRow[], rawByLine: Map<number, RawRow>) {
	const raws = chunk.map((p) => rawByLine.get(p.row.line)!);
	const context = loadRosterContext(tx, input.organisationId, raws, input.importer, [...new Set(chunk.map((p) => p.row.workforceId))]);
	const fresh = context ? planRoster({ rows: raws, problems: [] }, context) : { planned: [] };
	const now = new Map(fresh.planned.map((p) => [p.row.line, JSON.stringify(p)]));
	return chunk.map((planned) => ({ planned, current: now.get(planned.row.line) === JSON.stringify(planned) }));
}

function applyRow(tx: Reader, content: AssignmentContent, { actorId, importer }: ApplyInput, organisationId: number, p: PlannedRow, now: Date) {
	const { row } = p;
	const fields = { name: row.name, email: row.email, unitId: row.unitId, jobRole: row.jobRole, startDate: row.startDate };
	const audit = (action: string, personId: number, detail: Record<string, unknown>) =>
		appendAudit(tx, { actorId, action, entity: 'person', entityId: personId, detail: { via: 'roster-import', line: row.line, ...detail }, at: now });
	switch (p.kind) {
		case 'unchanged':
		case 'not-added':
		case 'needs-admin':
			return;
		case 'create': {
			const created = tx
				.insert(people)
				.values({ organisationId, workforceId: row.workforceId, ...fields, createdAt: now, updatedAt: now })
				.returning({ id: people.id })
				.get();
			refreshPerson(tx, content.framework, created.id, now);
			audit('person-create', created.id, { organisationId, workforceId: row.workforceId, ...fields });
			queueActivation(tx, created.id, { now });
			return;
		}
		case 'update':
		case 'leave':
		case 'reinstate': {
			const status = p.kind === 'leave' ? 'left' : p.kind === 'reinstate' ? 'active' : undefined;
			// Who marked someone as left decides who may reinstate them: an administrator's word needs an administrator.
			const leftByAdmin = p.kind === 'leave' ? importer.isAdmin : p.kind === 'reinstate' ? false : undefined;
			tx.update(people)
				.set({ ...fields, leftDate: row.leavingDate, ...(status ? { status } : {}), ...(leftByAdmin === undefined ? {} : { leftByAdmin }), updatedAt: now })
				.where(eq(people.id, p.personId))
				.run();
			// Leavers can no longer sign in; end the sessions they have.
			if (p.kind === 'leave') invalidatePersonSessions(tx, p.personId);
			// A new job role brings new requirements, a new start date new induction due dates.
			if (p.changes.some((c) => c.field === 'jobRole' || c.field === 'startDate')) refreshPerson(tx, content.framework, p.personId, now);
			const action = p.kind === 'leave' ? 'person-left' : p.kind === 'reinstate' ? 'person-reinstate' : 'person-update';
			audit(action, p.personId, { changes: changeMap(p.changes) });
			// A returner owes what they had not done of assigned training again, with time to do it.
			if (p.kind === 'reinstate') resumeAssignmentsOnReturn(tx, content, actorId, p.personId, now);
			// Leaving ends access roles, and a returner does not get back any kept from before that rule.
			if (p.kind !== 'update')
				endGrantsOnLeaving(
					tx,
					actorId,
					p.personId,
					{ reason: p.kind === 'leave' ? 'left' : 'reinstated after leaving', via: 'roster-import', line: row.line },
					now
				);
			return;
		}
	}
}

const changeMap = (changes: FieldChange[]) => Object.fromEntries(changes.map((c) => [c.field, { from: c.from, to: c.to }]));

/** The import's final state if it settles within `ms`; undefined while it is still applying. */
export async function settledWithin(finished: Promise<ImportState>, ms: number): Promise<ImportState | undefined> {
	let timedOut: (value: undefined) => void = () => {};
	const timeout = new Promise<undefined>((resolve) => (timedOut = resolve));
	const timer = setTimeout(() => timedOut(undefined), ms);
	try {
		return await Promise.race([finished, timeout]);
	} finally {
		clearTimeout(timer);
	}
}

export type PageApply =
	| { kind: 'applied'; counts: ReturnType<typeof countPlan>; skippedLines: number[] }
	| { kind: 'applying'; importId: number }
	| { kind: 'refused'; message: string; dryRun?: Extract<DryRun, { ok: true }> };

/**
 * Starts an apply and waits a moment for it: a small roster is applied by the time the page would show, so the page
 * shows its result; a large one shows its progress instead, while it goes on in the background.
 */
export async function applyForPage(db: Db, content: AssignmentContent, input: ApplyInput, waitMs = 1500): Promise<PageApply> {
	const outcome = await applyRoster(db, content, input);
	if (!outcome.ok) return { kind: 'refused', message: outcome.message, dryRun: outcome.dryRun };
	if (outcome.importId === undefined) return { kind: 'applied', counts: outcome.counts, skippedLines: [] };
	const state = await settledWithin(outcome.finished, waitMs);
	if (!state) return { kind: 'applying', importId: outcome.importId };
	if (state.status === 'failed') return { kind: 'refused', message: state.message ?? 'The import stopped part way through.' };
	return { kind: 'applied', counts: outcome.counts, skippedLines: state.skippedLines };
}
