import { and, asc, eq } from 'drizzle-orm';
import { evidenceDigest } from '../audit/evidence-digest';
import { appendAudit } from '../audit/log';
import type { Db } from '../db';
import { statementsFor } from '../db/prepared';
import { evidence } from '../db/schema';
import { londonToday, type IsoDate } from './dates';
import { competenciesSupportedBy, requiredFor, type Framework, type Requirement } from './framework';
import { assignedDueDates, markAssignmentsMet } from '../assignments/person-assignments';
import { mergeDueDates } from '../assignments/rules';
import { dueDatesFor } from './induction-plans';
import { statusFor } from './status-rule';
import { cyclesOf, effectiveFacts, statusOn, type EvidenceFact, type LedgerRow } from './status';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Writer = Db | Tx;

/** What produced evidence. An observed assessment and a prior learning claim (its id) are each for one named competency. */
export type EvidenceSource =
	{ module: string } | { scenario: string } | { observed: string; competencyId: string } | { priorLearning: string; competencyId: string };

/**
 * Appends evidence for every competency the source supports (an observed assessment names its one competency),
 * then re-derives the person's statuses. Call inside the transaction of the write that produced the evidence.
 */
export function recordEvidence(
	tx: Writer,
	framework: Framework,
	input: { personId: number; source: EvidenceSource; version: string | null; occurredOn: IsoDate; recordedBy: number | null; at: Date }
): number[] {
	const { source } = input;
	const [kind, ref] =
		'module' in source
			? (['module', source.module] as const)
			: 'scenario' in source
				? (['scenario', source.scenario] as const)
				: 'observed' in source
					? (['observed', source.observed] as const)
					: (['prior-learning', source.priorLearning] as const);
	const competencyIds = 'competencyId' in source ? [source.competencyId] : competenciesSupportedBy(framework, source).map((c) => c.id);
	const q = ledgerStatements(tx);
	const ids = competencyIds.map((competencyId) => {
		const row = {
			personId: input.personId,
			competencyId,
			kind,
			ref,
			contentVersion: input.version,
			occurredOn: input.occurredOn,
			recordedAt: input.at.getTime(),
			recordedBy: input.recordedBy,
			voidsId: null,
			reason: null
		};
		const id = Number(
			q.insertEvidence.run(row.personId, competencyId, kind, ref, row.contentVersion, row.occurredOn, row.recordedAt, row.recordedBy).lastInsertRowid
		);
		// The digest of the whole row lets the audit verifier tell if the row is later changed or deleted outside the app.
		const digest = evidenceDigest({ id, ...row });
		appendAudit(tx, {
			actorId: input.recordedBy,
			action: 'evidence-record',
			entity: 'evidence',
			entityId: id,
			detail: { personId: input.personId, competencyId, kind, ref, version: input.version, occurredOn: input.occurredOn, digest },
			at: input.at
		});
		return id;
	});
	// Assigned training this evidence meets is marked met before the due dates are worked out again.
	const met = markAssignmentsMet(tx, {
		personId: input.personId,
		source,
		competencyIds,
		occurredOn: input.occurredOn,
		version: input.version,
		evidenceId: ids[0] ?? null,
		actorId: input.recordedBy,
		at: input.at
	});
	if (ids.length || met.length) refreshPerson(tx, framework, input.personId);
	return ids;
}

/** A correction: a new ledger row that voids an earlier one, with the reason. The earlier row is untouched. */
export function voidEvidence(
	db: Db,
	framework: Framework,
	input: { evidenceId: number; personId: number; reason: string; actorId: number; at?: Date }
): { ok: true } | { ok: false; message: string } {
	const at = input.at ?? new Date();
	const target = db
		.select()
		.from(evidence)
		.where(and(eq(evidence.id, input.evidenceId), eq(evidence.personId, input.personId)))
		.get();
	if (!target) return { ok: false, message: 'That evidence could not be found for this person.' };
	if (target.voidsId != null) return { ok: false, message: 'A correction cannot itself be voided; record new evidence instead.' };
	// A correction belongs to the same person: looking within their ledger keeps this off the voids index, which
	// SQLite's statistics (nearly every row has no voids_id) make it read end to end.
	if (
		db
			.select({ id: evidence.id })
			.from(evidence)
			.where(and(eq(evidence.personId, target.personId), eq(evidence.voidsId, target.id)))
			.get()
	)
		return { ok: false, message: 'This evidence has already been voided.' };
	db.transaction((tx) => {
		const row = tx
			.insert(evidence)
			.values({ ...target, id: undefined, voidsId: target.id, reason: input.reason, recordedAt: at, recordedBy: input.actorId })
			.returning()
			.get();
		const digest = evidenceDigest({ ...row, recordedAt: row.recordedAt.getTime() });
		appendAudit(tx, {
			actorId: input.actorId,
			action: 'evidence-void',
			entity: 'evidence',
			entityId: row.id,
			detail: { voids: target.id, personId: target.personId, competencyId: target.competencyId, reason: input.reason, digest },
			at
		});
		refreshPerson(tx, framework, target.personId);
	});
	return { ok: true };
}

