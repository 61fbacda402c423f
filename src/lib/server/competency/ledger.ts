import { and, asc, eq } from 'drizzle-orm';
import { appendAudit } from '../audit/log';
import type { Db } from '../db';
import { competencyCycles, competencyStatus, evidence, people } from '../db/schema';
import { londonToday, type IsoDate } from './dates';
import { competenciesSupportedBy, requiredFor, type Framework } from './framework';
import { cyclesOf, effectiveFacts, statusOn, type LedgerRow } from './status';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Writer = Db | Tx;

export type EvidenceSource = { module: string } | { scenario: string } | { observed: string; competencyId: string };

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
	const kind = 'module' in source ? 'module' : 'scenario' in source ? 'scenario' : 'observed';
	const ref = 'module' in source ? source.module : 'scenario' in source ? source.scenario : source.observed;
	const competencyIds = 'observed' in source ? [source.competencyId] : competenciesSupportedBy(framework, source).map((c) => c.id);
	const ids = competencyIds.map((competencyId) => {
		const row = tx
			.insert(evidence)
			.values({ personId: input.personId, competencyId, kind, ref, contentVersion: input.version, occurredOn: input.occurredOn, recordedAt: input.at, recordedBy: input.recordedBy })
			.returning({ id: evidence.id })
			.get();
		appendAudit(tx, { actorId: input.recordedBy, action: 'evidence-record', entity: 'evidence', entityId: row.id, detail: { personId: input.personId, competencyId, kind, ref, version: input.version, occurredOn: input.occurredOn }, at: input.at });
		return row.id;
	});
	if (ids.length) refreshPerson(tx, framework, input.personId);
	return ids;
}

/** A correction: a new ledger row that voids an earlier one, with the reason. The earlier row is untouched. */
export function voidEvidence(db: Db, framework: Framework, input: { evidenceId: number; personId: number; reason: string; actorId: number; at?: Date }): { ok: true } | { ok: false; message: string } {
	const at = input.at ?? new Date();
	const target = db.select().from(evidence).where(and(eq(evidence.id, input.evidenceId), eq(evidence.personId, input.personId))).get();
	if (!target) return { ok: false, message: 'That evidence could not be found for this person.' };
	if (target.voidsId != null) return { ok: false, message: 'A correction cannot itself be voided; record new evidence instead.' };
	if (db.select({ id: evidence.id }).from(evidence).where(eq(evidence.voidsId, target.id)).get()) return { ok: false, message: 'This evidence has already been voided.' };
	db.transaction((tx) => {
		const row = tx
			.insert(evidence)
			.values({ ...target, id: undefined, voidsId: target.id, reason: input.reason, recordedAt: at, recordedBy: input.actorId })
			.returning({ id: evidence.id })
			.get();
		appendAudit(tx, { actorId: input.actorId, action: 'evidence-void', entity: 'evidence', entityId: row.id, detail: { voids: target.id, personId: target.personId, competencyId: target.competencyId, reason: input.reason }, at });
		refreshPerson(tx, framework, target.personId);
	});
	return { ok: true };
}

export function ledgerRows(db: Writer, personId: number) {
	return db.select().from(evidence).where(eq(evidence.personId, personId)).orderBy(asc(evidence.id)).all();
}

function asLedger(rows: ReturnType<typeof ledgerRows>, competencyId: string): LedgerRow[] {
	return rows
		.filter((r) => r.competencyId === competencyId)
		.map((r) => ({ id: r.id, kind: r.kind, ref: r.ref, occurredOn: r.occurredOn, recordedAt: r.recordedAt, voidsId: r.voidsId }));
}

/**
 * Re-derives the stored status and cycles of every competency the person's job role requires.
 * These rows are a cache of the ledger for dashboards; the ledger stays the record.
 */
export function refreshPerson(tx: Writer, framework: Framework, personId: number, now = new Date()) {
	const person = tx.select({ jobRole: people.jobRole }).from(people).where(eq(people.id, personId)).get();
	if (!person) return;
	const rows = ledgerRows(tx, personId);
	const today = londonToday(now);
	tx.delete(competencyStatus).where(eq(competencyStatus.personId, personId)).run();
	tx.delete(competencyCycles).where(eq(competencyCycles.personId, personId)).run();
	for (const { competency, months, requirements } of requiredFor(framework, person.jobRole)) {
		const facts = effectiveFacts(asLedger(rows, competency.id), now);
		const s = statusOn(requirements, months, facts, today);
		tx.insert(competencyStatus).values({ personId, competencyId: competency.id, achievedOn: s.achievedOn, expiresOn: s.expiresOn, updatedAt: now }).run();
		const cycles = cyclesOf(requirements, months, facts);
		if (cycles.length) tx.insert(competencyCycles).values(cycles.map((c) => ({ personId, competencyId: competency.id, ...c }))).run();
	}
}

/**
 * One person's competency record on a date, rebuilt from the ledger: the question an inquiry asks.
 * `knownAt` chooses between what we know now (default) and the record as it stood at the end of that day.
 */
export function recordOn(db: Db, framework: Framework, person: { id: number; jobRole: string }, date: IsoDate, knownAt = new Date()) {
	const rows = ledgerRows(db, person.id);
	return requiredFor(framework, person.jobRole).map(({ competency, months, requirements }) => {
		const ledger = asLedger(rows, competency.id);
		const facts = effectiveFacts(ledger, knownAt);
		return {
			competency: { id: competency.id, title: competency.title },
			months,
			requirements,
			...statusOn(requirements, months, facts, date),
			cycles: cyclesOf(requirements, months, facts)
		};
	});
}
export type CompetencyRecord = ReturnType<typeof recordOn>;
