import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit/log';
import { queueActivation } from '../auth/activation';
import { invalidatePersonSessions } from '../auth/session';
import { refreshPerson } from '../competency/ledger';
import type { Framework } from '../competency/framework';
import type { Db } from '../db';
import { people } from '../db/schema';
import { endGrantsOnLeaving } from '../people/leaving';
import { loadRosterContext, type Reader, type RosterImporter } from './context';
import { fileDigest, planFingerprint } from './fingerprint';
import type { DryRun } from './dry-run';
import { readRosterFile } from './parse';
import { countPlan, planRoster, type FieldChange, type PlannedRow } from './plan';

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
	| { ok: true; counts: ReturnType<typeof countPlan> }
	/** Refused; when the file could be read, with a fresh dry run to show instead. */
	| { ok: false; message: string; dryRun?: Extract<DryRun, { ok: true }> };

/**
 * Applies a roster all or nothing. The file is parsed again and the plan re-made inside the one transaction,
 * from the records as they are at that moment; it is applied only if it is exactly the plan the dry run showed.
 */
export function applyRoster(db: Db, framework: Framework, input: ApplyInput, now = new Date()): ApplyOutcome {
	const parsed = readRosterFile(input.bytes);
	if (!parsed.ok) return { ok: false, message: parsed.message };
	return db.transaction((tx): ApplyOutcome => {
		const context = loadRosterContext(tx, input.organisationId, parsed.rows, input.importer);
		if (!context) return { ok: false, message: 'This organisation no longer exists.' };
		const plan = planRoster(parsed, context);
		const fingerprint = planFingerprint(plan);
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
		for (const p of plan.planned) applyRow(tx, framework, input, context.organisation.id, p, now);
		appendAudit(tx, {
			actorId: input.actorId,
			action: 'roster-import',
			entity: 'organisation',
			entityId: context.organisation.id,
			detail: {
				file: input.fileName,
				sha256: fileDigest(input.bytes),
				rows: plan.rows,
				created: counts.create,
				updated: counts.update,
				left: counts.leave,
				reinstated: counts.reinstate,
				unchanged: counts.unchanged,
				notAdded: counts['not-added'],
				needsAdministrator: counts['needs-admin']
			},
			at: now
		});
		return { ok: true, counts };
	});
}

function applyRow(tx: Reader, framework: Framework, { actorId, importer }: ApplyInput, organisationId: number, p: PlannedRow, now: Date) {
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
			refreshPerson(tx, framework, created.id, now);
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
			if (p.changes.some((c) => c.field === 'jobRole' || c.field === 'startDate')) refreshPerson(tx, framework, p.personId, now);
			const action = p.kind === 'leave' ? 'person-left' : p.kind === 'reinstate' ? 'person-reinstate' : 'person-update';
			audit(action, p.personId, { changes: changeMap(p.changes) });
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