export function ledgerRows(db: Writer, personId: number) {
	return db.select().from(evidence).where(eq(evidence.personId, personId)).orderBy(asc(evidence.id)).all();
}

/**
 * The statements refreshing a person runs, prepared once per connection: a status or cycle row written here
 * fires the dashboard aggregates' triggers, whose programs make preparing these statements costly.
 */
function ledgerStatements(dbOrTx: object) {
	return statementsFor(dbOrTx, 'ledger', (c) => ({
		insertEvidence: c.prepare(
			'insert into evidence (person_id, competency_id, kind, ref, content_version, occurred_on, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?)'
		),
		person: c.prepare('select job_role as jobRole, start_date as startDate from people where id = ?'),
		ledger: c.prepare(
			'select id, competency_id as competencyId, kind, ref, occurred_on as occurredOn, recorded_at as recordedAt, voids_id as voidsId from evidence where person_id = ? order by id'
		),
		statuses: c.prepare(
			'select competency_id as competencyId, achieved_on as achievedOn, expires_on as expiresOn, due_on as dueOn from competency_status where person_id = ?'
		),
		cycles: c.prepare(
			'select rowid, competency_id as competencyId, achieved_on as achievedOn, expires_on as expiresOn from competency_cycles where person_id = ?'
		),
		touchStatuses: c.prepare('update competency_status set updated_at = ? where person_id = ?'),
		deleteStatus: c.prepare('delete from competency_status where person_id = ? and competency_id = ?'),
		updateDue: c.prepare('update competency_status set due_on = ?, updated_at = ? where person_id = ? and competency_id = ?'),
		updateStatus: c.prepare(
			'update competency_status set achieved_on = ?, expires_on = ?, due_on = ?, updated_at = ? where person_id = ? and competency_id = ?'
		),
		insertStatus: c.prepare('insert into competency_status (person_id, competency_id, achieved_on, expires_on, due_on, updated_at) values (?, ?, ?, ?, ?, ?)'),
		deleteCycle: c.prepare('delete from competency_cycles where rowid = ?'),
		insertCycle: c.prepare('insert into competency_cycles (person_id, competency_id, achieved_on, expires_on) values (?, ?, ?, ?)')
	}));
}

type LedgerFactRow = { id: number; competencyId: string; kind: LedgerRow['kind']; ref: string; occurredOn: string; recordedAt: number; voidsId: number | null };

function byCompetency<R extends { competencyId: string }, T>(rows: R[], shape: (row: R) => T): Map<string, T[]> {
	const grouped = new Map<string, T[]>();
	for (const row of rows) {
		let list = grouped.get(row.competencyId);
		if (!list) grouped.set(row.competencyId, (list = []));
		list.push(shape(row));
	}
	return grouped;
}

/** The person's ledger grouped by competency, in the shape the derivation needs. */
function ledgerByCompetency(dbOrTx: object, personId: number): Map<string, LedgerRow[]> {
	const rows = ledgerStatements(dbOrTx).ledger.all(personId) as LedgerFactRow[];
	return byCompetency(rows, (r) => ({ id: r.id, kind: r.kind, ref: r.ref, occurredOn: r.occurredOn, recordedAt: new Date(r.recordedAt), voidsId: r.voidsId }));
}

/**
 * Re-derives the stored status, due date and cycles of every competency the person's job role requires.
 * These rows are a cache of the ledger (and of the induction plan) for dashboards; the ledger stays the record.
 * Call whenever evidence, the job role or the start date changes.
 */
export function refreshPerson(tx: Writer, framework: Framework, personId: number, now = new Date()) {
	const q = ledgerStatements(tx);
	const person = q.person.get(personId) as { jobRole: string; startDate: string } | undefined;
	if (person === undefined) return;
	const { jobRole } = person;
	const dueDates = personDueDates(tx, framework, personId, person);
	const ledger = ledgerByCompetency(tx, personId);
	const today = londonToday(now);
	// Only what changed is written: each status or cycle row written fires the dashboard aggregates' triggers,
	// and one new piece of evidence usually changes one or two competencies of a five-year record.
	const oldStatus = new Map((q.statuses.all(personId) as StoredStatus[]).map((r) => [r.competencyId, r]));
	const oldCycles = byCompetency(q.cycles.all(personId) as StoredCycle[], (c) => c);
	const at = now.getTime();
	q.touchStatuses.run(at, personId);
	for (const { competency, months, requirements } of requiredFor(framework, jobRole)) {
		const facts = effectiveFacts(ledger.get(competency.id) ?? [], now);
		const s = statusOn(requirements, months, facts, today);
		const dueOn = dueDates.get(competency.id) ?? null;
		const old = oldStatus.get(competency.id);
		oldStatus.delete(competency.id);
		if (!old) q.insertStatus.run(personId, competency.id, s.achievedOn, s.expiresOn, dueOn, at);
		else if (old.achievedOn !== s.achievedOn || old.expiresOn !== s.expiresOn || old.dueOn !== dueOn)
			q.updateStatus.run(s.achievedOn, s.expiresOn, dueOn, at, personId, competency.id);
		const stale = oldCycles.get(competency.id) ?? [];
		oldCycles.delete(competency.id);
		for (const c of cyclesOf(requirements, months, facts)) {
			const same = stale.findIndex((o) => o.achievedOn === c.achievedOn && o.expiresOn === c.expiresOn);
			if (same >= 0) stale.splice(same, 1);
			else q.insertCycle.run(personId, competency.id, c.achievedOn, c.expiresOn);
		}
		for (const c of stale) q.deleteCycle.run(c.rowid);
	}
	// Competencies the job role no longer needs.
	for (const competencyId of oldStatus.keys()) q.deleteStatus.run(personId, competencyId);
	for (const cycles of oldCycles.values()) for (const c of cycles) q.deleteCycle.run(c.rowid);
}

/** The person's due dates: the earlier of the induction plan's and their open assignments' (assignments/rules.ts). */
function personDueDates(tx: Writer, framework: Framework, personId: number, person: { jobRole: string; startDate: string }) {
	return mergeDueDates(dueDatesFor(framework.induction, person.jobRole, person.startDate), assignedDueDates(tx, personId));
}

/**
 * Works out only the person's stored due dates again: what an assignment made, extended or cancelled changes.
 * Lighter than refreshPerson (no ledger read), for assignments that reach thousands of people at once.
 */
export function refreshDueDates(tx: Writer, framework: Framework, personId: number, now = new Date()) {
	const q = ledgerStatements(tx);
	const person = q.person.get(personId) as { jobRole: string; startDate: string } | undefined;
	if (person === undefined) return;
	const dueDates = personDueDates(tx, framework, personId, person);
	for (const old of q.statuses.all(personId) as StoredStatus[]) {
		const dueOn = dueDates.get(old.competencyId) ?? null;
		if (old.dueOn !== dueOn) q.updateDue.run(dueOn, now.getTime(), personId, old.competencyId);
	}
}

type StoredStatus = { competencyId: string; achievedOn: string | null; expiresOn: string | null; dueOn: string | null };
type StoredCycle = { rowid: number; competencyId: string; achievedOn: string; expiresOn: string };

/**
 * One person's competency record on a date, rebuilt from the ledger: the question an inquiry asks.
 * `knownAt` chooses between what we know now (default) and the record as it stood at the end of that day.
 * History lists only periods begun on or before the date, from the evidence dated by then.
 */
export function recordOn(db: Db, framework: Framework, person: PersonForRecord, date: IsoDate, knownAt = new Date()) {
	return statusesOn(db, framework, person, date, knownAt, (requirements, months, facts) => ({ cycles: cyclesOf(requirements, months, facts, date) }));
}
export type CompetencyRecord = ReturnType<typeof recordOn>;

/** Who a record is for: with a start date, competencies in the role's induction plan have a due date and can be overdue. */
export type PersonForRecord = {
	id: number;
	jobRole: string;
	startDate?: IsoDate;
	/** Due dates from open assigned training (My training passes these; an as-at record of the past does not). */
	assignedDueDates?: readonly { competencyId: string; dueOn: IsoDate }[];
};

/** The same record without the history of cycles: what My training needs. */
export function statusesOn<Extra extends object = object>(
	db: Db,
	framework: Framework,
	person: PersonForRecord,
	date: IsoDate,
	knownAt = new Date(),
	extra?: (requirements: Requirement[], months: number, facts: EvidenceFact[]) => Extra
) {
	// "In date since" needs every earlier piece of evidence (a renewal in time continues a period), not just the latest.
	const ledger = ledgerByCompetency(db, person.id);
	const induction = person.startDate ? dueDatesFor(framework.induction, person.jobRole, person.startDate) : new Map<string, IsoDate>();
	const dueDates = mergeDueDates(induction, person.assignedDueDates ?? []);
	return requiredFor(framework, person.jobRole).map(({ competency, months, requirements }) => {
		const facts = effectiveFacts(ledger.get(competency.id) ?? [], knownAt);
		const s = statusOn(requirements, months, facts, date);
		// A due date matters only until the competency is first achieved (status-rule.ts).
		const dueOn = s.expiresOn === null ? (dueDates.get(competency.id) ?? null) : null;
		return {
			competency: { id: competency.id, title: competency.title },
			months,
			requirements,
			...s,
			status: statusFor(s.expiresOn, date, dueOn),
			dueOn,
			...((extra?.(requirements, months, facts) ?? {}) as Extra)
		};
	});
}
